/**
 * @module The accounts each consent covers, one row per (account, consent), so "which apps may see
 * this account" is an index look-up (webhooks and the event feed ask it for every posting) instead
 * of a scan of every consent. Written with the authorisation; existing consents are backfilled.
 */
import type { Kysely } from 'kysely';
import type { MigrationStep } from '../../platform/index.ts';

export const consentAccountsMigration: MigrationStep = {
  name: '0002_consent_accounts',
  async up(db) {
    await db.schema
      .createTable('consent_accounts')
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('consent_id', 'text', (c) => c.notNull().references('consents.id'))
      .addPrimaryKeyConstraint('consent_accounts_pk', ['account_id', 'consent_id'])
      .execute();
    // biome-ignore lint/suspicious/noExplicitAny: a migration works on tables the types do not know yet
    const any = db as Kysely<any>;
    const consents = await any.selectFrom('consents').select(['id', 'account_ids']).execute();
    for (const c of consents) {
      const ids = [...new Set(JSON.parse(c.account_ids) as string[])];
      if (ids.length === 0) continue;
      await any
        .insertInto('consent_accounts')
        .values(ids.map((account_id) => ({ account_id, consent_id: c.id })))
        .execute();
    }
  },
};
