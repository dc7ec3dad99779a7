/**
 * @module Developer sessions: login issues a random bearer token (`wdt_…`, 24 hours) of which only
 * the SHA-256 digest is stored; `authenticate` maps a live token to its developer; logout ends it.
 */
import { AppError } from '../platform/index.ts';
import { checkCredentials } from './accounts.ts';
import type { DevelopersContext } from './context.ts';
import { toDeveloper } from './mappers.ts';
import { digestOf, isDeveloperTokenShaped, newDeveloperToken } from './secrets.ts';
import type { Developer, DeveloperSession } from './types.ts';

export const SESSION_TTL_MS = 24 * 60 * 60 * 1000;

export async function login(
  ctx: DevelopersContext,
  email: string,
  password: string,
): Promise<DeveloperSession> {
  const developer = await checkCredentials(ctx, email, password);
  if (!developer) throw new AppError('INVALID_CREDENTIALS', 'The email or password is not correct');
  const now = ctx.now();
  const token = newDeveloperToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    // Housekeeping: this developer's expired sessions go when a new one starts.
    await trx
      .deleteFrom('developer_sessions')
      .where('developer_id', '=', developer.id)
      .where('expires_at', '<=', now.toISOString())
      .execute();
    await trx
      .insertInto('developer_sessions')
      .values({
        token_digest: digestOf(token),
        developer_id: developer.id,
        expires_at: expiresAt,
        created_at: now.toISOString(),
      })
      .execute();
  });
  return { token, expiresAt, developer };
}

/** The developer a live token belongs to; null for a malformed, unknown, expired or ended token. */
export async function authenticate(ctx: DevelopersContext, token: string): Promise<Developer | null> {
  if (!isDeveloperTokenShaped(token)) return null;
  const row = await ctx.db
    .selectFrom('developer_sessions as s')
    .innerJoin('developers as d', 'd.id', 's.developer_id')
    .select(['d.id', 'd.email', 'd.name', 'd.created_at'])
    .where('s.token_digest', '=', digestOf(token))
    .where('s.expires_at', '>', ctx.now().toISOString())
    .executeTakeFirst();
  return row ? toDeveloper(row) : null;
}

/** Ends the session of that token (nothing happens for an unknown one). */
export async function logout(ctx: DevelopersContext, token: string): Promise<void> {
  if (!isDeveloperTokenShaped(token)) return;
  await ctx.db.deleteFrom('developer_sessions').where('token_digest', '=', digestOf(token)).execute();
}
