/**
 * @module Per-account login lockout: after MAX_FAILURES failed logins for one username, further
 * attempts are refused for LOCK_SECONDS, whatever the password; a success clears the count.
 */
import type { Kysely } from 'kysely';
import type { IdentityTables } from '../tables.ts';

export const MAX_FAILURES = 5;
export const LOCK_SECONDS = 15 * 60;

const now = () => Math.floor(Date.now() / 1000);

export async function isLocked(db: Kysely<IdentityTables>, username: string): Promise<boolean> {
  const row = await db
    .selectFrom('login_attempts')
    .select('locked_until')
    .where('username', '=', username)
    .executeTakeFirst();
  return row?.locked_until != null && Number(row.locked_until) > now();
}

export async function recordFailure(db: Kysely<IdentityTables>, username: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('login_attempts')
      .select(['failures', 'locked_until'])
      .where('username', '=', username)
      .forUpdate()
      .executeTakeFirst();
    const expired = row?.locked_until != null && Number(row.locked_until) <= now();
    const failures = (row && !expired ? Number(row.failures) : 0) + 1;
    const values = { failures, locked_until: failures >= MAX_FAILURES ? now() + LOCK_SECONDS : null };
    await trx
      .insertInto('login_attempts')
      .values({ username, ...values })
      .onConflict((oc) => oc.column('username').doUpdateSet(values))
      .execute();
  });
}

export async function clearFailures(db: Kysely<IdentityTables>, username: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('username', '=', username).execute();
}
