/**
 * @module The SQLite backend's role files put together: Kysely's SQLite compiler, adapter and
 * introspector over our `node:sqlite` driver, plus the schema-prefix plugin.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Dialect, type Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import type { ColumnTypes } from '../types.ts';
import { NodeSqliteDriver } from './driver.ts';
import { SchemaPrefixPlugin } from './schema-prefix-plugin.ts';

export function sqliteDialect(path: string): Dialect {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new NodeSqliteDriver(path),
    createIntrospector: (db: Kysely<unknown>) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
}

export const sqlitePlugins = () => [new SchemaPrefixPlugin()];

export const sqliteColumnTypes: ColumnTypes = Object.freeze({
  bigint: 'integer',
  timestamp: 'text',
  date: 'text',
  json: 'text',
});
