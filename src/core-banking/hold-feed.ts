/**
 * @module The hold side of the transaction feed. A hold has up to two events, each numbered from its
 * account's hold-version counter: placed (`placed_version`) and ended — released or captured
 * (`version`). A sync cursor at hold version h has seen every event up to h, so whether a consumer
 * holds a hold as pending is a function of the cursor alone (`pendingAt`). A page reads the holds
 * whose next event is after h in event order — a merge of two index ranges: placed after h
 * (`placed_version` index) and placed before but ended after h (`version` index).
 */
import type { LedgerContext, Tx } from './context.ts';
import type { SyncPosition } from './sync-cursor.ts';

type Db = LedgerContext['db'] | Tx;

export interface Window {
  readonly from: string | undefined;
  readonly to: string | undefined;
}

export const within = (w: Window, time: string | null): boolean =>
  time !== null && (!w.from || time >= w.from) && (!w.to || time <= w.to);

const holdsWithCapture = (db: Db, accountId: string) =>
  db
    .selectFrom('holds as h')
    .leftJoin('postings as p', 'p.id', 'h.transaction_id')
    .selectAll('h')
    .select(['p.seq as captured_seq', 'p.booked_at as captured_at'])
    .where('h.account_id', '=', accountId);

/** Holds placed after `version`, in placement order. */
export const holdsPlacedAfter = (db: Db, accountId: string, version: number, limit: number) =>
  holdsWithCapture(db, accountId)
    .where('h.placed_version', '>', version)
    .orderBy('h.placed_version')
    .limit(limit);

/** Holds placed up to `version` that ended after it, in the order they ended. */
export const holdsEndedAfter = (db: Db, accountId: string, version: number, limit: number) =>
  holdsWithCapture(db, accountId)
    .where('h.version', '>', version)
    .where('h.placed_version', '<=', version)
    .orderBy('h.version')
    .limit(limit);

export type HoldRow = Awaited<ReturnType<ReturnType<typeof holdsPlacedAfter>['execute']>>[number];

/**
 * Whether a consumer at `at` holds this hold as a pending transaction: placed in the window by then,
 * not ended by then, and not already delivered as booked (a capture booked in the window, whose
 * posting the consumer has read). Every input is fixed once the cursor has passed it.
 */
export function pendingAt(row: HoldRow, at: SyncPosition, window: Window): boolean {
  const placed = Number(row.placed_version) <= at.holdVersion && within(window, row.created_at);
  const ended = row.status !== 'active' && Number(row.version) <= at.holdVersion;
  const booked =
    row.status === 'captured' &&
    within(window, row.captured_at) &&
    row.captured_seq !== null &&
    Number(row.captured_seq) <= at.seq;
  return placed && !ended && !booked;
}

/** The first event of the hold after `version`: its placement if that is later, else its end. */
const nextEvent = (row: HoldRow, version: number) =>
  Number(row.placed_version) > version ? Number(row.placed_version) : Number(row.version);

/**
 * Up to `room` holds with an event after `version`, in event order, and the hold version the page
 * reaches: the last event taken, or — when every hold was taken — `newest`, the account's counter.
 */
export async function holdEvents(
  db: Db,
  accountId: string,
  version: number,
  room: number,
  newest: number,
): Promise<{ rows: HoldRow[]; reached: number; done: boolean }> {
  const placed = await holdsPlacedAfter(db, accountId, version, room + 1).execute();
  const ended = await holdsEndedAfter(db, accountId, version, room + 1).execute();
  // Event numbers are unique per account, so the merged order is total.
  const merged = [...placed, ...ended].sort((a, b) => nextEvent(a, version) - nextEvent(b, version));
  const rows = merged.slice(0, room);
  const done = merged.length <= room;
  const last = rows.at(-1);
  const reached = done ? Math.max(newest, version) : last ? nextEvent(last, version) : version;
  return { rows, reached, done };
}
