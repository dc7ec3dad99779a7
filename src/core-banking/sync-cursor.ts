/**
 * @module The sync cursor: how far a consumer has read an account's two commit-ordered streams — its
 * postings (`seq`) and its hold changes (`version`) — bound to the account and booking window it was
 * issued for, so it is refused anywhere else. Opaque to clients: base64url of `y1.<seq>.<version>.<tag>`.
 */
import { AppError, digest } from '../platform/index.ts';
import type { TransactionWindow } from './types.ts';

export interface SyncPosition {
  /** Every posting of the account up to this `seq` has been delivered (or was outside the window). */
  readonly seq: number;
  /** Every hold change of the account up to this `version` has been delivered. */
  readonly holdVersion: number;
}

export const START: SyncPosition = Object.freeze({ seq: 0, holdVersion: 0 });

const tagOf = (accountId: string, window: TransactionWindow) =>
  digest(JSON.stringify([accountId, window.bookedFrom ?? null, window.bookedTo ?? null])).slice(0, 12);

export const encodeSyncCursor = (p: SyncPosition, accountId: string, window: TransactionWindow): string =>
  Buffer.from(`y1.${p.seq}.${p.holdVersion}.${tagOf(accountId, window)}`).toString('base64url');

const FORMAT = /^y1\.(0|[1-9]\d{0,15})\.(0|[1-9]\d{0,15})\.([\w-]{12})$/;

export function decodeSyncCursor(cursor: string, accountId: string, window: TransactionWindow): SyncPosition {
  const match = FORMAT.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const seq = Number(match?.[1]);
  const holdVersion = Number(match?.[2]);
  if (
    match?.[3] === tagOf(accountId, window) &&
    Number.isSafeInteger(seq) &&
    Number.isSafeInteger(holdVersion)
  ) {
    return { seq, holdVersion };
  }
  throw new AppError('INVALID_CURSOR', 'The cursor is not one this API returned for this account', {
    errors: [{ path: '/query/cursor', message: 'is not a sync cursor of this account' }],
  });
}
