/**
 * @module The deterministic sandbox seeder: Kenyan customers, KES and USD accounts and two years of
 * realistic, balanced history, written straight into the ledger tables in batches. Same seed and
 * `asOf`, same rows and ids. An already seeded database (any customer) is left alone.
 */
import { AppError } from '../../platform/index.ts';
import type { LedgerContext } from '../context.ts';
import { historySpan } from './calendar.ts';
import { generateHistory } from './history.ts';
import { createSandboxWorld } from './setup.ts';
import { writeRows } from './writer.ts';

export { SANDBOX_CUSTOMERS, type SandboxCredentials } from './sandbox-customers.ts';
export { SANDBOX_EPOCH } from './setup.ts';

export interface SeedOptions {
  /** Customer transactions (journal entries) to create; default 20,000. */
  transactions?: number;
  /** PRNG seed; default 2026. */
  seed?: number;
  /** `YYYY-MM-DD`, the last day of history; default today (UTC). Not in the future. */
  asOf?: string;
  /** Entries per insert transaction; default 1,000. */
  batchSize?: number;
  /** Called after each committed batch; the last call has `done === total`. */
  onProgress?: (done: number, total: number) => void;
}

export interface SeedResult {
  customers: number;
  /** Customer accounts opened (the bank's internal accounts are not counted). */
  accounts: number;
  entries: number;
  postings: number;
  seconds: number;
}

export const DEFAULT_TRANSACTIONS = 20_000;
export const DEFAULT_SEED = 2026;
export const DEFAULT_BATCH_SIZE = 1_000;

function wholeNumber(value: number | undefined, fallback: number, name: string, min: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < min) {
    throw new AppError('VALIDATION_FAILED', `${name} must be a whole number ≥ ${min}`);
  }
  return value;
}

/** True when the database has any customer: the seeder then does nothing. */
export async function isSeeded(ctx: LedgerContext): Promise<boolean> {
  const row = await ctx.db.selectFrom('customers').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * Seeds the sandbox: customers, accounts and about `transactions` entries spread over the two years
 * ending at `asOf`. Returns all-zero counts, writing nothing, when the database already has customers.
 * Meant for an idle database: it keeps balances in memory while it writes.
 */
export async function seedSandbox(ctx: LedgerContext, options: SeedOptions = {}): Promise<SeedResult> {
  const started = performance.now();
  const transactions = wholeNumber(options.transactions, DEFAULT_TRANSACTIONS, 'transactions', 0);
  const seed = wholeNumber(options.seed, DEFAULT_SEED, 'seed', Number.MIN_SAFE_INTEGER);
  const batchSize = wholeNumber(options.batchSize, DEFAULT_BATCH_SIZE, 'batchSize', 1);
  const now = ctx.now();
  const span = historySpan(options.asOf, now);
  const seconds = () => (performance.now() - started) / 1000;
  const nothing = (): SeedResult => ({
    customers: 0,
    accounts: 0,
    entries: 0,
    postings: 0,
    seconds: seconds(),
  });

  if (await isSeeded(ctx)) return nothing();
  const world = await createSandboxWorld(ctx, seed, span);
  if (!world) return nothing();

  const rows = generateHistory(world, { transactions, seed, span, nowMs: now.getTime() });
  const written = await writeRows(ctx, rows, world.all, {
    batchSize,
    total: transactions,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return {
    customers: world.customers.length,
    accounts: world.accounts.length,
    entries: written.entries,
    postings: written.postings,
    seconds: seconds(),
  };
}
