/** @module Public door of the platform kernel. */
export {
  type Config,
  ConfigError,
  configurationTable,
  type DatabaseConfig,
  loadConfig,
  type RateTier,
} from './config/index.ts';
export { AmqpConnection } from './connections/amqp.ts';
export { evictionRisk, openRedis } from './connections/redis.ts';
export { deriveKey, digest, equalDigests, open, seal } from './crypto.ts';
export { appendOnly } from './db/append-only.ts';
export {
  type ColumnTypes,
  type Database,
  type DatabaseKind,
  type FewRoundTrips,
  insertRows,
  type MigrationEnv,
  type MigrationStep,
  type ModuleMigrations,
  migrateAll,
  openDatabase,
} from './db/index.ts';
export { AppError, type ErrorCode, type FieldError, isAppError } from './errors/index.ts';
export * from './events/index.ts';
export { bearerToken } from './http/bearer.ts';
export {
  LinksSchema,
  ListOf,
  MoneySchema,
  ProblemSchema,
  pageLinks,
  problems,
  YEAR_1900_ON,
} from './http/schemas.ts';
export { type IdPrefix, isId, newId } from './ids.ts';
export * from './money/index.ts';
export * from './outbound/index.ts';
export { hashPassword, verifyPassword } from './passwords.ts';
export { openServices, type PlatformServices } from './services.ts';
export * from './store/index.ts';
export { TurnBatches, type TurnCall } from './turn-batches.ts';
