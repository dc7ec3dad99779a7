/**
 * The Payments API end to end, on SQLite (memory store) and PostgreSQL (Redis): a fintech onboarded
 * with openid-client pays from a customer's account under a payments consent, sees the status and
 * the balance and transactions change; retries are safe; risky payments are held or refused with
 * reasons; operators review them; every authorisation refusal the issue lists is refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createCoreBanking } from '../core-banking/index.ts';
import { type Database, openDatabase, openRedis } from '../platform/index.ts';
import type { BackendName } from '../test-support/backends.ts';
import { runCli } from '../test-support/cli.ts';
import { customerToken, type Fintech, onboardFintech } from '../test-support/fintech.ts';
import { entriesWithReference as entriesOf } from '../test-support/payments.ts';
import { startTestServer, type TestServer } from '../test-support/server.ts';

const REDIRECT_URI = 'https://pay.example/callback';
/** A Redis database of its own, emptied first: risk counters and cached balances of the seeded
 * (deterministic) customers must not leak between runs or into other test files. */
const REDIS_URL = 'redis://127.0.0.1:6379/5';
const OPERATOR_KEY = 'operator-key-for-the-payments-tests-0123456789';
const BANK = '99';

interface SandboxCustomer {
  id: string;
  username: string;
  accounts: { id: string; type: string; currency: string; account_number: string }[];
}

type Json = Record<string, unknown>;
interface Answer {
  status: number;
  headers: Headers;
  body: Json;
}

const SETUPS: { backend: BackendName; store: 'memory' | 'redis' }[] = [
  { backend: 'sqlite', store: 'memory' },
  { backend: 'postgres', store: 'redis' },
];

