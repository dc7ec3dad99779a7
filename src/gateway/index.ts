/** @module Public door of the gateway: the pipeline every `/v1` request passes, and its views. */
import type { ModuleMigrations } from '../platform/index.ts';
import { gatewayMigration } from './migrations/0001_gateway.ts';
import { auditCountsMigration } from './migrations/0002_audit_counts.ts';
import { auditRetentionMigration } from './migrations/0003_audit_retention.ts';
import { SCHEMA } from './tables.ts';

export type { AccessEntry } from './audit.ts';
export { MIN_AUDIT_RETENTION_DAYS } from './migrations/0003_audit_retention.ts';
export {
  API_VERSION,
  accessOf,
  type CustomerAccess,
  clientOf,
  type Deprecation,
  type GatewayContext,
  type GatewayRoute,
  gatewayOf,
  versionNotFound,
} from './pipeline.ts';
export { createGateway, type Gateway, type GatewayDeps } from './service.ts';
export type { UsageQuery, UsageRow } from './usage.ts';
export { announceAppChange, type ConsentView } from './views.ts';

export const gatewayMigrations: ModuleMigrations = Object.freeze({
  module: SCHEMA,
  steps: [gatewayMigration, auditCountsMigration, auditRetentionMigration],
});
