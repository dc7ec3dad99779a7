import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as oidc from 'openid-client';
import { eventsMigrations } from '../platform/events/index.ts';
import type { AppError, ErrorCode } from '../platform/index.ts';
import { BACKENDS, eachBackend } from '../test-support/backends.ts';
import { startTestServer, type TestServer } from '../test-support/server.ts';
import {
  type Consent,
  type ConsentAccount,
  type ConsentService,
  consentsMigrations,
  createConsentService,
} from './index.ts';
import type { ConsentTables } from './tables.ts';

const HOUR = 3_600_000;
const APP = 'app_01JD000000000000000000000A';
const OTHER_APP = 'app_01JD000000000000000000000B';
const CUSTOMER = 'cus_01JD000000000000000000000A';
const OTHER_CUSTOMER = 'cus_01JD000000000000000000000B';

const ACCOUNTS: readonly ConsentAccount[] = [
  { id: 'acc_kes', customerId: CUSTOMER, currency: 'KES', status: 'open' },
  { id: 'acc_usd', customerId: CUSTOMER, currency: 'USD', status: 'open' },
  { id: 'acc_closed', customerId: CUSTOMER, currency: 'KES', status: 'closed' },
  { id: 'acc_theirs', customerId: OTHER_CUSTOMER, currency: 'KES', status: 'open' },
];
const GRANTED: Record<string, readonly string[]> = {
  [APP]: ['openid', 'accounts.read', 'transactions.read', 'payments.write'],
  [OTHER_APP]: ['accounts.read'],
};

/** Asserts an AppError with that code (never the message text). */
const code = (expected: ErrorCode) => (err: unknown) => {
  assert.equal((err as { code?: string }).code, expected, String(err));
  return true;
};

const transitions = (c: Consent) => c.history.map((h) => `${h.from ?? '∅'}→${h.to} by ${h.actor}`);

