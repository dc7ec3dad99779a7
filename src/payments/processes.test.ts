/**
 * Idempotency and recovery across processes on PostgreSQL (with Redis), each payment in its own
 * steps (`WEKEZA_PAYMENT_BATCH=0`, as after a refusal or a failed batch; batch.test.ts covers
 * batches across processes): two app instances sharing the database take one key once; a request
 * whose key is in flight elsewhere is a 409 until the first finishes; and a `wekeza start` process
 * killed in the middle of payments leaves nothing half-done: a retry, or the recovery sweep of the
 * surviving instance, finishes them, once.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app.ts';
import { createCoreBanking } from '../core-banking/index.ts';
import { type Database, openDatabase, openRedis } from '../platform/index.ts';
import { TEST_MASTER_KEY } from '../test-support/app.ts';
import { customerToken, onboardFintech, sandboxCustomers } from '../test-support/fintech.ts';
import { entriesWithReference as entriesOf } from '../test-support/payments.ts';
import { freePort, startTestServer, type TestServer } from '../test-support/server.ts';

const REDIRECT_URI = 'https://pay.example/callback';
/** Its own Redis database, emptied first (see payments.test.ts). */
const REDIS_URL = 'redis://127.0.0.1:6379/6';
const BIN = new URL('../../bin/wekeza.js', import.meta.url).pathname;

type Json = Record<string, unknown>;

