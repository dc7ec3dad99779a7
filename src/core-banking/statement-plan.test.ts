import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Compilable, CompiledQuery, sql } from 'kysely';
import { eventsMigrations } from '../platform/events/index.ts';
import { eachBackend } from '../test-support/backends.ts';
import { appendBulkHistory } from './bulk-history.ts';
import { createLedgerContext, type LedgerContext } from './context.ts';
import { type CoreBanking, coreBankingMigrations, createCoreBanking } from './index.ts';
import { postingsAfter } from './transaction-sync.ts';
import { encodeCursor, statementQuery } from './transactions.ts';

const HISTORY = 100_000;
const STATEMENT_INDEX = 'core_banking_postings_statement_idx';

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Relation Name'?: string;
  readonly 'Index Name'?: string;
  readonly 'Scan Direction'?: string;
  readonly Plans?: readonly PlanNode[];
}

const flatten = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(flatten)];

/** The running balance of line `seq` of a bulk history that started at zero. */
const balanceAt = (seq: number) => BigInt(100 * seq - 250 * Math.floor(seq / 4));

eachBackend('statement pages deep in a long history', [eventsMigrations, coreBankingMigrations], (ctx) => {
  let bank: CoreBanking;
  let lc: LedgerContext;
  let account: string;

  /** The plan lines (SQLite) or nodes (PostgreSQL) the database chooses for the query. */
  async function explain(query: Compilable<unknown>): Promise<{ nodes: PlanNode[]; details: string[] }> {
    const { sql: text, parameters } = query.compile();
    if (ctx.backend === 'postgres') {
      const { rows } = await ctx.database.db.executeQuery<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
        CompiledQuery.raw(`explain (format json) ${text}`, [...parameters]),
      );
      return { nodes: flatten(rows[0]!['QUERY PLAN'][0]!.Plan), details: [] };
    }
    const { rows } = await ctx.database.db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${text}`, [...parameters]),
    );
    return { nodes: [], details: rows.map((r) => r.detail) };
  }

  /** The postings are read as one range of the (account_id, seq) index, with no sort and no scan. */
  async function assertIndexRange(
    query: Compilable<unknown>,
    direction: 'Forward' | 'Backward',
    bound: '<' | '>' | null,
  ) {
    const { nodes, details } = await explain(query);
    if (ctx.backend === 'postgres') {
      const postings = nodes.filter((n) => n['Relation Name'] === 'postings');
      assert.deepEqual(
        postings.map((n) => [n['Node Type'], n['Index Name'], n['Scan Direction']]),
        [['Index Scan', STATEMENT_INDEX, direction]],
        JSON.stringify(nodes.map((n) => n['Node Type'])),
      );
      const kinds = nodes.map((n) => n['Node Type']);
      assert.ok(!kinds.some((k) => /Sort/.test(k)), kinds.join(', '));
      // (The holds table, nearly empty here, may be read whole; postings and entries never are.)
      const scanned = nodes.filter((n) => /Seq Scan|Bitmap/.test(n['Node Type']));
      assert.deepEqual(
        scanned.filter((n) => n['Relation Name'] !== 'holds'),
        [],
        kinds.join(', '),
      );
      assert.equal(kinds[0], 'Limit', 'the plan stops after the page');
      return;
    }
    const plan = details.join('\n');
    const range = bound ? ` AND seq${bound}\\?` : '';
    assert.match(
      plan,
      new RegExp(`SEARCH p USING INDEX ${STATEMENT_INDEX} \\(account_id=\\?${range}\\)`),
      plan,
    );
    assert.doesNotMatch(plan, /TEMP B-TREE|SCAN p\b/, plan);
  }

  test(`setup: ${HISTORY.toLocaleString('en')} postings bulk-inserted into one account, and the ledger still verifies`, {
    timeout: 120_000,
  }, async () => {
    bank = createCoreBanking(ctx.database);
    lc = createLedgerContext(ctx.database);
    const customer = await bank.createCustomer({
      username: 'long-history',
      password: 'long-history-1',
      name: 'Long History',
      email: 'long@example.co.ke',
      phone: '+254700000009',
    });
    account = (
      await bank.openAccount({ customerId: customer.id, type: 'current', currency: 'KES', nickname: 'Old' })
    ).id;
    const counter = (await bank.internalAccount('settlement', 'KES')).id;
    await appendBulkHistory(ctx.database, { accountId: account, counterAccountId: counter, count: HISTORY });
    const report = await bank.verifyLedger();
    assert.ok(report.ok, JSON.stringify(report));
    assert.equal(report.postings, 2 * HISTORY);
    assert.equal((await bank.getBalance(account)).current, balanceAt(HISTORY));
    await sql`analyze`.execute(ctx.database.db);
  });

  test('a statement page 90% deep walks the (account_id, seq) index backwards from the cursor', async () => {
    const deep = HISTORY - 90_000;
    await assertIndexRange(statementQuery(lc.db, account, {}, deep, 51), 'Backward', '<');
    await assertIndexRange(statementQuery(lc.db, account, {}, undefined, 51), 'Backward', null);
    const page = await bank.listTransactions(account, {}, { limit: 50, cursor: encodeCursor(deep) });
    assert.equal(page.data.length, 50);
    assert.deepEqual(
      page.data.map((t) => t.balanceAfter),
      Array.from({ length: 50 }, (_, i) => balanceAt(deep - 1 - i)),
      'the 50 lines just below the cursor, newest first',
    );
  });

  test('a sync page deep in the history walks the same index forwards from the cursor', async () => {
    const window = { from: undefined, to: undefined };
    await assertIndexRange(postingsAfter(lc.db, account, HISTORY - 10_000, window, 101), 'Forward', '>');
    await assertIndexRange(postingsAfter(lc.db, account, 0, window, 101), 'Forward', '>');
  });
});
