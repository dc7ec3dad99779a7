import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SignJWT } from 'jose';
import { BACKENDS } from '../test-support/backends.ts';
import {
  type Fintech,
  onboardFintech,
  postJson,
  customerToken as sandboxToken,
} from '../test-support/fintech.ts';
import { startTestServer, type TestServer } from '../test-support/server.ts';

const REDIRECT_URI = 'https://budget.example/callback';

interface Customer {
  username: string;
  accounts: { id: string; currency: string }[];
}

for (const backend of BACKENDS) {
  describe(`Accounts & Transactions API [${backend}]`, () => {
    let t: TestServer;
    let fintech: Fintech;
    let wanjiku: Customer;
    let otieno: Customer;

    /** A customer token through POST /sandbox/authorize and the token endpoint. */
    const customerToken = (scopes: string[], accountIds: string[], username = 'wanjiku') =>
      sandboxToken(t.url, fintech, { scopes, accountIds, username: username, redirectUri: REDIRECT_URI });

    const get = async (path: string, token?: string) => {
      const res = await fetch(`${t.url}${path}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      return {
        status: res.status,
        challenge: res.headers.get('www-authenticate'),
        body: (await res.json()) as Record<string, unknown>,
      };
    };

    before(async () => {
      t = await startTestServer(backend, { WEKEZA_SEED_TRANSACTIONS: '1500' });
      fintech = await onboardFintech(t.url, {
        email: 'accounts@fintech.example',
        redirectUri: REDIRECT_URI,
        scopes: ['openid', 'accounts.read', 'transactions.read'],
      });
      const { data } = (await (await fetch(`${t.url}/sandbox/customers`)).json()) as { data: Customer[] };
      wanjiku = data.find((c) => c.username === 'wanjiku')!;
      otieno = data.find((c) => c.username === 'otieno')!;
    });
    after(() => t?.close());

    test('the token sees exactly the consented accounts, their details and balances', async () => {
      const [first, second] = wanjiku.accounts;
      const { token } = await customerToken(['accounts.read'], [first!.id]);
      const list = await get('/v1/accounts', token);
      assert.equal(list.status, 200);
      const accounts = list.body.data as { id: string; masked_account_number: string }[];
      assert.deepEqual(
        accounts.map((a) => a.id),
        [first!.id],
      );
      assert.match(accounts[0]!.masked_account_number, /^•••• \d{4}$/);
      const one = await get(`/v1/accounts/${first!.id}`, token);
      assert.match(String(one.body.account_number), /^\d{13}$/);
      const balance = await get(`/v1/accounts/${first!.id}/balance`, token);
      assert.equal(balance.status, 200);
      assert.match(String((balance.body.current as { amount: string }).amount), /^-?\d+\.\d{2}$/);
      assert.equal((balance.body.current as { currency: string }).currency, first!.currency);

      assert.equal(
        (await get(`/v1/accounts/${second!.id}`, token)).status,
        404,
        'an unconsented account of the same customer',
      );
      assert.equal(
        (await get(`/v1/accounts/${otieno.accounts[0]!.id}/balance`, token)).status,
        404,
        "another customer's account",
      );
      const noScope = await get(`/v1/accounts/${first!.id}/transactions`, token);
      assert.equal(noScope.status, 403);
      assert.match(String(noScope.challenge), /insufficient_scope/);
    });

    test('walking links.next returns every transaction once, newest first, also while new ones post', async () => {
      const account = wanjiku.accounts[0]!;
      const { token } = await customerToken(['accounts.read', 'transactions.read'], [account.id]);
      const seen: string[] = [];
      const times: string[] = [];
      let next: string | null = `/v1/accounts/${account.id}/transactions?limit=100`;
      let pages = 0;
      while (next) {
        const page = await get(next.replace(t.url, ''), token);
        assert.equal(page.status, 200, JSON.stringify(page.body));
        for (const tx of page.body.data as { id: string; booked_at: string }[]) {
          seen.push(tx.id);
          times.push(tx.booked_at);
        }
        next = (page.body.links as { next: string | null }).next;
        if (pages++ === 1) {
          // a new transaction lands mid-walk: it is newer than everything, so it must not appear
          await postJson(`${t.url}/sandbox/accounts/${account.id}/deposits`, {
            amount: { amount: '10.00', currency: account.currency },
          });
        }
      }
      assert.ok(seen.length > 100, `only ${seen.length}`);
      assert.equal(new Set(seen).size, seen.length, 'no repeats');
      assert.deepEqual([...times].sort().reverse(), times, 'newest first');
      const credits = await get(
        `/v1/accounts/${account.id}/transactions?type=credit&limit=500&min_amount=1000`,
        token,
      );
      const data = credits.body.data as { credit_debit: string; amount: { amount: string } }[];
      assert.ok(
        data.length > 0 &&
          data.every((tx) => tx.credit_debit === 'credit' && Number.parseFloat(tx.amount.amount) >= 1000),
      );
    });

    test('bad filters are a 400 naming the parameter', async () => {
      const account = wanjiku.accounts[0]!;
      const { token } = await customerToken(['transactions.read'], [account.id]);
      for (const [query, path] of [
        ['limit=501', '/querystring/limit'],
        ['type=sideways', '/querystring/type'],
        ['from=yesterday', '/querystring/from'],
        ['min_amount=-5', '/querystring/min_amount'],
        ['min_amount=1.234', '/query/min_amount'],
        ['cursor=nonsense', '/query/cursor'],
        ['colour=blue', '/querystring/colour'],
      ]) {
        const res = await get(`/v1/accounts/${account.id}/transactions?${query}`, token);
        assert.equal(res.status, 400, query);
        assert.ok(
          (res.body.errors as { path: string }[]).some((e) => e.path === path),
          `${query}: ${JSON.stringify(res.body.errors)}`,
        );
      }
    });

    test('revoking the consent stops the token at once; bad, forged and client tokens are refused', async () => {
      const account = wanjiku.accounts[0]!;
      const { token, consentId } = await customerToken(['accounts.read'], [account.id]);
      assert.equal((await get('/v1/accounts', token)).status, 200);
      await fetch(`${t.url}/v1/consents/${consentId}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${fintech.appToken}` },
      });
      const revoked = await get('/v1/accounts', token);
      assert.equal(revoked.status, 401);
      assert.match(String(revoked.challenge), /invalid_token/);

      assert.equal((await get('/v1/accounts')).status, 401, 'no token');
      assert.equal((await get('/v1/accounts', 'not-a-jwt')).status, 401);
      assert.equal(
        (await get('/v1/accounts', fintech.appToken)).status,
        401,
        'an app token is not a customer token',
      );
      const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
      const unsigned = `${Buffer.from('{"alg":"none","typ":"at+jwt"}').toString('base64url')}.${token.split('.')[1]}.`;
      assert.equal((await get('/v1/accounts', unsigned)).status, 401, 'alg none');
      const forged = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
        .sign(new TextEncoder().encode('x'.repeat(32)));
      assert.equal((await get('/v1/accounts', forged)).status, 401, 'signed by another key');
    });
  });
}
