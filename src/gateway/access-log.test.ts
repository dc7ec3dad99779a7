import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { customerToken, onboardFintech, sandboxCustomers } from '../test-support/fintech.ts';
import { startTestServer, type TestServer } from '../test-support/server.ts';

const REDIRECT_URI = 'https://budget.example/callback';

interface Line {
  readonly msg?: string;
  readonly request_id?: string;
  readonly [field: string]: unknown;
}

let t: TestServer;
const lines: Line[] = [];
let text = '';

before(async () => {
  t = await startTestServer(
    'sqlite',
    { LOG_LEVEL: 'info' },
    {
      logStream: {
        write(line: string) {
          text += line;
          lines.push(JSON.parse(line) as Line);
        },
      },
    },
  );
});
after(() => t?.close());

const accessLine = (requestId: string | null) => {
  const found = lines.filter((l) => l.msg === 'request completed' && l.request_id === requestId);
  assert.equal(found.length, 1, `one access-log line for request ${requestId}`);
  return found[0]!;
};

test('one access-log line per request: app, customer, consent, route template, status, latency, bytes; no secrets', async () => {
  const customers = await sandboxCustomers(t.url);
  const wanjiku = customers.find((c) => c.username === 'wanjiku')!;
  const [accountId, otherAccountId] = wanjiku.accounts.map((a) => a.id);
  const fintech = await onboardFintech(t.url, {
    email: 'logs@fintech.example',
    redirectUri: REDIRECT_URI,
    scopes: ['openid', 'accounts.read'],
  });
  const { token, consentId } = await customerToken(t.url, fintech, {
    scopes: ['accounts.read'],
    accountIds: [accountId!],
    redirectUri: REDIRECT_URI,
  });

  const read = await fetch(`${t.url}/v1/accounts/${accountId}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(read.status, 200);
  const accountNumber = ((await read.json()) as { account_number: string }).account_number;
  const ok = accessLine(read.headers.get('x-request-id'));
  assert.equal(ok.app, fintech.clientId);
  assert.equal(ok.customer, wanjiku.id);
  assert.equal(ok.consent, consentId);
  assert.equal(ok.route, '/v1/accounts/:account_id');
  assert.equal(ok.path, `/v1/accounts/${accountId}`);
  assert.equal(ok.method, 'GET');
  assert.equal(ok.status, 200);
  assert.equal(typeof ok.latency_ms, 'number');
  assert.equal(ok.bytes, Number(read.headers.get('content-length')));
  // The line pino would write: level, time and the process's bindings too.
  assert.equal(ok.level, 30);
  assert.equal(typeof ok.time, 'number');
  assert.equal(ok.pid, process.pid);

  // A refusal is logged too, with who asked; the query string is not.
  const refused = await fetch(`${t.url}/v1/accounts/${otherAccountId}/transactions?q=secret-search`, {
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(refused.status, 403);
  const no = accessLine(refused.headers.get('x-request-id'));
  assert.equal(no.app, fintech.clientId);
  assert.equal(no.route, '/v1/accounts/:account_id/transactions');
  assert.equal(no.status, 403);

  // Without a token: the line has no app.
  const anonymous = await fetch(`${t.url}/v1/accounts`);
  assert.equal(anonymous.status, 401);
  assert.equal(accessLine(anonymous.headers.get('x-request-id')).app, undefined);

  for (const secret of [token, fintech.clientSecret, accountNumber, 'secret-search']) {
    assert.ok(!text.includes(secret), `${secret.slice(0, 12)}… is not in the logs`);
  }
});
