/**
 * @module Sandbox data for a database: seed it (by `wekeza seed`, or at start when empty) through
 * the deterministic seeder, without the caller building a ledger context.
 */
import type { Database } from '../platform/index.ts';
import { createLedgerContext } from './context.ts';
import { isSeeded, type SeedOptions, type SeedResult, seedSandbox } from './seed/index.ts';

export type { SeedOptions, SeedResult } from './seed/index.ts';
export { SANDBOX_CUSTOMERS } from './seed/index.ts';

/** Seeds the sandbox data; a database that already has customers is left alone (result `null`). */
export async function seedSandboxData(
  database: Database,
  options: SeedOptions = {},
): Promise<SeedResult | null> {
  const ctx = createLedgerContext(database);
  if (await isSeeded(ctx)) return null;
  return seedSandbox(ctx, options);
}
