/**
 * @module Database triggers that make tables append-only on both backends: updates and deletes (and
 * truncation on PostgreSQL) are refused by the database itself, whatever the code does.
 */
import { type Kysely, sql } from 'kysely';
import type { MigrationEnv } from './migrations.ts';

export async function appendOnly(
  db: Kysely<unknown>,
  env: MigrationEnv,
  schema: string,
  tables: readonly string[],
) {
  if (env.kind === 'sqlite') {
    for (const table of tables) {
      for (const op of ['UPDATE', 'DELETE']) {
        await sql
          .raw(
            `CREATE TRIGGER ${schema}_${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${schema}_${table} ` +
              `BEGIN SELECT RAISE(ABORT, '${schema}.${table} is append-only: it cannot be changed'); END`,
          )
          .execute(db);
      }
    }
    return;
  }
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION ${schema}.append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION '%.% is append-only: it cannot be changed', TG_TABLE_SCHEMA, TG_TABLE_NAME
         USING ERRCODE = 'restrict_violation'; END $$`,
    )
    .execute(db);
  for (const table of tables) {
    await sql
      .raw(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${schema}.${table} ` +
          `FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.append_only()`,
      )
      .execute(db);
  }
}
