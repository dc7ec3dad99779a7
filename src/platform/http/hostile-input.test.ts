/**
 * Input that the schemas' shapes allowed but a database cannot hold — amounts beyond 64 bits, year
 * 0000, NUL characters, 19-digit cursors — is a 4xx problem naming the field, never a 500, and
 * changes nothing (a refused payment leaves no trace in the risk engine's counters either).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BACKENDS } from '../../test-support/backends.ts';
import { customerToken, type Fintech, onboardFintech } from '../../test-support/fintech.ts';
import { startTestServer, type TestServer } from '../../test-support/server.ts';

const REDIRECT_URI = 'https://hostile.example/callback';
type Json = Record<string, unknown>;

for (const backend of BACKENDS) {
  describe(`hostile input is a 4xx problem, never a 500 [${backend}]`, () => {
    let t: TestServer;
    let fintech: Fintech;
    let token: string;
    let accountId: string;
    let payee: string;

    const call = async (path: string, init: RequestInit & { bearer?: string } = {}) => {
      const res = await fetch(`${t.url}${path}`, {
        ...init,
        headers: {
          ...(init.bearer ? { authorization: `Bearer ${init.bearer}` } : {}),
          ...(init.body ? { 'content-type': 'application/json' } : {}),
          ...(init.headers as Record<string, string>),
        },
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : {}) as Json };
    };
    /** A 400 problem whose first error names `path`. */
    const refused = (res: { status: number; body: Json }, path: string) => {
      assert.equal(res.status, 400, JSON.stringify(res.body));
      const errors = res.body.errors as { path: string }[] | undefined;
      assert.equal(errors?.[0]?.path, path, JSON.stringify(res.body));
    };

    before(async () => {
      t = await startTestServer(backend);
      fintech = await onboardFintech(t.url, {
        email: `hostile-${backend}@fintech.example`,
        redirectUri: REDIRECT_URI,
        scopes: ['openid', 'accounts.read', 'transactions.read', 'payments.write'],
      });
      const customers = (await call('/sandbox/customers')).body.data as {
        username: string;
        accounts: { id: string; currency: string; account_number: string }[];
      }[];
      const kes = (u: string) =>
        customers.find((c) => c.username === u)!.accounts.find((a) => a.currency === 'KES')!;
      accountId = kes('wanjiku').id;
      payee = kes('otieno').account_number;
      token = (
        await customerToken(t.url, fintech, {
          scopes: ['accounts.read', 'transactions.read', 'payments.write'],
          accountIds: [accountId],
          redirectUri: REDIRECT_URI,
        })
      ).token;
    });
    after(() => t.close());

    test('an amount beyond the largest the platform takes is refused, and the payment leaves no trace', async () => {
      const pay = (amount: string, key: string) =>
        call('/v1/payments', {
          method: 'POST',
          bearer: token,
          headers: { 'idempotency-key': key },
          body: JSON.stringify({
            debtor_account_id: accountId,
            creditor: { name: 'Otieno', account_number: payee, bank_code: '99' },
            amount: { amount, currency: 'KES' },
            reference: key,
          }),
        });
      refused(await pay('99999999999999999.00', 'huge-1'), '/body/amount/amount');
      refused(await pay('10000000000000.00', 'huge-2'), '/body/amount/amount');
      assert.equal(((await call('/v1/payments', { bearer: token })).body.data as Json[]).length, 0);
      // Had the refused attempts reached the velocity counters, this ordinary payment would be held.
      const ordinary = await pay('150.00', 'ordinary');
      assert.equal(ordinary.status, 201, JSON.stringify(ordinary.body));
      assert.equal(ordinary.body.status, 'completed', JSON.stringify(ordinary.body));
      refused(
        await call(`/v1/accounts/${accountId}/transactions?min_amount=999999999999999999.99`, {
          bearer: token,
        }),
        '/query/min_amount',
      );
      refused(
        await call('/v1/consents', {
          method: 'POST',
          bearer: fintech.appToken,
          body: JSON.stringify({
            scopes: ['payments.write'],
            expires_at: new Date(Date.now() + 86_400_000).toISOString(),
            max_amount: { amount: '999999999999999999.99', currency: 'KES' },
          }),
        }),
        '/body/max_amount/amount',
      );
    });

    test('a date no database can hold is refused', async () => {
      refused(
        await call(`/v1/accounts/${accountId}/transactions?to=0000-01-01`, { bearer: token }),
        '/querystring/to',
      );
      refused(
        await call('/v1/consents', {
          method: 'POST',
          bearer: fintech.appToken,
          body: JSON.stringify({
            scopes: ['transactions.read'],
            expires_at: new Date(Date.now() + 86_400_000).toISOString(),
            transaction_from_date: '0000-01-01',
          }),
        }),
        '/body/transaction_from_date',
      );
    });

    test('a NUL character anywhere — query, body, form — is refused', async () => {
      refused(await call(`/v1/accounts/${accountId}/transactions?q=%00`, { bearer: token }), '/query/q');
      refused(
        await call('/developer/login', {
          method: 'POST',
          body: JSON.stringify({ email: 'a\u0000@b.example', password: 'correct horse battery' }),
        }),
        '/body/email',
      );
      const form = await fetch(`${t.url}/account/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'username=wanjiku%00&password=x&csrf=x',
        redirect: 'manual',
      });
      assert.equal(form.status, 400, await form.text());
    });

    test('a cursor beyond 64 bits is refused', async () => {
      const feed = await call('/v1/events?after=9999999999999999999', { bearer: fintech.appToken });
      refused(feed, '/querystring/after');
      const notes = await call('/developer/notifications?before=9999999999999999999', {
        bearer: fintech.developerToken,
      });
      refused(notes, '/querystring/before');
    });
  });
}
