/**
 * @module Migrations: each module contributes its own ordered steps; they run through Kysely's
 * Migrator (with its lock, so several processes may start at once) at start and by `wekeza migrate`.
 */
import type { Kysely } from 'kysely';
import { type Migration, type MigrationResultSet, Migrator } from 'kysely/migration';
import type { ColumnTypes, Database, DatabaseKind } from './types.ts';

export interface MigrationEnv {
  readonly kind: DatabaseKind;
  readonly columnTypes: ColumnTypes;
}

export interface MigrationStep {
  /** Sortable within the module, for example `0001_ledger`. */
  readonly name: string;
  /** `db` is the migration's own transaction, already scoped to the module's schema. */
  // biome-ignore lint/suspicious/noExplicitAny: migrations work on tables the types do not know yet
  up(db: Kysely<any>, env: MigrationEnv): Promise<void>;
}

export interface ModuleMigrations {
  /** The module's schema name, also the migration name prefix. */
  readonly module: string;
  readonly steps: readonly MigrationStep[];
}

export async function migrateAll(
  database: Database,
  modules: readonly ModuleMigrations[],
): Promise<string[]> {
  const migrations: Record<string, Migration> = {};
  for (const { module, steps } of modules) {
    for (const step of steps) {
      migrations[`${module}/${step.name}`] = {
        up: async (db) => {
          if (database.kind === 'postgres') await db.schema.createSchema(module).ifNotExists().execute();
          await step.up(db.withSchema(module), { kind: database.kind, columnTypes: database.columnTypes });
        },
      };
    }
  }
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'wekeza_migrations',
    migrationLockTableName: 'wekeza_migrations_lock',
    allowUnorderedMigrations: true,
  });
  const { error, results }: MigrationResultSet = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
