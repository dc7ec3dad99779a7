/**
 * @module Payment initiation benchmark: `POST /v1/payments` with a unique Idempotency-Key per
 * request, through the whole path — gateway (token, consent, rate limits in Redis), validation, the
 * risk engine and fraud system (counters in Redis, decision stored), the payment, its history and
 * outbox events, the hold, the capture into the creditor's account and the completion — on
 * PostgreSQL + Redis, against a bare Fastify route in the same run. The KES accounts of the six
 * sandbox customers pay each other KES 1.00 in turn, each customer under their own consent token.
 *
 * The risk engine runs in monitor mode: every rule is evaluated and every decision stored, as in
 * enforce mode, but a benchmark's thousands of payments a minute from six accounts would otherwise
 * (rightly) be held by the velocity rules. The app is moved to a `bench` rate-limit tier with the
 * operator CLI. Afterwards the completed payments are counted in the database and the ledger is
 * verified, and the CPU each process group spent per completed payment is reported (`bench/cpu.ts`):
 * on a shared machine it moves much less than the throughput. So is what PostgreSQL's sessions
 * waited on, with the WAL flush waits of 100 ms or more (`bench/pg-waits.ts`): every payment in
 * flight waits for such a flush, and a few of them decide a run's p99.
 *
 * A payment locks its debtor's and its creditor's balance rows: with only the sandbox's KES accounts,
 * the run measures waiting for those few locks. `--accounts N` opens N further KES current accounts
 * (each sandbox customer gets some, funded from settlement, under that customer's consent), as a
 * bank has many more accounts than concurrent payments; 0 keeps the sandbox's own. (A consent
 * covers at most 50 accounts: with six customers, about 280 in all.)
 *
 * Usage: node bench/payments.ts [--duration 10] [--connections 32] [--workers 1] [--accounts 240]
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createCoreBanking } from '../src/core-banking/index.ts';
import { openDatabase, openRedis } from '../src/platform/index.ts';
import { createTestDatabase } from '../src/test-support/backends.ts';
import { customerToken, onboardFintech, sandboxCustomers } from '../src/test-support/fintech.ts';
import { cpuBetween, readCpu, serverGroups } from './cpu.ts';
import { describeWaits, type PgWaits, sampleWaits, walSyncs } from './pg-waits.ts';
import { measure, Report } from './report.ts';
import { measureBaseline, moveToTier, serve } from './servers.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    workers: { type: 'string', default: '1' },
    accounts: { type: 'string', default: '240' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const workers = Number(values.workers);
const extraAccounts = Number(values.accounts);
const REDIRECT_URI = 'https://bench.example/callback';
/** A Redis database of its own, emptied first: no counters or cached balances from an earlier run. */
const REDIS_URL = 'redis://127.0.0.1:6379/9';
const TIERS = 'standard=6000/600,bench=100000000/100000000';

const report = new Report({ connections, duration });

/** Opens `count` funded KES current accounts, spread over the sandbox customers. */
async function openPayerAccounts(
  databaseUrl: string,
  customers: readonly { id: string }[],
  count: number,
): Promise<void> {
  const database = openDatabase({
    kind: 'postgres',
    url: databaseUrl,
    poolMax: 10,
    preparedStatements: true,
  });
  try {
    const bank = createCoreBanking(database);
    const settlement = await bank.internalAccount('settlement', 'KES');
    for (let i = 0; i < count; i++) {
      const account = await bank.openAccount({
        customerId: customers[i % customers.length]!.id,
        type: 'current',
        currency: 'KES',
        nickname: `Bench payer ${i + 1}`,
      });
      await bank.postTransfer({
        reference: `bench-fund-${account.id}`,
        debitAccountId: settlement.id,
        creditAccountId: account.id,
        amount: 1_000_000_00n,
        currency: 'KES',
        description: 'Benchmark funds',
      });
    }
  } finally {
    await database.close();
  }
}

const redis = openRedis(REDIS_URL);
await new Promise((resolve) => redis.once('ready', resolve));
await redis.flushdb();
redis.disconnect();

