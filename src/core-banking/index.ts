/** @module Public door of the core-banking module: its service, migrations, routes, sandbox data and types. */
import type { ModuleMigrations } from '../platform/index.ts';
import { ledgerMigration } from './migrations/0001_ledger.ts';
import { transactionFeedMigration } from './migrations/0002_transaction_feed.ts';

export type {
  BatchCapture,
  BatchHooks,
  BatchItem,
  BatchResult,
  InTransaction,
  Settled,
} from './ledger/settle-batch.ts';
export { sandboxRoutes } from './routes/sandbox.ts';
export { SANDBOX_CUSTOMERS, type SeedOptions, type SeedResult, seedSandboxData } from './sandbox.ts';
export { type CoreBanking, type CoreBankingOptions, createCoreBanking } from './service.ts';
export type * from './types.ts';

export const coreBankingMigrations: ModuleMigrations = Object.freeze({
  module: 'core_banking',
  steps: [ledgerMigration, transactionFeedMigration],
});