describe('payments across processes, each in its own steps [postgres, redis store]', () => {
  let t: TestServer;
  let database: Database;
  let second: FastifyInstance;
  let impatient: FastifyInstance;
  let token: string;
  let debtor: string;
  let creditorNumber: string;
  let url: string;

  const body = (reference: string): Json => ({
    debtor_account_id: debtor,
    creditor: { name: 'Brian Otieno', account_number: creditorNumber, bank_code: '99' },
    amount: { amount: '75.00', currency: 'KES' },
    reference,
  });
  const headers = (key: string) => ({
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
    'idempotency-key': key,
  });
  const viaHttp = async (base: string, key: string, payload: Json) => {
    const res = await fetch(`${base}/v1/payments`, {
      method: 'POST',
      headers: headers(key),
      body: JSON.stringify(payload),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as Json };
  };
  const viaInject = async (app: FastifyInstance, key: string, payload: Json) => {
    const res = await app.inject({ method: 'POST', url: '/v1/payments', headers: headers(key), payload });
    return { status: res.statusCode, headers: res.headers, body: res.json() as Json };
  };
  const entries = (reference: string) => entriesOf(database, reference);
  const paymentWithKey = async (key: string) =>
    database
      .schema<{ idempotency_keys: { key: string; payment_id: string } }>('payments')
      .selectFrom('idempotency_keys')
      .select('payment_id')
      .where('key', '=', key)
      .executeTakeFirst();
  const until = async <T>(probe: () => Promise<T | undefined>, what: string, ms = 10_000): Promise<T> => {
    const end = Date.now() + ms;
    for (;;) {
      const found = await probe();
      if (found !== undefined) return found;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await sleep(25);
    }
  };
  /** Holds the debtor's balance row locked (as a long transaction would): payments wait at their hold. */
  const lockDebtor = async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('BEGIN');
    await client.query('SELECT 1 FROM core_banking.balances WHERE account_id = $1 FOR UPDATE', [debtor]);
    return async () => {
      await client.query('ROLLBACK');
      await client.end();
    };
  };

  before(async () => {
    const redis = openRedis(REDIS_URL);
    await new Promise((resolve) => redis.once('ready', resolve));
    await redis.flushdb();
    redis.disconnect();
    t = await startTestServer('postgres', {
      REDIS_URL,
      WEKEZA_RATE_LIMITS: 'standard=100000/100000',
      WEKEZA_PAYMENT_RECOVERY_SECONDS: '2',
      WEKEZA_PAYMENT_BATCH: '0',
    });
    if (t.config.database.kind !== 'postgres') throw new Error('PostgreSQL expected');
    url = t.config.database.url;
    database = openDatabase(t.config.database);
    second = await buildApp(t.config, { seed: false });
    impatient = await buildApp({ ...t.config, idempotencyWaitMs: 300 }, { seed: false });
    const fintech = await onboardFintech(t.url, {
      email: 'processes@fintech.example',
      redirectUri: REDIRECT_URI,
      scopes: ['openid', 'payments.write'],
    });
    const customers = await sandboxCustomers(t.url);
    debtor = customers.find((c) => c.username === 'wanjiku')!.accounts[0]!.id;
    creditorNumber = customers.find((c) => c.username === 'otieno')!.accounts[0]!.account_number;
    token = (
      await customerToken(t.url, fintech, {
        scopes: ['payments.write'],
        accountIds: [debtor],
        redirectUri: REDIRECT_URI,
      })
    ).token;
  });
  after(async () => {
    await second?.close();
    await impatient?.close();
    await database?.close();
    await t?.close();
  });

  test('two processes sharing the database take one key once, with identical answers', async () => {
    const key = 'two-processes';
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        i % 2 === 0 ? viaHttp(t.url, key, body('TWO-PROC')) : viaInject(second, key, body('TWO-PROC')),
      ),
    );
    assert.deepEqual(
      [...new Set(answers.map((a) => a.status))],
      [201],
      JSON.stringify(answers.map((a) => a.body.code)),
    );
    for (const a of answers) assert.deepEqual(a.body, answers[0]!.body);
    assert.equal(answers[0]!.body.status, 'completed');
    assert.equal(await entries(String(answers[0]!.body.id)), 1);
    const different = await viaInject(second, key, body('OTHER'));
    assert.equal(different.status, 422);
    assert.equal(different.body.code, 'IDEMPOTENCY_KEY_REUSED');
  });

  test('while the first request is in flight in one process, a retry in another is a 409', async () => {
    const key = 'in-flight';
    const unlock = await lockDebtor();
    let first: Promise<{ status: number; body: Json }> | undefined;
    try {
      first = viaHttp(t.url, key, body('IN-FLIGHT'));
      await until(() => paymentWithKey(key), 'the first request to record its payment');
      const retry = await viaInject(impatient, key, body('IN-FLIGHT'));
      assert.equal(retry.status, 409);
      assert.equal(retry.body.code, 'IDEMPOTENCY_KEY_IN_FLIGHT');
      assert.equal(retry.headers['retry-after'], '1');
      assert.equal(
        (await viaInject(impatient, key, body('CHANGED'))).status,
        422,
        'another body: 422 at once',
      );
    } finally {
      await unlock();
    }
    const done = await first!;
    assert.equal(done.status, 201);
    assert.equal(done.body.status, 'completed');
    const replay = await viaInject(impatient, key, body('IN-FLIGHT'));
    assert.equal(replay.status, 201);
    assert.equal(replay.headers['idempotent-replayed'], 'true');
    assert.deepEqual(replay.body, done.body);
    assert.equal(await entries(String(done.body.id)), 1);
  });

  test('payments in flight in a killed process are finished by a retry or by the recovery sweep, once', async () => {
    const port = await freePort();
    const child: ChildProcess = spawn(process.execPath, [BIN, 'start'], {
      env: {
        ...process.env,
        LOG_LEVEL: 'silent',
        DATABASE_URL: url,
        REDIS_URL,
        PORT: String(port),
        // The same issuer as the surviving instance: its tokens are valid here.
        PUBLIC_URL: t.url,
        WEKEZA_SANDBOX: 'true',
        WEKEZA_MASTER_KEY: TEST_MASTER_KEY,
        WEKEZA_RATE_LIMITS: 'standard=100000/100000',
        WEKEZA_PAYMENT_RECOVERY_SECONDS: '2',
        WEKEZA_PAYMENT_BATCH: '0',
      },
      stdio: 'ignore',
    });
    const childUrl = `http://127.0.0.1:${port}`;
    try {
      await until(
        () =>
          fetch(`${childUrl}/livez`).then(
            (r) => (r.ok ? true : undefined),
            () => undefined,
          ),
        'the second process to start',
        20_000,
      );
      const unlock = await lockDebtor();
      try {
        for (const key of ['crash-retried', 'crash-swept']) {
          viaHttp(childUrl, key, body(key)).catch(() => {});
        }
        for (const key of ['crash-retried', 'crash-swept']) {
          await until(() => paymentWithKey(key), `payment ${key} to be recorded`);
        }
        child.kill('SIGKILL');
        await new Promise((resolve) => child.once('exit', resolve));
      } finally {
        await unlock();
      }
      const swept = (await paymentWithKey('crash-swept'))!.payment_id;
      const stuck = await t.app.inject({
        url: `/v1/payments/${swept}`,
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(stuck.json().status, 'pending', 'left pending by the crash');

      // The client retries: the surviving instance waits out the dead process's lease and finishes it.
      const retried = await viaHttp(t.url, 'crash-retried', body('crash-retried'));
      assert.equal(retried.status, 201, JSON.stringify(retried.body));
      assert.equal(retried.body.status, 'completed');
      assert.equal(await entries(String(retried.body.id)), 1);

      // Nobody retries the other: the sweep finishes it.
      const finished = await until(async () => {
        const res = await t.app.inject({
          url: `/v1/payments/${swept}`,
          headers: { authorization: `Bearer ${token}` },
        });
        return res.json().status === 'completed' ? (res.json() as Json) : undefined;
      }, 'the sweep to finish the payment');
      assert.deepEqual(
        (finished.status_history as Json[]).map((h) => h.status),
        ['pending', 'completed'],
      );
      assert.equal(await entries(swept), 1);
      const metrics = await (await fetch(`${t.url}/metrics`)).text();
      assert.match(metrics, /wekeza_payments_recovered_total\{phase="decided"\} [1-9]/);
      const report = await createCoreBanking(database).verifyLedger();
      assert.equal(report.ok, true, JSON.stringify(report));
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
