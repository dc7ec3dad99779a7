/**
 * @module Reading consents with their history, and the one way a status changes: a conditional
 * UPDATE (`… WHERE status = <from>`) plus its history entry and its event (the outbox), in the
 * caller's transaction. When the
 * row was changed by someone else first, nothing is written and the caller learns it lost.
 */
import type { Kysely, Updateable } from 'kysely';
import { AppError, appendEvents, type EventType } from '../platform/index.ts';
import type { ConsentsContext, Tx } from './context.ts';
import { toConsent } from './mappers.ts';
import type { ConsentsTable, ConsentTables } from './tables.ts';
import type { Consent, ConsentStatus } from './types.ts';

export const notFound = (id: string) => new AppError('CONSENT_NOT_FOUND', `Consent ${id} does not exist`);

/** The consents with these ids, with their histories, in the order of `ids` (missing ones left out). */
export async function loadMany(db: Kysely<ConsentTables>, ids: readonly string[]): Promise<Consent[]> {
  if (ids.length === 0) return [];
  const [rows, history] = await Promise.all([
    db.selectFrom('consents').selectAll().where('id', 'in', ids).execute(),
    db.selectFrom('consent_history').selectAll().where('consent_id', 'in', ids).orderBy('id').execute(),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row
      ? [
          toConsent(
            row,
            history.filter((h) => h.consent_id === id),
          ),
        ]
      : [];
  });
}

/** The consent with its history; CONSENT_NOT_FOUND when there is none. */
export async function load(ctx: ConsentsContext, id: string): Promise<Consent> {
  const [consent] = await loadMany(ctx.db, [id]);
  if (!consent) throw notFound(id);
  return consent;
}

export interface Transition {
  readonly id: string;
  readonly from: ConsentStatus;
  readonly to: ConsentStatus;
  /** `app:<client_id>`, `customer:<customer_id>` or `system`. */
  readonly actor: string;
  readonly reason: string;
  /** The time of the change (RFC 3339). */
  readonly at: string;
  /** Only while the consent has not expired at `at`. */
  readonly unexpired?: boolean;
  /** Further columns to set with the status. */
  readonly set?: Omit<Updateable<ConsentsTable>, 'id' | 'status' | 'updated_at'>;
}

/** Moves the consent from `from` to `to` and records it; false when it was not in `from` (any more). */
export async function transition(trx: Tx, t: Transition): Promise<boolean> {
  let update = trx
    .updateTable('consents')
    .set({ ...t.set, status: t.to, updated_at: t.at })
    .where('id', '=', t.id)
    .where('status', '=', t.from);
  if (t.unexpired) update = update.where('expires_at', '>', t.at);
  const changed = await update.returning(['client_id']).executeTakeFirst();
  if (!changed) return false;
  await trx
    .insertInto('consent_history')
    .values({
      consent_id: t.id,
      at: t.at,
      from_status: t.from,
      to_status: t.to,
      actor: t.actor,
      reason: t.reason,
    })
    .execute();
  const type = EVENT_OF[t.to];
  if (type) {
    await appendEvents(
      trx,
      [
        {
          type,
          subject: `consents/${t.id}`,
          aggregate: t.id,
          clientId: changed.client_id,
          data: { consent_id: t.id, status: t.to, previous_status: t.from, reason: t.reason, at: t.at },
        },
      ],
      new Date(t.at),
    );
  }
  return true;
}

/** The status changes announced as events (to the app's webhooks and event feed). */
const EVENT_OF: Partial<Record<ConsentStatus, EventType>> = {
  authorized: 'consent.authorized',
  revoked: 'consent.revoked',
  expired: 'consent.expired',
};
