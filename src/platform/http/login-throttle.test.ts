/**
 * One client address gets WEKEZA_LOGIN_ATTEMPTS_PER_MINUTE log-in attempts a minute over all the
 * log-in routes together (the developer API, the portal, the customers' pages), whichever accounts
 * it tries; then 429 with Retry-After. Other routes are not counted.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestServer, type TestServer } from '../../test-support/server.ts';

let t: TestServer;
before(async () => {
  // The in-process store: this test's tight limit must not reach other tests through Redis.
  t = await startTestServer('sqlite', { WEKEZA_LOGIN_ATTEMPTS_PER_MINUTE: '3' });
});
after(() => t?.close());

test('an address guessing many accounts is slowed down across every log-in route', async () => {
  const developerLogin = (email: string) =>
    fetch(`${t.url}/developer/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'not-the-password-1' }),
    });
  for (let i = 0; i < 3; i++) assert.equal((await developerLogin(`guess${i}@example.com`)).status, 401);
  const limited = await developerLogin('guess4@example.com');
  assert.equal(limited.status, 429);
  assert.equal(((await limited.json()) as { code: string }).code, 'RATE_LIMITED');
  assert.ok(Number(limited.headers.get('retry-after')) >= 1);
  for (const path of ['/portal/login', '/account/login']) {
    const form = await fetch(`${t.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=a%40b.example&username=wanjiku&password=x&csrf=x',
      redirect: 'manual',
    });
    assert.equal(form.status, 429, path);
  }
  // Other routes are not counted: the sandbox list answers as before.
  assert.equal((await fetch(`${t.url}/sandbox/customers`)).status, 200);
});