for (const { backend, store } of SETUPS) {
  describe(`the Payments API [${backend}, ${store} store]`, () => {
    let t: TestServer;
    let database: Database;
    let fintech: Fintech;
    let customers: SandboxCustomer[];
    let keys = 0;

    const customer = (username: string) => customers.find((c) => c.username === username)!;
    const main = (username: string) => customer(username).accounts[0]!;
    const savings = (username: string) =>
      customer(username).accounts.find((a) => a.type === 'savings' && a.currency === 'KES')!;

    const call = async (path: string, init: RequestInit & { token?: string; key?: string } = {}) => {
      const { token, key, ...rest } = init;
      const res = await fetch(`${t.url}${path}`, {
        ...rest,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(rest.body ? { 'content-type': 'application/json' } : {}),
          ...(key ? { 'idempotency-key': key } : {}),
        },
      });
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : {}) as Json };
    };

    const pay = (token: string, body: Json, key = `key-${++keys}-${backend}`): Promise<Answer> =>
      call('/v1/payments', { method: 'POST', token, key, body: JSON.stringify(body) });

    const operator = (path: string, init: RequestInit = {}) =>
      fetch(`${t.url}/operator${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${OPERATOR_KEY}`,
          ...(init.body ? { 'content-type': 'application/json' } : {}),
        },
      }).then(async (r) => ({ status: r.status, body: (r.status === 204 ? {} : await r.json()) as Json }));

    /** A payments consent's token for the customer's main account (and reading it). */
    const tokenFor = async (
      username = 'wanjiku',
      options: {
        scopes?: string[];
        accountIds?: string[];
        maxAmount?: { amount: string; currency: string };
      } = {},
      app = fintech,
    ) =>
      (
        await customerToken(t.url, app, {
          scopes: options.scopes ?? ['payments.write', 'accounts.read', 'transactions.read'],
          accountIds: options.accountIds ?? [main(username).id],
          username,
          redirectUri: REDIRECT_URI,
          ...(options.maxAmount ? { maxAmount: options.maxAmount } : {}),
        })
      ).token;

    const balance = async (token: string, accountId: string) => {
      const res = await call(`/v1/accounts/${accountId}/balance`, { token });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const money = (k: string) => (res.body[k] as { amount: string }).amount;
      return { current: money('current'), available: money('available') };
    };

    const toCreditor = (username: string, name = 'Brian Otieno') => ({
      name,
      account_number: main(username).account_number,
      bank_code: BANK,
    });

    const payment = (over: Json = {}): Json => ({
      debtor_account_id: main('wanjiku').id,
      creditor: toCreditor('otieno'),
      amount: { amount: '150.00', currency: 'KES' },
      reference: 'INV-2026-001',
      description: 'Invoice 2026-001',
      ...over,
    });

    const entriesWithReference = (reference: string) => entriesOf(database, reference);

    const eventsOf = async (paymentId: string) =>
      (
        await database
          .schema<{ outbox: { type: string; aggregate: string; seq: number; data: string } }>('events')
          .selectFrom('outbox')
          .select(['type', 'data'])
          .where('aggregate', '=', paymentId)
          .orderBy('seq')
          .execute()
      ).map((e) => ({ type: e.type, data: JSON.parse(e.data) as Json }));

    const ledgerOk = async () => {
      const report = await createCoreBanking(database).verifyLedger();
      assert.equal(report.ok, true, JSON.stringify(report));
    };

    before(async () => {
      if (store === 'redis') {
        const redis = openRedis(REDIS_URL);
        await new Promise((resolve) => redis.once('ready', resolve));
        await redis.flushdb();
        redis.disconnect();
      }
      t = await startTestServer(backend, {
        WEKEZA_RATE_LIMITS: 'standard=100000/100000',
        WEKEZA_OPERATOR_KEY: OPERATOR_KEY,
        ...(store === 'redis' ? { REDIS_URL } : {}),
      });
      database = openDatabase(t.config.database);
      fintech = await onboardFintech(t.url, {
        email: `payments-${backend}@fintech.example`,
        redirectUri: REDIRECT_URI,
        scopes: ['openid', 'accounts.read', 'transactions.read', 'payments.write'],
      });
      customers = (await call('/sandbox/customers')).body.data as SandboxCustomer[];
    });
    after(async () => {
      await database?.close();
      await t?.close();
    });

    test('a payment inside the bank completes at once: status, balances and transactions of both sides', async () => {
      const token = await tokenFor();
      const otieno = await tokenFor('otieno');
      const debtorBefore = await balance(token, main('wanjiku').id);
      const creditorBefore = await balance(otieno, main('otieno').id);

      const res = await pay(token, payment());
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const id = String(res.body.id);
      assert.match(id, /^pay_[0-9A-Z]{26}$/);
      assert.equal(res.headers.get('location'), `${t.url}/v1/payments/${id}`);
      assert.equal(res.body.status, 'completed');
      assert.equal(res.body.iso_status, 'ACSC');
      assert.deepEqual(res.body.amount, { amount: '150.00', currency: 'KES' });
      assert.deepEqual(res.body.fee, { amount: '0.00', currency: 'KES' }, 'sandbox payments are free');
      assert.deepEqual(
        (res.body.status_history as Json[]).map((h) => [h.status, h.iso_status, h.reason]),
        [
          ['pending', 'ACSP', 'Received'],
          ['completed', 'ACSC', 'Paid'],
        ],
      );

      const cents = (s: string) => BigInt(s.replace('.', ''));
      const debtorAfter = await balance(token, main('wanjiku').id);
      assert.equal(cents(debtorBefore.current) - cents(debtorAfter.current), 150_00n);
      const creditorAfter = await balance(otieno, main('otieno').id);
      assert.equal(cents(creditorAfter.current) - cents(creditorBefore.current), 150_00n);

      const statement = await call(`/v1/accounts/${main('wanjiku').id}/transactions?limit=1`, { token });
      const [line] = statement.body.data as Json[];
      assert.deepEqual(
        [line?.reference, line?.credit_debit, line?.amount],
        [id, 'debit', { amount: '150.00', currency: 'KES' }],
      );
      const credited = await call(`/v1/accounts/${main('otieno').id}/transactions?limit=1`, {
        token: otieno,
      });
      assert.equal((credited.body.data as Json[])[0]?.reference, id);

      const read = await call(`/v1/payments/${id}`, { token });
      assert.equal(read.status, 200);
      assert.deepEqual(read.body, res.body);
      assert.deepEqual(
        (await eventsOf(id)).map((e) => [e.type, e.data.status]),
        [
          ['payment.created', 'pending'],
          ['payment.completed', 'completed'],
        ],
      );
      assert.equal(await entriesWithReference(id), 1);
      await ledgerOk();
    });

    test('payments to another bank and to mobile money are booked to settlement and clearing', async () => {
      const token = await tokenFor();
      const bank = await pay(
        token,
        payment({ creditor: { name: 'Jane', account_number: '1234567890', bank_code: '01' } }),
      );
      assert.equal(bank.body.status, 'completed', JSON.stringify(bank.body));
      const mobile = await pay(
        token,
        payment({ creditor: { name: 'Mama Mboga', mobile_number: '+254711000111' } }),
      );
      assert.equal(mobile.body.status, 'completed');
      assert.deepEqual(mobile.body.creditor, { name: 'Mama Mboga', mobile_number: '+254711000111' });
      const bookedTo = async (paymentId: string) =>
        (
          await database
            .schema<{
              entries: { id: string; reference: string };
              postings: { entry_id: string; account_id: string; amount: number };
              accounts: { id: string; account_number: string };
            }>('core_banking')
            .selectFrom('entries as e')
            .innerJoin('postings as p', 'p.entry_id', 'e.id')
            .innerJoin('accounts as a', 'a.id', 'p.account_id')
            .select('a.account_number')
            .where('e.reference', '=', paymentId)
            .where('p.amount', '>', 0)
            .executeTakeFirstOrThrow()
        ).account_number;
      assert.equal(await bookedTo(String(bank.body.id)), 'GL-SETTLEMENT-KES');
      assert.equal(await bookedTo(String(mobile.body.id)), 'GL-CLEARING-KES');
    });

    test('every invalid request is a 400 or 422 problem naming the field, and stores nothing', async () => {
      const token = await tokenFor();
      const cases: [Json | undefined, number, string, string, string?][] = [
        [
          payment({ amount: { amount: '10.001', currency: 'KES' } }),
          400,
          'INVALID_AMOUNT',
          '/body/amount/amount',
        ],
        [
          payment({ amount: { amount: '0.00', currency: 'KES' } }),
          400,
          'INVALID_AMOUNT',
          '/body/amount/amount',
        ],
        [
          payment({ amount: { amount: '-5.00', currency: 'KES' } }),
          400,
          'INVALID_AMOUNT',
          '/body/amount/amount',
        ],
        [
          payment({ amount: { amount: '10', currency: 'XYZ' } }),
          400,
          'UNSUPPORTED_CURRENCY',
          '/body/amount/currency',
        ],
        [
          payment({ amount: { amount: '10.00', currency: 'USD' } }),
          422,
          'CURRENCY_MISMATCH',
          '/body/amount/currency',
        ],
        [payment({ amount: 10 }), 400, 'VALIDATION_FAILED', '/body/amount'],
        [
          payment({
            creditor: {
              name: 'X',
              mobile_number: '+254711000111',
              account_number: '1234567',
              bank_code: '01',
            },
          }),
          400,
          'VALIDATION_FAILED',
          '/body/creditor',
        ],
        [
          payment({ creditor: { name: 'X', account_number: '1234567' } }),
          400,
          'VALIDATION_FAILED',
          '/body/creditor',
        ],
        [
          payment({ creditor: { name: 'X', mobile_number: '0711000111' } }),
          400,
          'VALIDATION_FAILED',
          '/body/creditor/mobile_number',
        ],
        [
          payment({ creditor: { name: 'X', account_number: '0100999999990', bank_code: BANK } }),
          422,
          'CREDITOR_ACCOUNT_NOT_FOUND',
          '/body/creditor/account_number',
        ],
        [payment({ creditor: toCreditor('wanjiku') }), 422, 'SAME_ACCOUNT', '/body/creditor/account_number'],
        [payment({ reference: '' }), 400, 'VALIDATION_FAILED', '/body/reference'],
        [payment({ surprise: true }), 400, 'VALIDATION_FAILED', '/body/surprise'],
      ];
      for (const [body, status, code, path] of cases) {
        const res = await pay(token, body!);
        assert.equal(res.status, status, `${path}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body.code, code, path);
        assert.ok(
          (res.body.errors as { path: string }[]).some((e) => e.path === path),
          `${path} in ${JSON.stringify(res.body.errors)}`,
        );
      }
      const usdCreditor = customer('otieno').accounts.find((a) => a.currency === 'USD')!;
      const usd = await pay(
        token,
        payment({ creditor: { name: 'B', account_number: usdCreditor.account_number, bank_code: BANK } }),
      );
      assert.equal(usd.body.code, 'CURRENCY_MISMATCH');

      const noKey = await call('/v1/payments', { method: 'POST', token, body: JSON.stringify(payment()) });
      assert.equal(noKey.status, 400);
      assert.equal((noKey.body.errors as { path: string }[])[0]?.path, '/headers/idempotency-key');
      for (const key of ['x'.repeat(41), 'has space']) {
        const bad = await pay(token, payment(), key);
        assert.equal(bad.status, 400, key);
      }
      assert.equal((await pay(token, payment(), 'x'.repeat(40))).status, 201, '40 characters are fine');

      // A debtor account frozen after the consent (never read before, so no cached state).
      const frozen = await tokenFor('kamau', { accountIds: [savings('kamau').id] });
      await database
        .schema<{ accounts: { id: string; status: string } }>('core_banking')
        .updateTable('accounts')
        .set({ status: 'frozen' })
        .where('id', '=', savings('kamau').id)
        .execute();
      const refused = await pay(frozen, payment({ debtor_account_id: savings('kamau').id }));
      assert.equal(refused.status, 422);
      assert.equal(refused.body.code, 'ACCOUNT_NOT_OPEN');
      assert.equal((refused.body.errors as { path: string }[])[0]?.path, '/body/debtor_account_id');
    });

    test('a retry with the same key replays the answer; another body with it is a 422', async () => {
      const token = await tokenFor();
      const key = `retry-${backend}`;
      const first = await pay(token, payment({ reference: 'RETRY-1' }), key);
      const again = await pay(token, payment({ reference: 'RETRY-1' }), key);
      assert.equal(again.status, 201);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(again.body, first.body);
      // Key order does not make a request different.
      const reordered = Object.fromEntries(Object.entries(payment({ reference: 'RETRY-1' })).reverse());
      assert.deepEqual((await pay(token, reordered, key)).body, first.body);
      const other = await pay(token, payment({ reference: 'RETRY-2' }), key);
      assert.equal(other.status, 422);
      assert.equal(other.body.code, 'IDEMPOTENCY_KEY_REUSED');
      assert.equal(await entriesWithReference(String(first.body.id)), 1);
      // The same request under another consent of the customer's (one this payment's account is not
      // in) is another request: it is not shown the payment.
      const savingsOnly = await tokenFor('wanjiku', { accountIds: [savings('wanjiku').id] });
      const elsewhere = await pay(savingsOnly, payment({ reference: 'RETRY-1' }), key);
      assert.deepEqual([elsewhere.status, elsewhere.body.code], [422, 'IDEMPOTENCY_KEY_REUSED']);
      assert.equal(JSON.stringify(elsewhere.body).includes(String(first.body.id)), false);

      // Keys are the app's: another app's identical key is another payment.
      const otherApp = await onboardFintech(t.url, {
        email: `other-app-${backend}@fintech.example`,
        redirectUri: REDIRECT_URI,
        scopes: ['openid', 'payments.write'],
      });
      const theirs = await pay(
        await tokenFor('wanjiku', { scopes: ['payments.write'] }, otherApp),
        payment({ reference: 'RETRY-1' }),
        key,
      );
      assert.equal(theirs.status, 201);
      assert.notEqual(theirs.body.id, first.body.id);
      assert.equal(theirs.headers.get('idempotent-replayed'), null);
    });

    if (store === 'redis') {
      test('a retry is answered from its key even when the request would now be refused', async () => {
        const account = savings('otieno');
        const token = await tokenFor('otieno', { accountIds: [account.id] });
        const body = payment({
          debtor_account_id: account.id,
          // A payee of its own: a known payee would change other tests' risk outcomes.
          creditor: { name: 'Wallet', mobile_number: '+254700000777' },
          amount: { amount: '1.00', currency: 'KES' },
          reference: 'FROZEN-LATER',
        });
        const key = `frozen-later-${backend}`;
        const first = await pay(token, body, key);
        assert.equal(first.status, 201);
        const accounts = database.schema<{ accounts: { id: string; status: string } }>('core_banking');
        const setStatus = (status: string) =>
          accounts.updateTable('accounts').set({ status }).where('id', '=', account.id).execute();
        const redis = openRedis(REDIS_URL);
        // Commands fail fast until it is connected (no offline queue).
        await new Promise((resolve) => redis.once('ready', resolve));
        // The account as the API caches it (the shared store's key), dropped so that it is read afresh.
        const forget = () => redis.del(`wekeza:acct:${account.id}`);
        try {
          await setStatus('frozen');
          await forget();
          const fresh = await pay(token, { ...body, reference: 'FROZEN-NEW' });
          assert.deepEqual(
            [fresh.status, fresh.body.code],
            [422, 'ACCOUNT_NOT_OPEN'],
            'a new request is refused',
          );
          const again = await pay(token, body, key);
          assert.equal(again.status, 201);
          assert.equal(again.headers.get('idempotent-replayed'), 'true');
          assert.deepEqual(again.body, first.body);
        } finally {
          await setStatus('open');
          await forget();
          redis.disconnect();
        }
      });
    }

    test('50 concurrent requests with one key: one payment, one ledger entry, every response identical', async () => {
      const token = await tokenFor();
      const key = `burst-${backend}`;
      const before = await balance(token, main('wanjiku').id);
      const answers = await Promise.all(
        Array.from({ length: 50 }, () => pay(token, payment({ reference: 'BURST' }), key)),
      );
      const statuses = new Set(answers.map((a) => a.status));
      assert.deepEqual([...statuses], [201], JSON.stringify(answers.find((a) => a.status !== 201)?.body));
      for (const a of answers) assert.deepEqual(a.body, answers[0]!.body);
      assert.equal(answers.filter((a) => a.headers.get('idempotent-replayed') === null).length, 1);
      const id = String(answers[0]!.body.id);
      assert.equal(answers[0]!.body.status, 'completed');
      assert.equal(await entriesWithReference(id), 1);
      const list = await call('/v1/payments?limit=100', { token });
      assert.equal((list.body.data as Json[]).filter((p) => p.reference === 'BURST').length, 1);
      const after = await balance(token, main('wanjiku').id);
      assert.equal(BigInt(before.current.replace('.', '')) - BigInt(after.current.replace('.', '')), 150_00n);
      await ledgerOk();
    });

    test('authorisation: another app, another customer, an account outside the consent, no payments.write, above the limit', async () => {
      const token = await tokenFor();
      const mine = await pay(token, payment({ reference: 'MINE' }));
      assert.equal(mine.status, 201);

      const otherApp = await onboardFintech(t.url, {
        email: `intruder-${backend}@fintech.example`,
        redirectUri: REDIRECT_URI,
        scopes: ['openid', 'payments.write'],
      });
      const intruder = await tokenFor('wanjiku', { scopes: ['payments.write'] }, otherApp);
      assert.equal(
        (await call(`/v1/payments/${mine.body.id}`, { token: intruder })).body.code,
        'PAYMENT_NOT_FOUND',
      );
      assert.equal(
        ((await call('/v1/payments', { token: intruder })).body.data as Json[]).length,
        0,
        'no other app’s payments listed',
      );
      // The same app under another consent does not see it either.
      const secondConsent = await tokenFor();
      assert.equal((await call(`/v1/payments/${mine.body.id}`, { token: secondConsent })).status, 404);

      const theirAccount = await pay(
        token,
        payment({ debtor_account_id: main('otieno').id, creditor: toCreditor('kamau') }),
      );
      assert.equal(theirAccount.status, 403);
      assert.equal(theirAccount.body.code, 'ACCOUNT_NOT_CONSENTED');
      assert.equal((theirAccount.body.errors as { path: string }[])[0]?.path, '/body/debtor_account_id');

      const outside = await pay(token, payment({ debtor_account_id: savings('wanjiku').id }));
      assert.equal(outside.status, 403);
      assert.equal(outside.body.code, 'ACCOUNT_NOT_CONSENTED');

      const readOnly = await tokenFor('wanjiku', { scopes: ['accounts.read'] });
      const noScope = await pay(readOnly, payment());
      assert.equal(noScope.status, 403);
      assert.equal(noScope.body.code, 'INSUFFICIENT_SCOPE');
      assert.match(String(noScope.headers.get('www-authenticate')), /insufficient_scope.*payments\.write/);

      const limited = await tokenFor('wanjiku', { maxAmount: { amount: '1000.00', currency: 'KES' } });
      const above = await pay(limited, payment({ amount: { amount: '1000.01', currency: 'KES' } }));
      assert.equal(above.status, 422);
      assert.equal(above.body.code, 'AMOUNT_ABOVE_CONSENT_LIMIT');
      assert.equal((above.body.errors as { path: string }[])[0]?.path, '/body/amount/amount');
      assert.equal(
        (await pay(limited, payment({ amount: { amount: '1000.00', currency: 'KES' } }))).body.status,
        'completed',
      );

      assert.equal((await pay('', payment())).status, 401);
      assert.equal(
        (await call('/v1/payments', { token: fintech.appToken })).status,
        401,
        "the app's own token is no customer's",
      );
    });

    test('the default rules let a customer pay a new payee small amounts a few dozen times a minute', async () => {
      const token = await tokenFor('mwangi');
      const answers: Answer[] = [];
      for (let i = 0; i < 36; i++) {
        answers.push(
          await pay(
            token,
            payment({
              debtor_account_id: main('mwangi').id,
              creditor: { name: 'Boda boda', mobile_number: '+254722000333' },
              amount: { amount: '120.50', currency: 'KES' },
              reference: `RIDE-${i}`,
            }),
          ),
        );
      }
      assert.deepEqual([...new Set(answers.map((a) => a.body.status))], ['completed']);
      const metrics = await (await fetch(`${t.url}/metrics`)).text();
      assert.match(metrics, /wekeza_risk_rule_hits_total\{system="risk",rule="new_beneficiary"\} [1-9]/);
      assert.match(
        metrics,
        /wekeza_risk_decisions_total\{proposed="approve",outcome="approve",mode="enforce"\} [1-9]/,
      );
      assert.match(metrics, /wekeza_payments_total\{status="completed"\} [1-9]/);
    });

    test('a large payment is held for review; an operator approves it and the money moves', async () => {
      const token = await tokenFor('kamau');
      const otieno = await tokenFor('otieno');
      const debtor = main('kamau').id;
      const before = await balance(token, debtor);
      const creditorBefore = await balance(otieno, main('otieno').id);
      const res = await pay(
        token,
        payment({
          debtor_account_id: debtor,
          amount: { amount: '60000.00', currency: 'KES' },
          reference: 'CAR-DEPOSIT',
        }),
      );
      assert.equal(res.status, 201);
      assert.equal(res.body.status, 'under_review', JSON.stringify(res.body));
      assert.equal(res.body.iso_status, 'PDNG');
      const id = String(res.body.id);
      const held = await balance(token, debtor);
      assert.equal(held.current, before.current, 'nothing booked yet');
      const cents = (s: string) => BigInt(s.replace('.', ''));
      assert.equal(cents(before.available) - cents(held.available), 60_000_00n, 'the funds are held');

      const explained = await operator(`/payments/${id}`);
      assert.equal(explained.status, 200);
      const decision = explained.body.risk_decision as {
        payment_id: string;
        timed_out: boolean;
        proposed: string;
        hits: { rule: string; detail: string }[];
      };
      assert.equal(decision.proposed, 'review');
      assert.deepEqual(
        [decision.payment_id, decision.timed_out],
        [id, false],
        'the decision in the API’s snake_case',
      );
      assert.ok(
        decision.hits.some((h) => h.rule === 'new_beneficiary' && /KES 50000\.00/.test(h.detail)),
        JSON.stringify(decision.hits),
      );
      const queue = await operator('/payments?status=under_review');
      assert.ok((queue.body.data as Json[]).some((p) => p.id === id));
      assert.match(String((queue.body.links as Json).self), /\/operator\/payments\?status=under_review(&|$)/);

      const approved = await operator(`/payments/${id}/review`, {
        method: 'POST',
        body: JSON.stringify({ decision: 'approve', operator: 'amina', note: 'Customer confirmed by phone' }),
      });
      assert.equal(approved.status, 200, JSON.stringify(approved.body));
      assert.equal(approved.body.status, 'completed');
      assert.deepEqual(
        (approved.body.status_history as Json[]).map((h) => [h.status, h.iso_status]),
        [
          ['pending', 'PDNG'],
          ['under_review', 'PDNG'],
          ['completed', 'ACSC'],
        ],
      );
      assert.match(
        String((approved.body.status_history as Json[])[2]?.reason),
        /operator:amina: Customer confirmed/,
      );
      const after = await balance(token, debtor);
      assert.equal(cents(before.current) - cents(after.current), 60_000_00n);
      assert.equal(
        cents(before.available) - cents(after.available),
        60_000_00n,
        'the hold was captured, not doubled',
      );
      assert.equal(
        cents((await balance(otieno, main('otieno').id)).current) - cents(creditorBefore.current),
        60_000_00n,
      );
      assert.deepEqual(
        (await eventsOf(id)).map((e) => e.type),
        ['payment.created', 'payment.under_review', 'payment.completed'],
      );
      // Deciding again the same way answers the result; the other way is refused.
      const again = await operator(`/payments/${id}/review`, {
        method: 'POST',
        body: JSON.stringify({ decision: 'approve', operator: 'amina' }),
      });
      assert.equal(again.body.status, 'completed');
      const flip = await operator(`/payments/${id}/review`, {
        method: 'POST',
        body: JSON.stringify({ decision: 'reject', operator: 'amina' }),
      });
      assert.equal(flip.status, 409);
      assert.equal(flip.body.code, 'PAYMENT_NOT_UNDER_REVIEW');
      await ledgerOk();
    });

    test('a held payment the operator rejects releases its funds and moves nothing', async () => {
      const token = await tokenFor('achieng');
      const debtor = main('achieng').id;
      const before = await balance(token, debtor);
      const res = await pay(
        token,
        payment({
          debtor_account_id: debtor,
          creditor: { name: 'Unknown', mobile_number: '+254799999001' },
          amount: { amount: '55000.00', currency: 'KES' },
        }),
      );
      assert.equal(res.body.status, 'under_review', JSON.stringify(res.body));
      const rejected = await operator(`/payments/${res.body.id}/review`, {
        method: 'POST',
        body: JSON.stringify({ decision: 'reject', operator: 'juma', note: 'Customer did not confirm' }),
      });
      assert.equal(rejected.body.status, 'rejected');
      assert.deepEqual(rejected.body.status_reason, {
        code: 'REVIEW_REJECTED',
        iso_code: 'MS03',
        detail: 'Rejected after review by operator:juma: Customer did not confirm',
      });
      assert.deepEqual(await balance(token, debtor), { ...before });
      assert.equal(await entriesWithReference(String(res.body.id)), 0);
      const read = await call(`/v1/payments/${res.body.id}`, { token });
      assert.equal(read.body.iso_status, 'RJCT');
      await ledgerOk();
    });

    test('a payment to a blocked payee is declined and moves nothing; insufficient funds never posts', async () => {
      const token = await tokenFor('biashara');
      const debtor = main('biashara').id;
      const blocked = await operator('/risk/blocks', {
        method: 'POST',
        body: JSON.stringify({
          beneficiary: { mobile_number: '+254700666777' },
          reason: 'Reported mule',
          operator: 'amina',
        }),
      });
      assert.equal(blocked.status, 201);
      assert.deepEqual(
        [blocked.body.beneficiary, blocked.body.actor, typeof blocked.body.blocked_at],
        ['mobile:+254700666777', 'operator:amina', 'string'],
      );
      const listed = (await operator('/risk/blocks')).body.data as Json[];
      assert.ok(listed.some((b) => b.beneficiary === 'mobile:+254700666777' && b.reason === 'Reported mule'));
      const before = await balance(token, debtor);
      const declined = await pay(
        token,
        payment({
          debtor_account_id: debtor,
          creditor: { name: 'Mule', mobile_number: '+254700666777' },
        }),
      );
      assert.equal(declined.status, 201);
      assert.equal(declined.body.status, 'rejected');
      assert.deepEqual(declined.body.status_reason, {
        code: 'BENEFICIARY_BLOCKED',
        iso_code: 'AG01',
        detail: 'Payments to this beneficiary are blocked',
      });
      assert.deepEqual(
        (await eventsOf(String(declined.body.id))).map((e) => e.type),
        ['payment.created', 'payment.rejected'],
      );
      const declinedByRisk = await pay(
        token,
        payment({
          debtor_account_id: debtor,
          amount: { amount: '99000000.00', currency: 'KES' },
          reference: 'TOO-MUCH',
        }),
      );
      assert.equal(
        (declinedByRisk.body.status_reason as Json).code,
        'RISK_DECLINED',
        'above the decline amount',
      );
      assert.deepEqual(await balance(token, debtor), before);
      assert.equal(await entriesWithReference(String(declined.body.id)), 0);
      assert.equal(await entriesWithReference(String(declinedByRisk.body.id)), 0);

      // Insufficient funds: an account left with KES 900 by the bank (not through the API, so its
      // cached balance is stale: the hold, which reads the ledger, still refuses).
      const account = savings('wanjiku');
      const bank = createCoreBanking(database);
      const left = (await bank.getBalance(account.id)).available - 900_00n;
      await bank.postTransfer({
        reference: `drain-${backend}`,
        debitAccountId: account.id,
        creditAccountId: (await bank.internalAccount('settlement', 'KES')).id,
        amount: left,
        currency: 'KES',
        description: 'Test: move most of the savings away',
      });
      const saver = await tokenFor('wanjiku', { accountIds: [account.id] });
      const fromSavings = (amount: string, reference: string) =>
        pay(
          saver,
          payment({ debtor_account_id: account.id, amount: { amount, currency: 'KES' }, reference }),
        );
      assert.equal((await fromSavings('100.00', 'SMALL')).body.status, 'completed', 'the payee is known now');
      const poor = await fromSavings('5000.00', 'TOO-MUCH-2');
      assert.equal(poor.body.status, 'rejected', JSON.stringify(poor.body));
      assert.deepEqual(poor.body.status_reason, {
        code: 'INSUFFICIENT_FUNDS',
        iso_code: 'AM04',
        detail: 'The debtor account has insufficient funds',
      });
      assert.equal(await entriesWithReference(String(poor.body.id)), 0);
      assert.equal((await bank.getBalance(account.id)).available, 800_00n);
      const unblocked = await operator(
        `/risk/blocks/${encodeURIComponent('mobile:+254700666777')}?operator=amina`,
        {
          method: 'DELETE',
        },
      );
      assert.equal(unblocked.status, 204);
      const again = await operator(
        `/risk/blocks/${encodeURIComponent('mobile:+254700666777')}?operator=amina`,
        {
          method: 'DELETE',
        },
      );
      assert.deepEqual([again.status, again.body.code], [404, 'BENEFICIARY_NOT_BLOCKED']);
      await ledgerOk();
    });

    test('payments are listed newest first, by status, in pages', async () => {
      const token = await tokenFor();
      for (const reference of ['LIST-1', 'LIST-2', 'LIST-3']) await pay(token, payment({ reference }));
      const first = await call('/v1/payments?limit=2&status=completed', { token });
      assert.deepEqual(
        (first.body.data as Json[]).map((p) => p.reference),
        ['LIST-3', 'LIST-2'],
      );
      const next = String((first.body.links as Json).next);
      const second = await call(next.replace(t.url, ''), { token });
      assert.deepEqual(
        (second.body.data as Json[]).map((p) => p.reference),
        ['LIST-1'],
      );
      assert.equal((second.body.links as Json).next, null);
      assert.equal(((await call('/v1/payments?status=rejected', { token })).body.data as Json[]).length, 0);
      assert.equal((await call('/v1/payments?cursor=nonsense', { token })).body.code, 'INVALID_CURSOR');
    });

    test('the operator API needs the operator key', async () => {
      for (const authorization of [undefined, 'Bearer wrong-key-wrong-key-wrong-key-wrong']) {
        const res = await fetch(`${t.url}/operator/payments`, {
          headers: authorization ? { authorization } : {},
        });
        assert.equal(res.status, 401);
        assert.equal(((await res.json()) as Json).code, 'UNAUTHENTICATED');
      }
      const doc = (await call('/openapi.json')).body as { paths: Record<string, unknown> };
      assert.ok(doc.paths['/v1/payments'] && doc.paths['/v1/payments/{payment_id}']);
      assert.ok(
        !Object.keys(doc.paths).some((p) => p.startsWith('/operator')),
        'not in the public reference',
      );
    });

    // The CLI is run against PostgreSQL and Redis, where it also refreshes the server's cached balances.
    const onRedis = store === 'redis' ? test : () => {};
    onRedis('the operator reviews from the command line', async () => {
      const token = await tokenFor('otieno');
      const res = await pay(
        token,
        payment({
          debtor_account_id: main('otieno').id,
          creditor: toCreditor('wanjiku', 'Grace'),
          amount: { amount: '52000.00', currency: 'KES' },
        }),
      );
      assert.equal(res.body.status, 'under_review');
      const cli = (args: string[]) => runCli(t.config, args, store === 'redis' ? { REDIS_URL } : {});
      const list = await cli(['payments', 'review', 'list']);
      assert.equal(list.code, 0, list.output);
      assert.match(list.output, new RegExp(`${res.body.id}  KES 52000\\.00  to Grace`));
      const show = await cli(['payments', 'review', 'show', String(res.body.id)]);
      assert.match(show.output, /"proposed": "review"/);
      const approved = await cli([
        'payments',
        'review',
        'approve',
        String(res.body.id),
        '--operator',
        'wanjala',
      ]);
      assert.equal(approved.code, 0, approved.output);
      assert.match(approved.output, /is completed \(ACSC\)/);
      assert.equal((await call(`/v1/payments/${res.body.id}`, { token })).body.status, 'completed');
      // The CLI refreshed the cached balance through Redis: the server shows the capture at once.
      const seen = await balance(token, main('otieno').id);
      assert.equal(seen.available, seen.current, 'no hold left');
      const block = await cli([
        'risk',
        'block',
        '--mobile',
        '+254700123123',
        '--reason',
        'Mule',
        '--operator',
        'wanjala',
      ]);
      assert.equal(block.code, 0, block.output);
      assert.match((await cli(['risk', 'blocks'])).output, /mobile:\+254700123123 {2}by operator:wanjala/);
      assert.equal((await cli(['risk', 'unblock', 'mobile:+254700123123', '--operator', 'wanjala'])).code, 0);
    });
  });
}
