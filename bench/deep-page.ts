/**
 * @module Deep-page benchmark: one account with a million postings (bulk-inserted, each its own
 * balanced entry), then the statement page and the sync page read at the start of the history and
 * ~90% deep, through the core-banking interface. Keyset paging over the `(account_id, seq)` index
 * should make both cost the same; OFFSET paging of the same query is the baseline that does not.
 * Median and p95 of many runs, on SQLite and PostgreSQL.
 * Usage: node bench/deep-page.ts [--postings 1000000] [--runs 300] [--limit 100] [--backend sqlite|postgres]
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { MODULE_MIGRATIONS } from '../src/app.ts';
import { appendBulkHistory } from '../src/core-banking/bulk-history.ts';
import { createLedgerContext } from '../src/core-banking/context.ts';
import { type CoreBanking, createCoreBanking } from '../src/core-banking/index.ts';
import { encodeSyncCursor } from '../src/core-banking/sync-cursor.ts';
import { encodeCursor, statementQuery } from '../src/core-banking/transactions.ts';
import { migrateAll, openDatabase } from '../src/platform/index.ts';
import { BACKENDS, type BackendName, createTestDatabase } from '../src/test-support/backends.ts';

const { values } = parseArgs({
  options: {
    postings: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '300' },
    limit: { type: 'string', default: '100' },
    backend: { type: 'string' },
  },
});
const postings = Number(values.postings);
const runs = Number(values.runs);
const limit = Number(values.limit);
const backends = values.backend ? [values.backend as BackendName] : BACKENDS;
const deep = Math.floor(postings * 0.1);

/** Median and p95 of `runs` timed calls (ms), after a warm-up. */
async function measure(call: () => Promise<unknown>, runs: number): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < Math.min(20, runs); i++) await call();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await call();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)]!, p95: times[Math.floor(runs * 0.95)]! };
}

async function longAccount(bank: CoreBanking): Promise<string> {
  const customer = await bank.createCustomer({
    username: 'deep',
    password: 'deep-password',
    name: 'Deep History',
    email: 'deep@example.co.ke',
    phone: '+254700000000',
  });
  const account = await bank.openAccount({
    customerId: customer.id,
    type: 'current',
    currency: 'KES',
    nickname: 'Deep',
  });
  return account.id;
}

const rows: string[] = [];
for (const backend of backends) {
  const testDb = await createTestDatabase(backend);
  const database = openDatabase(testDb.config);
  try {
    await migrateAll(database, MODULE_MIGRATIONS);
    const bank = createCoreBanking(database);
    const account = await longAccount(bank);
    const counter = (await bank.internalAccount('settlement', 'KES')).id;
    const started = process.hrtime.bigint();
    await appendBulkHistory(database, { accountId: account, counterAccountId: counter, count: postings });
    await sql`analyze`.execute(database.db);
    const built = Number(process.hrtime.bigint() - started) / 1e9;
    const report = await bank.verifyLedger();
    if (!report.ok) throw new Error(`ledger invariants broken: ${JSON.stringify(report)}`);

    // The statement runs newest first: its deep page starts below seq `deep`. Sync runs oldest first.
    const statementCursor = encodeCursor(deep);
    const syncCursor = encodeSyncCursor({ seq: postings - deep, holdVersion: 0 }, account, {});
    // The baseline: the same statement query paged by OFFSET, which reads and drops every skipped row.
    const db = createLedgerContext(database).db;
    const offsetPage = (offset: number) => () =>
      statementQuery(db, account, {}, undefined, limit).offset(offset).execute();
    const cases: [string, () => Promise<unknown>, () => Promise<unknown>, number][] = [
      [
        'statement page',
        () => bank.listTransactions(account, {}, { limit }),
        () => bank.listTransactions(account, {}, { limit, cursor: statementCursor }),
        runs,
      ],
      [
        'sync page',
        () => bank.syncTransactions(account, {}, { limit }),
        () => bank.syncTransactions(account, {}, { limit, cursor: syncCursor }),
        runs,
      ],
      [
        'baseline: OFFSET paging',
        offsetPage(0),
        offsetPage(postings - deep),
        Math.max(10, Math.floor(runs / 20)),
      ],
    ];
    for (const [name, first, deepPage, n] of cases) {
      const a = await measure(first, n);
      const b = await measure(deepPage, n);
      rows.push(
        `| ${backend} | ${name} | ${a.median.toFixed(2)} / ${a.p95.toFixed(2)} | ${b.median.toFixed(2)} / ${b.p95.toFixed(2)} | ${(b.median / a.median).toFixed(2)} |`,
      );
    }
    process.stderr.write(
      `${backend}: ${postings.toLocaleString('en')} postings built in ${built.toFixed(1)} s\n`,
    );
  } finally {
    await database.close();
    await testDb.drop();
  }
}
process.stdout.write(
  `\nNode ${process.version}, one account with ${postings.toLocaleString('en')} postings, ${limit} per page, ` +
    `${runs} runs each; deep page = ${(postings - deep).toLocaleString('en')} postings in\n\n` +
    '| backend | page | first page ms (median / p95) | deep page ms (median / p95) | deep ÷ first |\n' +
    '| --- | --- | --- | --- | --- |\n' +
    `${rows.join('\n')}\n`,
);
