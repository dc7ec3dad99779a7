/**
 * @module The access audit trail gets a retention period: a record may be deleted once it is older
 * than a year, never sooner (the database refuses), and never changed. The purge that deletes records
 * past the configured retention finds them by time through a new index.
 */
import { sql } from 'kysely';
import type { MigrationStep } from '../../platform/index.ts';
import { SCHEMA } from '../tables.ts';

/** The database refuses to delete an audit record younger than this, whatever the configuration. */
export const MIN_AUDIT_RETENTION_DAYS = 365;

const refusal = `${SCHEMA}.access_audit keeps every record for ${MIN_AUDIT_RETENTION_DAYS} days: it cannot be deleted sooner`;

export const auditRetentionMigration: MigrationStep = {
  name: '0003_audit_retention',
  async up(db, env) {
    await db.schema.createIndex('access_audit_at_idx').on('access_audit').column('at').execute();
    if (env.kind === 'sqlite') {
      const table = `${SCHEMA}_access_audit`;
      await sql.raw(`DROP TRIGGER ${table}_no_delete`).execute(db);
      await sql
        .raw(
          `CREATE TRIGGER ${table}_retained BEFORE DELETE ON ${table} ` +
            `WHEN OLD.at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-${MIN_AUDIT_RETENTION_DAYS} days') ` +
            `BEGIN SELECT RAISE(ABORT, '${refusal}'); END`,
        )
        .execute(db);
      return;
    }
    const table = `${SCHEMA}.access_audit`;
    // Updates and truncation stay refused outright (the function comes from the first migration).
    await sql.raw(`DROP TRIGGER access_audit_append_only ON ${table}`).execute(db);
    await sql
      .raw(
        `CREATE TRIGGER access_audit_append_only BEFORE UPDATE OR TRUNCATE ON ${table} ` +
          `FOR EACH STATEMENT EXECUTE FUNCTION ${SCHEMA}.append_only()`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE FUNCTION ${SCHEMA}.audit_retained() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           IF OLD.at > now() - interval '${MIN_AUDIT_RETENTION_DAYS} days' THEN
             RAISE EXCEPTION '${refusal}' USING ERRCODE = 'restrict_violation';
           END IF;
           RETURN OLD;
         END $$`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER access_audit_retained BEFORE DELETE ON ${table} ` +
          `FOR EACH ROW EXECUTE FUNCTION ${SCHEMA}.audit_retained()`,
      )
      .execute(db);
  },
};