eachBackend('consents service', [eventsMigrations, consentsMigrations], (ctx) => {
  let clock = Date.now();
  const revoked: Consent[] = [];
  let consents: ConsentService;
  const inHours = (h: number) => new Date(clock + h * HOUR).toISOString();
  const request = (
    clientId = APP,
    over: Partial<Parameters<ConsentService['create']>[1]> = {},
    tokenScopes = GRANTED[clientId] ?? [],
  ) =>
    consents.create(
      { clientId, tokenScopes },
      {
        scopes: ['accounts.read', 'transactions.read'],
        expiresAt: inHours(24),
        ...over,
      },
    );
  const authorization = (grantId = 'grant-1', accountIds: readonly string[] = ['acc_kes']) => ({
    clientId: APP,
    customerId: CUSTOMER,
    accountIds,
    grantId,
  });

  before(() => {
    consents = createConsentService(ctx.database, {
      accountsOf: async (customerId) => ACCOUNTS.filter((a) => a.customerId === customerId),
      appScopes: async (clientId) => GRANTED[clientId],
      onRevoked: async (consent) => void revoked.push(consent),
      now: () => new Date(clock),
    });
  });

  test('a new consent awaits authorisation, with its request recorded as the first history entry', async () => {
    const consent = await request(APP, {
      transactionFromDate: '2025-01-01',
      transactionToDate: '2025-06-30',
    });
    assert.match(consent.id, /^cns_[0-9A-Z]{26}$/);
    assert.equal(consent.status, 'awaiting_authorization');
    assert.equal(consent.clientId, APP);
    assert.deepEqual(consent.scopes, ['accounts.read', 'transactions.read']);
    assert.equal(consent.customerId, null);
    assert.deepEqual(consent.accountIds, []);
    assert.equal(consent.transactionToDate, '2025-06-30');
    assert.deepEqual(transitions(consent), [`∅→awaiting_authorization by app:${APP}`]);
    assert.deepEqual(await consents.get(consent.id), consent);
    assert.equal(consents.isActive(consent), false);
  });

  test('a payments consent keeps its limit exactly, in minor units', async () => {
    const maxAmount = { minor: 9_007_199_254_740_993n, currency: 'KES' };
    const consent = await request(APP, { scopes: ['payments.write'], maxAmount });
    assert.deepEqual((await consents.get(consent.id)).maxAmount, maxAmount);
  });

  test("every scope asked for must be carried by the app's token, and nothing is stored otherwise", async () => {
    const stored = async () =>
      Number(
        (
          await ctx.database
            .schema<{ consents: { id: string } }>('consents')
            .selectFrom('consents')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await stored();
    await assert.rejects(
      request(APP, { scopes: ['accounts.read', 'payments.write'] }, ['openid', 'accounts.read']),
      (err: unknown) => {
        code('INSUFFICIENT_SCOPE')(err);
        assert.deepEqual((err as AppError).errors, [
          { path: '/body/scopes/1', message: "payments.write is not a scope of the app's access token" },
        ]);
        return true;
      },
    );
    assert.equal(await stored(), before);
    // The same token asks for what it carries.
    const narrow = await request(APP, { scopes: ['accounts.read'] }, ['openid', 'accounts.read']);
    assert.deepEqual(narrow.scopes, ['accounts.read']);
    assert.equal(await stored(), before + 1);
  });

  test('scopes must be granted to the app, the expiry near, the date window and limit sensible', async () => {
    await assert.rejects(request(OTHER_APP, { scopes: ['transactions.read'] }), code('INSUFFICIENT_SCOPE'));
    await assert.rejects(request('app_unknown'), code('INSUFFICIENT_SCOPE'));
    await assert.rejects(request(APP, { scopes: [] }), code('VALIDATION_FAILED'));
    await assert.rejects(request(APP, { expiresAt: inHours(-1) }), code('VALIDATION_FAILED'));
    await assert.rejects(request(APP, { expiresAt: inHours(24 * 367) }), code('VALIDATION_FAILED'));
    await assert.rejects(request(APP, { expiresAt: 'tomorrow' }), code('VALIDATION_FAILED'));
    await assert.rejects(
      request(APP, { transactionFromDate: '2025-02-01', transactionToDate: '2025-01-31' }),
      code('VALIDATION_FAILED'),
    );
    await assert.rejects(request(APP, { transactionFromDate: '2025-02-30' }), code('VALIDATION_FAILED'));
    await assert.rejects(
      request(APP, { maxAmount: { minor: 100n, currency: 'KES' } }),
      code('VALIDATION_FAILED'),
      'a limit needs payments.write',
    );
  });

  test('authorise then revoke: each change is in the history, and onRevoked gets the grant once', async () => {
    const created = await request();
    const authorized = await consents.authorize(
      created.id,
      authorization('grant-life', ['acc_usd', 'acc_kes']),
    );
    assert.equal(authorized.status, 'authorized');
    assert.equal(authorized.customerId, CUSTOMER);
    assert.deepEqual(authorized.accountIds, ['acc_usd', 'acc_kes']);
    assert.equal(authorized.grantId, 'grant-life');
    assert.equal(consents.isActive(authorized), true);
    assert.equal((await consents.findByGrantId('grant-life'))?.id, created.id);

    const before = revoked.length;
    const final = await consents.revokeForClient(APP, created.id);
    assert.equal(final.status, 'revoked');
    assert.equal(consents.isActive(final), false);
    assert.deepEqual(transitions(final), [
      `∅→awaiting_authorization by app:${APP}`,
      `awaiting_authorization→authorized by customer:${CUSTOMER}`,
      `authorized→revoked by app:${APP}`,
    ]);
    assert.equal(revoked.length, before + 1);
    assert.equal(revoked.at(-1)?.grantId, 'grant-life');
    await assert.rejects(consents.revokeForClient(APP, created.id), code('CONSENT_NOT_ACTIVE'));
    assert.equal(revoked.length, before + 1, 'not called again');
  });

  test('a consent is authorised only once', async () => {
    const { id } = await request();
    await consents.authorize(id, authorization('grant-a'));
    await assert.rejects(
      consents.authorize(id, authorization('grant-b')),
      code('CONSENT_NOT_AWAITING_AUTHORIZATION'),
    );
    await assert.rejects(
      consents.authorize(id, {
        ...authorization('grant-c'),
        customerId: OTHER_CUSTOMER,
        accountIds: ['acc_theirs'],
      }),
      code('CONSENT_NOT_AWAITING_AUTHORIZATION'),
    );
    await assert.rejects(
      consents.reject(id, { clientId: APP, customerId: CUSTOMER }),
      code('CONSENT_NOT_AWAITING_AUTHORIZATION'),
    );
    assert.equal((await consents.get(id)).grantId, 'grant-a');
  });

  test('of ten concurrent authorisations exactly one wins', async () => {
    const { id } = await request();
    const attempts = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => consents.authorize(id, authorization(`grant-race-${i}`))),
    );
    const won = attempts.filter((a) => a.status === 'fulfilled');
    assert.equal(won.length, 1);
    for (const a of attempts)
      if (a.status === 'rejected') code('CONSENT_NOT_AWAITING_AUTHORIZATION')(a.reason);
    const consent = await consents.get(id);
    assert.equal(consent.grantId, (won[0] as PromiseFulfilledResult<Consent>).value.grantId);
    assert.equal(consent.history.filter((h) => h.to === 'authorized').length, 1);
  });

  test('only open accounts of that customer, each once, can be shared', async () => {
    const { id } = await request();
    for (const accountIds of [
      [],
      ['acc_theirs'],
      ['acc_kes', 'acc_theirs'],
      ['acc_closed'],
      ['acc_kes', 'acc_kes'],
      ['acc_nope'],
    ]) {
      await assert.rejects(
        consents.authorize(id, authorization('grant-x', accountIds)),
        code('ACCOUNT_NOT_ELIGIBLE'),
      );
    }
    assert.equal((await consents.get(id)).status, 'awaiting_authorization');
  });

  test('a payments consent with a limit shares only accounts in the limit currency', async () => {
    const { id } = await request(APP, {
      scopes: ['payments.write'],
      maxAmount: { minor: 500_000n, currency: 'KES' },
    });
    await assert.rejects(
      consents.authorize(id, authorization('grant-p', ['acc_usd'])),
      code('ACCOUNT_NOT_ELIGIBLE'),
    );
    assert.equal((await consents.authorize(id, authorization('grant-p', ['acc_kes']))).status, 'authorized');
  });

  test('another app can neither see, authorise nor revoke a consent', async () => {
    const { id } = await request();
    await assert.rejects(consents.getForClient(OTHER_APP, id), code('CONSENT_NOT_FOUND'));
    await assert.rejects(
      consents.authorize(id, { ...authorization(), clientId: OTHER_APP }),
      code('CONSENT_NOT_FOUND'),
    );
    await assert.rejects(consents.revokeForClient(OTHER_APP, id), code('CONSENT_NOT_FOUND'));
    await assert.rejects(consents.get('cns_00000000000000000000000000'), code('CONSENT_NOT_FOUND'));
    assert.equal((await consents.getForClient(APP, id)).status, 'awaiting_authorization');
  });

  test('an expired consent cannot be authorised, and reads as expired', async () => {
    const { id } = await request(APP, { expiresAt: inHours(1) });
    clock += 2 * HOUR;
    await assert.rejects(consents.authorize(id, authorization('grant-late')), code('CONSENT_EXPIRED'));
    const consent = await consents.get(id);
    assert.equal(consent.status, 'expired');
    assert.deepEqual(consent.history.at(-1), {
      at: consent.expiresAt,
      from: 'awaiting_authorization',
      to: 'expired',
      actor: 'system',
      reason: consent.history.at(-1)?.reason,
    });
  });

  test('an authorised consent past its expiry reads as expired, once, and can no longer be revoked', async () => {
    const { id } = await request(APP, { expiresAt: inHours(1) });
    assert.equal(consents.isActive(await consents.authorize(id, authorization('grant-exp'))), true);
    clock += 2 * HOUR;
    const [first, second] = await Promise.all([consents.get(id), consents.get(id)]);
    assert.equal(first?.status, 'expired');
    assert.deepEqual(first, second);
    assert.deepEqual(transitions(first!).at(-1), 'authorized→expired by system');
    assert.equal(first!.history.filter((h) => h.to === 'expired').length, 1);
    assert.equal(consents.isActive(first!), false);
    const calls = revoked.length;
    await assert.rejects(consents.revoke(id, 'system', 'test'), code('CONSENT_NOT_ACTIVE'));
    assert.equal(revoked.length, calls);
  });

  test('the customer rejects: nothing can be done with it afterwards', async () => {
    const { id } = await request();
    const rejected = await consents.reject(id, { clientId: APP, customerId: CUSTOMER });
    assert.equal(rejected.status, 'rejected');
    assert.equal(rejected.customerId, null);
    assert.deepEqual(transitions(rejected).at(-1), `awaiting_authorization→rejected by customer:${CUSTOMER}`);
    await assert.rejects(consents.authorize(id, authorization()), code('CONSENT_NOT_AWAITING_AUTHORIZATION'));
    await assert.rejects(consents.revokeForClient(APP, id), code('CONSENT_NOT_ACTIVE'));
  });

  test('an app may withdraw a consent still awaiting authorisation', async () => {
    const { id } = await request();
    const withdrawn = await consents.revokeForClient(APP, id);
    assert.equal(withdrawn.status, 'revoked');
    assert.equal(revoked.at(-1)?.id, id);
    assert.equal(revoked.at(-1)?.grantId, null);
    await assert.rejects(consents.authorize(id, authorization()), code('CONSENT_NOT_AWAITING_AUTHORIZATION'));
  });

  test('concurrent revocations: one wins, onRevoked runs once', async () => {
    const { id } = await request();
    await consents.authorize(id, authorization('grant-twice'));
    const calls = revoked.length;
    const attempts = await Promise.allSettled(
      Array.from({ length: 5 }, () => consents.revokeForCustomer(CUSTOMER, id)),
    );
    assert.equal(attempts.filter((a) => a.status === 'fulfilled').length, 1);
    assert.equal(revoked.length, calls + 1);
    assert.deepEqual(
      transitions(await consents.get(id)).at(-1),
      `authorized→revoked by customer:${CUSTOMER}`,
    );
  });

  test('a customer lists their consents newest first and revokes only their own', async () => {
    const older = await request();
    await consents.authorize(older.id, authorization('grant-list-1'));
    clock += 1000;
    const newer = await request();
    await consents.authorize(newer.id, authorization('grant-list-2', ['acc_usd']));
    const list = await consents.listForCustomer(CUSTOMER);
    const ids = list.map((c) => c.id);
    assert.ok(ids.indexOf(newer.id) < ids.indexOf(older.id));
    assert.ok(list.every((c) => c.customerId === CUSTOMER && c.history.length >= 2));
    assert.deepEqual(await consents.listForCustomer(OTHER_CUSTOMER), []);
    await assert.rejects(consents.revokeForCustomer(OTHER_CUSTOMER, newer.id), code('CONSENT_NOT_FOUND'));
    assert.equal((await consents.revokeForCustomer(CUSTOMER, newer.id)).status, 'revoked');
  });

  test('the history is append-only: the database refuses updates and deletes', async () => {
    const { id } = await request();
    const db = ctx.database.schema<ConsentTables>('consents');
    await assert.rejects(
      db.updateTable('consent_history').set({ reason: 'tampered' }).where('consent_id', '=', id).execute(),
      /append-only/,
    );
    await assert.rejects(
      db.deleteFrom('consent_history').where('consent_id', '=', id).execute(),
      /append-only/,
    );
    assert.equal((await consents.get(id)).history[0]?.reason, 'Requested by the app');
  });

  test('the apps that may see an account: authorised, unexpired consents covering it with the scope', async () => {
    const live = async (accountId: string) =>
      (await consents.listForCustomer(OTHER_CUSTOMER)).filter(
        (c) => c.status === 'authorized' && c.accountIds.includes(accountId),
      ).length;
    assert.equal(await live('acc_theirs'), 0, 'no other consent covers this account');
    const { id } = await request();
    await consents.authorize(id, {
      ...authorization('grant-covering', ['acc_theirs']),
      customerId: OTHER_CUSTOMER,
    });
    assert.deepEqual(await consents.appsCoveringAccount('acc_theirs'), [APP]);
    assert.deepEqual(await consents.appsCoveringAccount('acc_theirs', 'payments.write'), [], 'not its scope');
    assert.deepEqual(await consents.appsCoveringAccount('acc_nobody'), []);
    assert.deepEqual(
      [...(await consents.appsCoveringAccounts(['acc_theirs', 'acc_nobody', 'acc_theirs']))],
      [['acc_theirs', [APP]]],
      'several accounts in one read: only the covered ones',
    );
    await consents.revokeForClient(APP, id);
    assert.deepEqual(await consents.appsCoveringAccount('acc_theirs'), [], 'revoked: no longer');
    assert.deepEqual([...(await consents.appsCoveringAccounts(['acc_theirs']))], [], 'revoked: no longer');
  });
});

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown> & {
    code?: string;
    errors?: { path: string }[];
    history?: Record<string, unknown>[];
  };
}

