import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blockedKind } from './address-guard.ts';
import { checkedAddresses, resolveTarget, TargetRefused } from './resolve-target.ts';
import { urlRefusal } from './url-policy.ts';

const refused = (pattern: RegExp) => (err: unknown) => {
  assert.ok(err instanceof TargetRefused, String(err));
  assert.match(err.message, pattern);
  return true;
};

test('outside sandbox mode only https URLs without credentials are saved', () => {
  for (const [url, why] of [
    ['http://hooks.example.com/x', /must use https/],
    ['ftp://hooks.example.com/x', /must use https/],
    ['https://user:pw@hooks.example.com/x', /credentials/],
    ['https://hooks.example.com/x#frag', /fragment/],
    ['hooks.example.com/x', /absolute URL/],
    ['http://127.0.0.1:8080/x', /sandbox mode only/],
    ['https://localhost/x', /localhost/],
    ['https://10.1.2.3/x', /private/],
    ['https://[::1]/x', /loopback/],
    ['https://[fd12::1]/x', /unique-local/],
    ['https://169.254.169.254/latest/meta-data', /link-local/],
    ['https://2130706433/x', /loopback/],
    ['https://0x7f.1/x', /loopback/],
    ['https://[::ffff:127.0.0.1]/x', /IPv4-embedding/],
  ] as const) {
    assert.match(urlRefusal(url, false) ?? 'allowed', why, url);
  }
  assert.equal(urlRefusal('https://hooks.example.com:8443/wekeza?x=1', false), null);
  assert.equal(urlRefusal('https://93.184.215.14/x', false), null);
});

test('sandbox mode also allows http to a loopback address, and nothing else over http', () => {
  assert.equal(urlRefusal('http://127.0.0.1:9000/hook', true), null);
  assert.equal(urlRefusal('http://localhost:9000/hook', true), null);
  assert.equal(urlRefusal('http://[::1]:9000/hook', true), null);
  assert.match(urlRefusal('http://hooks.example.com/hook', true) ?? '', /loopback/);
  assert.equal(urlRefusal('https://10.0.0.5/hook', true), null);
});

test('every private, loopback, link-local, unique-local and multicast address is refused', () => {
  const cases: Record<string, string | null> = {
    '127.0.0.1': 'loopback',
    '127.255.0.9': 'loopback',
    '::1': 'loopback',
    '0.0.0.0': 'unspecified',
    '10.0.0.1': 'private',
    '172.16.5.4': 'private',
    '172.31.255.255': 'private',
    '192.168.1.1': 'private',
    '100.64.0.1': 'private',
    '169.254.169.254': 'link-local',
    'fe80::1': 'link-local',
    'fc00::1': 'unique-local',
    'fd00:ec2::254': 'unique-local',
    '224.0.0.1': 'multicast',
    'ff02::1': 'multicast',
    '255.255.255.255': 'reserved',
    '::ffff:10.0.0.1': 'IPv4-embedding',
    '172.32.0.1': null,
    '8.8.8.8': null,
    '2606:4700:4700::1111': null,
  };
  for (const [ip, kind] of Object.entries(cases)) assert.equal(blockedKind(ip), kind, ip);
});

test('names are checked after real DNS resolution: localhost resolves to loopback and is refused', async () => {
  // The system resolver, as in production; `localhost` is also refused by name before any look-up.
  await assert.rejects(
    checkedAddresses('localhost', 'https:', { sandbox: false }),
    refused(/loopback address/),
  );
  await assert.rejects(
    resolveTarget('https://localhost:8443/hook', { sandbox: false }),
    refused(/localhost/),
  );
  await assert.rejects(resolveTarget('https://LOCALHOST./hook', { sandbox: false }), refused(/localhost/));
  await assert.rejects(resolveTarget('https://127.0.0.1/hook', { sandbox: false }), refused(/loopback/));
  await assert.rejects(resolveTarget('https://[::1]/hook', { sandbox: false }), refused(/loopback/));
  const resolved = await resolveTarget('http://localhost:9000/hook', { sandbox: true });
  assert.ok(resolved.addresses.length > 0);
  assert.ok(resolved.addresses.every((a) => a.address === '127.0.0.1' || a.address === '::1'));
});

test('a name that resolves to a private address is refused, even when one of its answers is public', async () => {
  const lookup = async (host: string) =>
    host === 'rebind.example.com'
      ? [
          { address: '93.184.215.14', family: 4 as const },
          { address: '10.0.0.7', family: 4 as const },
        ]
      : [{ address: '93.184.215.14', family: 4 as const }];
  await assert.rejects(
    resolveTarget('https://rebind.example.com/hook', { sandbox: false, lookup }),
    refused(/10\.0\.0\.7, a private address/),
  );
  const ok = await resolveTarget('https://hooks.example.com/hook', { sandbox: false, lookup });
  assert.deepEqual(ok.addresses, [{ address: '93.184.215.14', family: 4 }]);
  await assert.rejects(
    resolveTarget('https://nowhere.invalid/hook', {
      sandbox: false,
      lookup: async () => {
        throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
      },
    }),
    refused(/does not resolve \(ENOTFOUND\)/),
  );
});