const testDb = await createTestDatabase('postgres');
try {
  if (testDb.config.kind !== 'postgres') throw new Error('expected PostgreSQL');
  const databaseUrl = testDb.config.url;
  await measureBaseline(report, { duration, connections });
  const env = {
    REDIS_URL,
    WEKEZA_RATE_LIMITS: TIERS,
    WEKEZA_RISK_MODE: 'monitor',
    DATABASE_POOL_MAX: process.env.BENCH_POOL ?? '20',
  };
  const server = await serve('wekeza', databaseUrl, workers, env);
  let elapsed = 0;
  let cpu = new Map<string, number>();
  let waits: PgWaits | undefined;
  try {
    const fintech = await onboardFintech(server.url, {
      email: 'bench-payments@fintech.example',
      redirectUri: REDIRECT_URI,
      scopes: ['openid', 'payments.write'],
    });
    moveToTier(databaseUrl, fintech.clientId, 'bench', env);
    await openPayerAccounts(databaseUrl, await sandboxCustomers(server.url), extraAccounts);
    const customers = await sandboxCustomers(server.url);
    // Every KES account of the six customers pays (each customer's consent covers theirs) and is paid:
    // payment i goes from account i to account i + n/2 (mod n), spreading the ledger's row locks: the
    // payments in flight at once (about one per connection) pay accounts that none of them debits.
    const kes = customers.flatMap((c) =>
      c.accounts.filter((a) => a.currency === 'KES').map((a) => ({ customer: c, account: a })),
    );
    const tokens = new Map(
      await Promise.all(
        customers.map(async (c) => {
          const accountIds = kes.filter((k) => k.customer === c).map((k) => k.account.id);
          const { token } = await customerToken(server.url, fintech, {
            scopes: ['payments.write'],
            accountIds,
            username: c.username,
            redirectUri: REDIRECT_URI,
          });
          return [c.username, token] as const;
        }),
      ),
    );
    const payers = kes.map(({ customer, account }, i) => {
      const payee = kes[(i + Math.floor(kes.length / 2)) % kes.length]!;
      return {
        headers: {
          authorization: `Bearer ${tokens.get(customer.username)}`,
          'content-type': 'application/json',
        },
        body: {
          debtor_account_id: account.id,
          creditor: {
            name: payee.customer.username,
            account_number: payee.account.account_number,
            bank_code: '99',
          },
          amount: { amount: '1.00', currency: 'KES' },
          reference: 'BENCH',
        },
      };
    });
    // Each request's body is the payer's with its own reference: written once up to the reference,
    // so that the load generator (on the same two cores) spends little on building requests.
    const bodyStarts = payers.map(
      ({ body: { reference: _, ...rest } }) => `${JSON.stringify(rest).slice(0, -1)},"reference":"BENCH-`,
    );
    const check = await fetch(`${server.url}/v1/payments`, {
      method: 'POST',
      headers: { ...payers[0]!.headers, 'idempotency-key': 'bench-check' },
      body: JSON.stringify(payers[0]!.body),
    });
    const checked = (await check.json()) as { status?: string };
    if (check.status !== 201 || checked.status !== 'completed') {
      throw new Error(`a payment answered ${check.status}: ${JSON.stringify(checked)}`);
    }

    let n = 0;
    const run = `${process.pid}-${Date.now()}`;
    const label = `PostgreSQL + Redis, ${workers} worker${workers > 1 ? 's' : ''}`;
    const started = Date.now();
    const cpuBefore = readCpu();
    const sampler = await sampleWaits(databaseUrl);
    const measuring = measure({
      url: server.url,
      duration,
      connections,
      requests: [
        {
          method: 'POST',
          path: '/v1/payments',
          setupRequest: (request) => {
            const i = n++;
            const p = i % payers.length;
            return {
              ...request,
              headers: { ...payers[p]!.headers, 'idempotency-key': `b${run}-${i}` },
              body: `${bodyStarts[p]}${i}"}`,
            };
          },
        },
      ],
    });
    // The sampler stops (its connection closes) whatever the run did: the database is dropped after.
    const measured = await measuring.catch(async (err: unknown) => {
      await sampler.stop().catch(() => {});
      throw err;
    });
    elapsed = (Date.now() - started) / 1000;
    waits = await sampler.stop();
    cpu = cpuBetween(cpuBefore, readCpu(), serverGroups(server.pid));
    report.add(`Wekeza POST /v1/payments, unique keys (${label})`, measured);
  } finally {
    await server.stop();
  }

  const database = openDatabase(testDb.config);
  try {
    const counts = await database
      .schema<{ payments: { status: string } }>('payments')
      .selectFrom('payments')
      .select(['status', sql<number>`count(*)`.as('n')])
      .groupBy('status')
      .execute();
    const completed = Number(counts.find((c) => c.status === 'completed')?.n ?? 0);
    // What the risk engine and the fraud system added to each payment, as each decision recorded it.
    const riskTime = await database
      .schema<{ decisions: { duration_us: number } }>('risk')
      .selectFrom('decisions')
      .select([
        sql<number>`percentile_cont(0.5) within group (order by duration_us)`.as('p50'),
        sql<number>`percentile_cont(0.99) within group (order by duration_us)`.as('p99'),
      ])
      .executeTakeFirstOrThrow();
    const after = waits ? await walSyncs((text) => sql.raw(text).execute(database.db)) : undefined;
    const synced =
      after !== undefined && waits?.walSyncsBefore !== undefined ? after - waits.walSyncsBefore : undefined;
    const ms = (us: number) => (Number(us) / 1000).toFixed(2);
    const ledger = await createCoreBanking(database).verifyLedger();
    report.print();
    process.stdout.write(
      `\nPayments by status: ${counts.map((c) => `${c.status} ${Number(c.n).toLocaleString('en')}`).join(', ')}` +
        `\nCompleted payments per second: ${Math.round(completed / elapsed).toLocaleString('en')} ` +
        `(${completed.toLocaleString('en')} in ${elapsed.toFixed(1)} s)` +
        (cpu.size > 0
          ? `\nCPU per completed payment: ${[...cpu]
              .map(([group, ms]) => `${group} ${(ms / completed).toFixed(2)} ms`)
              .join(', ')} (${[...cpu]
              .map(([group, ms]) => `${group} ${Math.round(ms / elapsed / 10)} %`)
              .join(', ')} of one core)`
          : '') +
        (waits ? `\nPostgreSQL, sampled every 20 ms: ${describeWaits(waits)}` : '') +
        (synced !== undefined && completed > 0
          ? `\nWAL syncs to disk: ${synced.toLocaleString('en')}, ${(synced / completed).toFixed(3)} per completed payment`
          : '') +
        `\nRisk and fraud decision time: p50 ${ms(riskTime.p50)} ms, p99 ${ms(riskTime.p99)} ms` +
        `\nLedger after the run: ${ledger.ok ? 'balanced, every invariant holds' : `BROKEN ${JSON.stringify(ledger)}`} ` +
        `(${ledger.entries.toLocaleString('en')} entries, ${ledger.postings.toLocaleString('en')} postings)\n`,
    );
    if (!ledger.ok) process.exitCode = 1;
  } finally {
    await database.close();
  }
} finally {
  await testDb.drop();
}