for (const backend of BACKENDS) {
  describe(`consent API [${backend}]`, () => {
    let t: TestServer;
    let tokenA: string;
    let tokenB: string;
    let appA: string;
    const inDays = (d: number) => new Date(Date.now() + d * 24 * HOUR).toISOString();

    const call = async (method: string, path: string, token?: string, body?: unknown): Promise<Answer> => {
      const res = await fetch(`${t.url}${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, headers: res.headers, body: (await res.json()) as Answer['body'] };
    };

    let narrowA: string;
    const tokenFor = async (clientId: string, secret: string, scope: string) => {
      const config = await oidc.discovery(
        new URL(t.url),
        clientId,
        undefined,
        oidc.ClientSecretBasic(secret),
        {
          execute: [oidc.allowInsecureRequests],
        },
      );
      return (await oidc.clientCredentialsGrant(config, { scope })).access_token;
    };

    before(async () => {
      t = await startTestServer(backend);
      const post = async (path: string, body: unknown, token?: string) => {
        const answer = await call('POST', path, token, body);
        assert.ok(answer.status < 300, `${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
        return answer.body;
      };
      const credentials = { email: 'dev@fintech.example', password: 'correct horse battery' };
      await post('/developer/register', { ...credentials, name: 'Dev' });
      const developer = String((await post('/developer/login', credentials)).token);
      const newApp = (name: string, scopes: string[]) =>
        post('/developer/apps', { name, redirect_uris: ['https://budget.example/cb'], scopes }, developer);
      const a = await newApp('Budget Buddy', ['openid', 'accounts.read', 'transactions.read']);
      const b = await newApp('Other App', ['accounts.read']);
      appA = String(a.client_id);
      tokenA = await tokenFor(appA, String(a.client_secret), 'accounts.read transactions.read');
      narrowA = await tokenFor(appA, String(a.client_secret), 'accounts.read');
      tokenB = await tokenFor(String(b.client_id), String(b.client_secret), 'accounts.read');
    });
    after(() => t?.close());

    const valid = () => ({ scopes: ['accounts.read', 'transactions.read'], expires_at: inDays(90) });

    test('an app requests a consent, reads it, and revokes it', async () => {
      const created = await call('POST', '/v1/consents', tokenA, {
        ...valid(),
        transaction_from_date: '2025-01-01',
        transaction_to_date: '2025-12-31',
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const id = String(created.body.id);
      assert.match(id, /^cns_[0-9A-Z]{26}$/);
      assert.equal(created.body.status, 'awaiting_authorization');
      assert.equal(created.body.client_id, appA);
      assert.equal(created.body.customer_id, null);
      assert.deepEqual(created.body.account_ids, []);
      assert.equal(created.body.max_amount, null);
      assert.equal(created.body.transaction_from_date, '2025-01-01');
      assert.deepEqual(
        created.body.history?.map((h) => [h.from, h.to, h.actor]),
        [[null, 'awaiting_authorization', `app:${appA}`]],
      );
      assert.ok(!('grant_id' in created.body));

      const read = await call('GET', `/v1/consents/${id}`, tokenA);
      assert.equal(read.status, 200);
      assert.deepEqual(read.body, created.body);

      const deleted = await call('DELETE', `/v1/consents/${id}`, tokenA);
      assert.equal(deleted.status, 200, JSON.stringify(deleted.body));
      assert.equal(deleted.body.status, 'revoked');
      assert.deepEqual(deleted.body.history?.at(-1)?.to, 'revoked');
      const again = await call('DELETE', `/v1/consents/${id}`, tokenA);
      assert.equal(again.status, 409);
      assert.equal(again.body.code, 'CONSENT_NOT_ACTIVE');
    });

    test("another app's consent is not found, like a missing one", async () => {
      const { body } = await call('POST', '/v1/consents', tokenA, valid());
      for (const method of ['GET', 'DELETE']) {
        const answer = await call(method, `/v1/consents/${body.id}`, tokenB);
        assert.equal(answer.status, 404);
        assert.equal(answer.body.code, 'CONSENT_NOT_FOUND');
      }
      const missing = await call('GET', '/v1/consents/cns_00000000000000000000000000', tokenA);
      assert.equal(missing.status, 404);
      assert.equal(
        (await call('GET', `/v1/consents/${body.id}`, tokenA)).body.status,
        'awaiting_authorization',
      );
    });

    test('scopes beyond the app’s grant are 403 INSUFFICIENT_SCOPE', async () => {
      const answer = await call('POST', '/v1/consents', tokenB, valid());
      assert.equal(answer.status, 403);
      assert.equal(answer.body.code, 'INSUFFICIENT_SCOPE');
      assert.deepEqual(
        answer.body.errors?.map((e) => e.path),
        ['/body/scopes/1'],
      );
    });

    test("a scope the app's token does not carry is 403 INSUFFICIENT_SCOPE, though the app was granted it", async () => {
      const answer = await call('POST', '/v1/consents', narrowA, valid());
      assert.equal(answer.status, 403, JSON.stringify(answer.body));
      assert.equal(answer.body.code, 'INSUFFICIENT_SCOPE');
      assert.deepEqual(
        answer.body.errors?.map((e) => e.path),
        ['/body/scopes/1'],
      );
      const within = await call('POST', '/v1/consents', narrowA, { ...valid(), scopes: ['accounts.read'] });
      assert.equal(within.status, 201, JSON.stringify(within.body));
    });

    test('a bad body is 400 naming the path', async () => {
      const cases: [unknown, string][] = [
        [{ ...valid(), scopes: ['payments.read'] }, '/body/scopes/0'],
        [{ ...valid(), expires_at: new Date(Date.now() - HOUR).toISOString() }, '/body/expires_at'],
        [{ ...valid(), expires_at: inDays(400) }, '/body/expires_at'],
        [{ ...valid(), expires_at: 'next week' }, '/body/expires_at'],
        [{ ...valid(), extra: true }, '/body/extra'],
        [{ ...valid(), max_amount: { amount: '100.00', currency: 'KES' } }, '/body/max_amount'],
        [{ ...valid(), max_amount: { amount: 10.5, currency: 'KES' } }, '/body/max_amount/amount'],
        [
          { ...valid(), transaction_from_date: '2025-03-01', transaction_to_date: '2025-02-01' },
          '/body/transaction_to_date',
        ],
        [{ expires_at: inDays(1) }, '/body/scopes'],
      ];
      for (const [body, path] of cases) {
        const answer = await call('POST', '/v1/consents', tokenA, body);
        assert.equal(answer.status, 400, JSON.stringify(body));
        assert.ok(
          answer.body.errors?.some((e) => e.path === path),
          `${path} in ${JSON.stringify(answer.body)}`,
        );
      }
      assert.equal((await call('GET', '/v1/consents/not-an-id', tokenA)).status, 400);
    });

    test('no token or a bad token is 401 with a Bearer challenge', async () => {
      const none = await call('POST', '/v1/consents', undefined, valid());
      assert.equal(none.status, 401);
      assert.equal(none.body.code, 'UNAUTHENTICATED');
      assert.match(String(none.headers.get('www-authenticate')), /^Bearer/);
      for (const token of ['garbage', `${tokenA.slice(0, -4)}AAAA`]) {
        const bad = await call('GET', '/v1/consents/cns_00000000000000000000000000', token);
        assert.equal(bad.status, 401);
        assert.equal(bad.body.code, 'UNAUTHENTICATED');
        assert.match(String(bad.headers.get('www-authenticate')), /^Bearer error="invalid_token"/);
      }
    });

    test('the OpenAPI document describes the consent routes', async () => {
      const doc = (await call('GET', '/openapi.json')).body as {
        paths: Record<string, Record<string, unknown>>;
      };
      assert.ok(doc.paths['/v1/consents']?.post);
      assert.ok(doc.paths['/v1/consents/{consent_id}']?.get);
      assert.ok(doc.paths['/v1/consents/{consent_id}']?.delete);
    });
  });
}
