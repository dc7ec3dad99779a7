/**
 * @module Opens the configured database: SQLite through `node:sqlite` or PostgreSQL through `pg`,
 * both behind Kysely and the same `Database` interface.
 */
import { Kysely, sql } from 'kysely';
import type { DatabaseConfig } from '../config/index.ts';
import { inFewRoundTripsOnPostgres, inFewRoundTripsOnSqlite } from './few-round-trips.ts';
import { createPool, postgresColumnTypes, postgresDialect } from './postgres/dialect.ts';
import { preparingPool } from './postgres/prepared.ts';
import { sqliteColumnTypes, sqliteDialect, sqlitePlugins } from './sqlite/dialect.ts';
import type { Database } from './types.ts';

export { type FewRoundTrips, insertRows } from './few-round-trips.ts';
export { type MigrationEnv, type MigrationStep, type ModuleMigrations, migrateAll } from './migrations.ts';
export type { ColumnTypes, Database, DatabaseKind } from './types.ts';

export function openDatabase(config: DatabaseConfig): Database {
  if (config.kind === 'sqlite') {
    // biome-ignore lint/suspicious/noExplicitAny: root handle, see Database.db
    const db = new Kysely<any>({ dialect: sqliteDialect(config.path), plugins: sqlitePlugins() });
    return {
      kind: 'sqlite',
      db,
      columnTypes: sqliteColumnTypes,
      schema: <T>(name: string) => db.withSchema(name) as unknown as Kysely<T>,
      inFewRoundTrips: (work) => inFewRoundTripsOnSqlite(db, work),
      isUniqueViolation: (err) =>
        err instanceof Error && /UNIQUE constraint failed|PRIMARY KEY constraint failed/.test(err.message),
      ping: async () => {
        await sql`select 1`.execute(db);
      },
      close: () => db.destroy(),
    };
  }
  const pool = createPool(config.url, config.poolMax);
  // biome-ignore lint/suspicious/noExplicitAny: root handle, see Database.db
  const db = new Kysely<any>({
    dialect: postgresDialect(config.preparedStatements ? preparingPool(pool) : pool),
  });
  return {
    kind: 'postgres',
    db,
    columnTypes: postgresColumnTypes,
    schema: <T>(name: string) => db.withSchema(name) as unknown as Kysely<T>,
    inFewRoundTrips: (work) => inFewRoundTripsOnPostgres(pool, work),
    isUniqueViolation: (err) => (err as { code?: unknown } | null)?.code === '23505',
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}
