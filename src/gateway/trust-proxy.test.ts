/**
 * Behind a proxy (TRUST_PROXY set to the number of proxies, or their addresses) the IP allow-list
 * checks the address the nearest untrusted hop reported: an address the client wrote itself at the
 * left of X-Forwarded-For does not get it past the list. `TRUST_PROXY=true`, which would trust every
 * hop, is refused at start.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../platform/index.ts';
import { customerToken, type Fintech, onboardFintech, sandboxCustomers } from '../test-support/fintech.ts';
import { startTestServer, type TestServer } from '../test-support/server.ts';

const REDIRECT_URI = 'https://proxied.example/callback';

for (const trust of ['1', '127.0.0.1']) {
  describe(`the IP allow-list behind a proxy (TRUST_PROXY=${trust})`, () => {
    let t: TestServer;
    let fintech: Fintech;
    let token: string;
    let balanceUrl: string;

    before(async () => {
      t = await startTestServer('sqlite', { TRUST_PROXY: trust });
      fintech = await onboardFintech(t.url, {
        email: 'proxied@fintech.example',
        redirectUri: REDIRECT_URI,
        scopes: ['openid', 'accounts.read'],
      });
      const customers = await sandboxCustomers(t.url);
      const accountId = customers.find((c) => c.username === 'wanjiku')!.accounts[0]!.id;
      token = (
        await customerToken(t.url, fintech, {
          scopes: ['accounts.read'],
          accountIds: [accountId],
          redirectUri: REDIRECT_URI,
        })
      ).token;
      balanceUrl = `${t.url}/v1/accounts/${accountId}/balance`;
      const patched = await fetch(`${t.url}/developer/apps/${fintech.clientId}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${fintech.developerToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ip_allowlist: ['10.0.0.0/8'] }),
      });
      assert.equal(patched.status, 200);
    });
    after(() => t?.close());

    const balance = async (forwardedFor: string) =>
      (
        await fetch(balanceUrl, {
          headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': forwardedFor },
        })
      ).status;

    test('the client the proxy saw is checked, not what the client wrote', async () => {
      assert.equal(await balance('10.1.2.3'), 200, 'the proxy saw a client in 10.0.0.0/8');
      assert.equal(await balance('203.0.113.9'), 403, 'the proxy saw a client outside the list');
      assert.equal(await balance('10.1.2.3, 203.0.113.9'), 403, 'a forged first entry does not pass');
    });
  });
}

test('TRUST_PROXY takes a hop count or addresses; true (every hop) and bad addresses are refused', () => {
  const trustOf = (value: string) => loadConfig({ TRUST_PROXY: value, WEKEZA_SANDBOX: 'true' }).trustProxy;
  assert.equal(trustOf('false'), false);
  assert.equal(trustOf('2'), 2);
  assert.deepEqual(trustOf('10.0.0.0/8, 192.0.2.7,2001:db8::/32'), [
    '10.0.0.0/8',
    '192.0.2.7',
    '2001:db8::/32',
  ]);
  assert.throws(() => trustOf('true'), /TRUST_PROXY.*how many proxies/s);
  assert.throws(() => trustOf('10.0.0.0/33'), /TRUST_PROXY.*not an IP address or CIDR block/s);
});
