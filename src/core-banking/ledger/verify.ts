/**
 * @module Checks the ledger's invariants in the database itself: every entry sums to zero per
 * currency, every balance equals the sum of its postings and the running
 * balance of its newest posting (postings numbered 1…last_seq), `held` equals the active holds (and
 * `last_hold_version` the newest hold change; versions are unique per account by index), and no
 * customer account is below minus its overdraft limit. Used by tests and `wekeza ledger verify`.
 */
import { sql } from 'kysely';
import type { LedgerContext } from '../context.ts';
import type { LedgerReport } from '../types.ts';

export async function verifyLedger(ctx: LedgerContext): Promise<LedgerReport> {
  const { db } = ctx;
  const unbalanced = await db
    .selectFrom('postings')
    .select('entry_id')
    .groupBy(['entry_id', 'currency'])
    .having(sql`sum(amount)`, '<>', 0)
    .execute();
  const sums = db
    .selectFrom('postings')
    .select(['account_id', sql<string>`sum(amount)`.as('total'), sql<number>`count(*)`.as('n')])
    .groupBy('account_id')
    .as('s');
  // Balance = sum of postings; postings are numbered 1…last_seq; the newest carries the balance.
  const balanceMismatches = await db
    .selectFrom('balances as b')
    .leftJoin(sums, 's.account_id', 'b.account_id')
    .leftJoin('postings as p', (join) =>
      join.onRef('p.account_id', '=', 'b.account_id').onRef('p.seq', '=', 'b.last_seq'),
    )
    .select('b.account_id')
    .where((eb) =>
      eb.or([
        eb(sql`b.current`, '<>', sql`coalesce(s.total, 0)`),
        eb(sql`b.last_seq`, '<>', sql`coalesce(s.n, 0)`),
        eb.and([
          eb('b.last_seq', '>', 0),
          eb.or([eb('p.id', 'is', null), eb(sql`p.balance_after`, '<>', sql`b.current`)]),
        ]),
      ]),
    )
    .execute();
  const holds = db
    .selectFrom('holds')
    .select(['account_id', sql<string>`sum(amount)`.as('total')])
    .where('status', '=', 'active')
    .groupBy('account_id')
    .as('h');
  const versions = db
    .selectFrom('holds')
    .select(['account_id', sql<string>`max(version)`.as('newest')])
    .groupBy('account_id')
    .as('v');
  // held = the active holds; the hold-version counter = the newest hold change.
  const holdMismatches = await db
    .selectFrom('balances as b')
    .leftJoin(holds, 'h.account_id', 'b.account_id')
    .leftJoin(versions, 'v.account_id', 'b.account_id')
    .select('b.account_id')
    .where((eb) =>
      eb.or([
        eb(sql`b.held`, '<>', sql`coalesce(h.total, 0)`),
        eb(sql`b.last_hold_version`, '<>', sql`coalesce(v.newest, 0)`),
      ]),
    )
    .execute();
  const overdrawn = await db
    .selectFrom('balances as b')
    .innerJoin('accounts as a', 'a.id', 'b.account_id')
    .select('b.account_id')
    .where('a.kind', '=', 'customer')
    .where(sql`b.current - b.held`, '<', sql`-a.overdraft_limit`)
    .execute();
  const counts = await db
    .selectFrom('postings')
    .select([sql<number>`count(*)`.as('postings'), sql<number>`count(distinct entry_id)`.as('entries')])
    .executeTakeFirstOrThrow();
  const report = {
    entries: Number(counts.entries),
    postings: Number(counts.postings),
    unbalancedEntries: [...new Set(unbalanced.map((r) => r.entry_id))],
    balanceMismatches: balanceMismatches.map((r) => r.account_id),
    holdMismatches: holdMismatches.map((r) => r.account_id),
    overdrawnAccounts: overdrawn.map((r) => r.account_id),
  };
  const ok =
    report.unbalancedEntries.length +
      report.balanceMismatches.length +
      report.holdMismatches.length +
      report.overdrawnAccounts.length ===
    0;
  return { ...report, ok };
}
