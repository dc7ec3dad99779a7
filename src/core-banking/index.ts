/** @module Public door of the core-banking module: its service, its migrations, its routes, its types. */
import type { ModuleMigrations } from '../platform/index.ts';
import { ledgerMigration } from './migrations/0001_ledger.ts';

export { type CoreBanking, createCoreBanking } from './service.ts';
export type * from './types.ts';

export const coreBankingMigrations: ModuleMigrations = Object.freeze({
  module: 'core_banking',
  steps: [ledgerMigration],
});
