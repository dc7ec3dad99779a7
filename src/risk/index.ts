/**
 * @module Public door of the risk module: the risk engine and fraud system behind one service, its
 * counters, migrations and types.
 */
import type { ModuleMigrations } from '../platform/index.ts';
import { riskMigration } from './migrations/0001_risk.ts';
import { SCHEMA } from './tables.ts';

export { beneficiaryKey, isBeneficiaryKey, type Payee } from './beneficiary.ts';
export { MemoryCounters, openCounters, RedisCounters, type RiskCounters } from './counters/index.ts';
export type { StoredDecision } from './decisions.ts';
export { DEFAULT_RULES } from './defaults.ts';
export type { Policy } from './policy.ts';
export { type RiskRules, RiskRulesError, resolveRules } from './rules-config.ts';
export { createRiskService, type RiskDeps, type RiskService } from './service.ts';
export type * from './types.ts';

export const riskMigrations: ModuleMigrations = Object.freeze({
  module: SCHEMA,
  steps: [riskMigration],
});
