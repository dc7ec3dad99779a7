/**
 * @module A developer's own apps: create (the secret is returned once, only its digest kept), list,
 * read, update, rotate the secret and delete (soft). Another developer's app, or a deleted one, is
 * APP_NOT_FOUND: its existence is never revealed.
 */
import { type Selectable, sql } from 'kysely';
import { AppError, newId } from '../platform/index.ts';
import { merge, toColumns, withDefaults } from './app-settings.ts';
import type { DevelopersContext } from './context.ts';
import { toApp } from './mappers.ts';
import { digestOf, newClientSecret } from './secrets.ts';
import type { AppsTable } from './tables.ts';
import type { App, AppPatch, AppWithSecret, NewApp } from './types.ts';
import { checkApp } from './validate-app.ts';

/** Every change bumps the revision, so that caches of the app can tell an older copy from a newer. */
export const nextRevision = sql<number>`revision + 1`;

const notFound = (clientId: string) => new AppError('APP_NOT_FOUND', `App ${clientId} does not exist`);

/** The live (not deleted) row of an app that belongs to `developerId`. */
async function ownRow(
  ctx: DevelopersContext,
  developerId: string,
  clientId: string,
): Promise<Selectable<AppsTable>> {
  const row = await ctx.db
    .selectFrom('apps')
    .selectAll()
    .where('client_id', '=', clientId)
    .where('developer_id', '=', developerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound(clientId);
  return row;
}

export async function createApp(
  ctx: DevelopersContext,
  developerId: string,
  input: NewApp,
): Promise<AppWithSecret> {
  const settings = withDefaults(input);
  checkApp(input, settings, ctx.sandbox);
  const secret = newClientSecret();
  const now = ctx.now().toISOString();
  const row: Selectable<AppsTable> = {
    client_id: newId('app'),
    developer_id: developerId,
    ...toColumns(settings),
    status: 'active',
    secret_digest: digestOf(secret),
    rate_limit_tier: 'standard',
    revision: 1,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
  await ctx.db.insertInto('apps').values(row).execute();
  return { ...toApp(row), clientSecret: secret };
}

export async function listApps(ctx: DevelopersContext, developerId: string): Promise<App[]> {
  const rows = await ctx.db
    .selectFrom('apps')
    .selectAll()
    .where('developer_id', '=', developerId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('client_id')
    .execute();
  return rows.map(toApp);
}

export const getApp = async (ctx: DevelopersContext, developerId: string, clientId: string): Promise<App> =>
  toApp(await ownRow(ctx, developerId, clientId));

/** Edits of one app at once are retried on the app as it now is, this many times at most. */
const MAX_EDIT_ATTEMPTS = 20;

export async function updateApp(
  ctx: DevelopersContext,
  developerId: string,
  clientId: string,
  patch: AppPatch,
): Promise<App> {
  if (Object.values(patch).every((v) => v === undefined)) {
    throw new AppError('VALIDATION_FAILED', 'Give at least one field to change', {
      errors: [{ path: '/body', message: 'must have at least one property' }],
    });
  }
  // The patch is merged into the app as read and written only if nobody changed the app since
  // (its revision): two edits at once each keep the other's fields (an allow-list tightened in one
  // tab is not put back by a rename in another) instead of the last one writing the first's old
  // values back.
  for (let attempt = 0; attempt < MAX_EDIT_ATTEMPTS; attempt++) {
    const current = toApp(await ownRow(ctx, developerId, clientId));
    const settings = merge(current, patch);
    checkApp(patch, settings, ctx.sandbox);
    const updatedAt = ctx.now().toISOString();
    const row = await ctx.db
      .updateTable('apps')
      .set({ ...toColumns(settings), updated_at: updatedAt, revision: nextRevision })
      .where('client_id', '=', clientId)
      .where('developer_id', '=', developerId)
      .where('deleted_at', 'is', null)
      .where('revision', '=', current.revision)
      .returningAll()
      .executeTakeFirst();
    if (row) return toApp(row);
  }
  throw new AppError('APP_CHANGED_CONCURRENTLY', `App ${clientId} kept changing while this edit was made`);
}

/** A new secret replaces the old one at once: the old secret stops working immediately. */
export async function rotateSecret(
  ctx: DevelopersContext,
  developerId: string,
  clientId: string,
): Promise<AppWithSecret> {
  const secret = newClientSecret();
  const row = await ctx.db
    .updateTable('apps')
    .set({ secret_digest: digestOf(secret), updated_at: ctx.now().toISOString(), revision: nextRevision })
    .where('client_id', '=', clientId)
    .where('developer_id', '=', developerId)
    .where('deleted_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw notFound(clientId);
  return { ...toApp(row), clientSecret: secret };
}

/** Soft delete: the app disappears for everyone, and its client id is never issued again. */
export async function deleteApp(
  ctx: DevelopersContext,
  developerId: string,
  clientId: string,
): Promise<void> {
  const now = ctx.now().toISOString();
  const result = await ctx.db
    .updateTable('apps')
    .set({ deleted_at: now, updated_at: now, revision: nextRevision })
    .where('client_id', '=', clientId)
    .where('developer_id', '=', developerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw notFound(clientId);
}
