/**
 * @module Per-account login lockout: after MAX_FAILURES failed logins for one username, further
 * attempts are refused for LOCK_SECONDS, whatever the password; a success clears the count.
 *
 * An attempt is counted before its password is checked, in one locked read-and-write: so parallel
 * guesses cannot all pass the check before any of them is recorded as a failure.
 */
import type { Kysely } from 'kysely';
import type { IdentityTables } from '../tables.ts';

export const MAX_FAILURES = 5;
export const LOCK_SECONDS = 15 * 60;

const now = () => Math.floor(Date.now() / 1000);

/**
 * Takes a login attempt for `username`: false when the name is locked (refuse without checking the
 * password); true when the attempt may go ahead, counted as a failure until `clearFailures` says
 * it succeeded. The MAX_FAILURES-th attempt goes ahead and, unless it succeeds, locks the name.
 */
export async function takeAttempt(db: Kysely<IdentityTables>, username: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // The row exists before it is locked: two first attempts cannot both find none and both write 1.
    await trx
      .insertInto('login_attempts')
      .values({ username, failures: 0, locked_until: null })
      .onConflict((oc) => oc.column('username').doNothing())
      .execute();
    const row = await trx
      .selectFrom('login_attempts')
      .select(['failures', 'locked_until'])
      .where('username', '=', username)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const lockedUntil = row.locked_until == null ? null : Number(row.locked_until);
    if (lockedUntil !== null && lockedUntil > now()) return false;
    // A lock that has run out starts the count again.
    const failures = (lockedUntil === null ? Number(row.failures) : 0) + 1;
    const values = { failures, locked_until: failures >= MAX_FAILURES ? now() + LOCK_SECONDS : null };
    await trx.updateTable('login_attempts').set(values).where('username', '=', username).execute();
    return true;
  });
}

export async function clearFailures(db: Kysely<IdentityTables>, username: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('username', '=', username).execute();
}
