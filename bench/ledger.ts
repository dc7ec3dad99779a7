/**
 * @module Ledger benchmark: sandbox seeding speed (transactions/s) and the posting rate of real
 * transfers through the ledger (entries/s), sequential and concurrent, on SQLite and PostgreSQL.
 * Usage: node bench/ledger.ts [--transactions 100000] [--postings 3000] [--concurrency 8] [--backend sqlite|postgres]
 */
import { parseArgs } from 'node:util';
import { MODULE_MIGRATIONS } from '../src/app.ts';
import { createCoreBanking, seedSandboxData } from '../src/core-banking/index.ts';
import { migrateAll, openDatabase } from '../src/platform/index.ts';
import { BACKENDS, type BackendName, createTestDatabase } from '../src/test-support/backends.ts';

const { values } = parseArgs({
  options: {
    transactions: { type: 'string', default: '100000' },
    postings: { type: 'string', default: '3000' },
    concurrency: { type: 'string', default: '8' },
    backend: { type: 'string' },
  },
});
const transactions = Number(values.transactions);
const postings = Number(values.postings);
const concurrency = Number(values.concurrency);
const backends = values.backend ? [values.backend as BackendName] : BACKENDS;

async function postRate(backend: BackendName, parallel: number): Promise<number> {
  const testDb = await createTestDatabase(backend);
  const database = openDatabase(testDb.config);
  try {
    await migrateAll(database, MODULE_MIGRATIONS);
    const bank = createCoreBanking(database);
    const customer = await bank.createCustomer({
      username: 'bench',
      password: 'bench-password',
      name: 'Bench',
      email: 'b@example.co.ke',
      phone: '+254700000000',
    });
    const accounts = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        bank.openAccount({ customerId: customer.id, type: 'current', currency: 'KES', nickname: `A${i}` }),
      ),
    );
    const settlement = await bank.internalAccount('settlement', 'KES');
    for (const a of accounts) {
      await bank.postTransfer({
        reference: `fund-${a.id}`,
        debitAccountId: settlement.id,
        creditAccountId: a.id,
        amount: 10n ** 12n,
        currency: 'KES',
        description: 'Funding',
      });
    }
    let next = 0;
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        while (next < postings) {
          const i = next++;
          const from = accounts[i % accounts.length]!;
          const to = accounts[(i * 7 + 3) % accounts.length]!;
          await bank.postTransfer({
            reference: `bench-${i}`,
            debitAccountId: from.id,
            creditAccountId: to === from ? settlement.id : to.id,
            amount: BigInt(100 + (i % 5000)),
            currency: 'KES',
            description: 'Benchmark transfer',
          });
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const report = await bank.verifyLedger();
    if (!report.ok) throw new Error(`ledger invariants broken: ${JSON.stringify(report)}`);
    return postings / seconds;
  } finally {
    await database.close();
    await testDb.drop();
  }
}

async function seedRate(backend: BackendName): Promise<{ rate: number; seconds: number }> {
  const testDb = await createTestDatabase(backend);
  const database = openDatabase(testDb.config);
  try {
    await migrateAll(database, MODULE_MIGRATIONS);
    const result = await seedSandboxData(database, { transactions });
    if (!result) throw new Error('database was not empty');
    const report = await createCoreBanking(database).verifyLedger();
    if (!report.ok) throw new Error(`ledger invariants broken after seeding: ${JSON.stringify(report)}`);
    return { rate: result.entries / result.seconds, seconds: result.seconds };
  } finally {
    await database.close();
    await testDb.drop();
  }
}

const fmt = (n: number) => Math.round(n).toLocaleString('en');
const rows: string[] = [];
for (const backend of backends) {
  const seed = await seedRate(backend);
  const sequential = await postRate(backend, 1);
  const parallel = await postRate(backend, concurrency);
  rows.push(
    `| ${backend} | ${fmt(seed.rate)} (${fmt(transactions)} in ${seed.seconds.toFixed(1)} s) | ${fmt(sequential)} | ${fmt(parallel)} |`,
  );
}
process.stdout.write(
  `\nNode ${process.version}, ${postings} transfers per posting run, concurrency ${concurrency}\n\n` +
    '| backend | seeding, transactions/s | posting, entries/s (sequential) | posting, entries/s (concurrent) |\n' +
    '| --- | --- | --- | --- |\n' +
    `${rows.join('\n')}\n`,
);
