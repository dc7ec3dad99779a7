/**
 * @module An account's statement: its booked postings, newest first (in the order they were
 * applied), filtered by booking date, direction, amount and text, paged by an opaque keyset cursor
 * over the account's posting sequence.
 */
import { sql } from 'kysely';
import { AppError } from '../platform/index.ts';
import { bookedLines } from './booked-lines.ts';
import type { LedgerContext } from './context.ts';
import { toBookedTransaction } from './ledger/mappers.ts';
import type { BookedTransaction, Page, TransactionFilter } from './types.ts';

export const MAX_PAGE_SIZE = 500;

/** The cursor is the `seq` of the last posting on the page: the next page holds the older ones. */
export const encodeCursor = (seq: number): string => Buffer.from(`s:${seq}`).toString('base64url');

export function decodeCursor(cursor: string): number {
  const match = /^s:([1-9]\d{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const seq = match ? Number(match[1]) : Number.NaN;
  if (Number.isSafeInteger(seq)) return seq;
  throw new AppError('INVALID_CURSOR', 'The cursor is not one this API returned', {
    errors: [{ path: '/query/cursor', message: 'is not a valid cursor' }],
  });
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const EARLIEST = Date.parse('1900-01-01T00:00:00.000Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

/** Turns a date or timestamp bound into a comparable RFC 3339 UTC timestamp. */
export function bound(value: string, end: boolean, field: string): string {
  const text = DATE_ONLY.test(value) ? `${value}T${end ? '23:59:59.999' : '00:00:00.000'}Z` : value;
  const time = Date.parse(text);
  if (Number.isNaN(time)) {
    throw new AppError('VALIDATION_FAILED', `${field} must be a date or an RFC 3339 timestamp`, {
      errors: [{ path: `/query/${field}`, message: 'must be a date or an RFC 3339 timestamp' }],
    });
  }
  // Both databases must be able to hold it (PostgreSQL has no year 0).
  if (time < EARLIEST || time > LATEST) {
    throw new AppError('VALIDATION_FAILED', `${field} must be between 1900 and 9999`, {
      errors: [{ path: `/query/${field}`, message: 'must be between 1900 and 9999' }],
    });
  }
  return new Date(time).toISOString();
}

const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The statement page query: the account's postings below `beforeSeq`, newest first. Without text or
 * amount filters it walks the `(account_id, seq)` index backwards from the cursor and stops after
 * `limit` rows, so a page deep into a long history costs what the first page costs.
 */
export function statementQuery(
  db: LedgerContext['db'],
  accountId: string,
  filter: TransactionFilter,
  beforeSeq: number | undefined,
  limit: number,
) {
  let q = bookedLines(db).where('p.account_id', '=', accountId);
  if (filter.bookedFrom) q = q.where('p.booked_at', '>=', bound(filter.bookedFrom, false, 'booked_from'));
  if (filter.bookedTo) q = q.where('p.booked_at', '<=', bound(filter.bookedTo, true, 'booked_to'));
  if (filter.creditDebit === 'credit') q = q.where('p.amount', '>', 0);
  if (filter.creditDebit === 'debit') q = q.where('p.amount', '<', 0);
  if (filter.minAmount !== undefined) q = q.where(sql`abs(p.amount)`, '>=', filter.minAmount);
  if (filter.maxAmount !== undefined) q = q.where(sql`abs(p.amount)`, '<=', filter.maxAmount);
  if (filter.text) {
    const pattern = likePattern(filter.text);
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`lower(p.description) like ${pattern} escape '\\'`,
        sql<boolean>`lower(coalesce(p.counterparty, '')) like ${pattern} escape '\\'`,
      ]),
    );
  }
  if (beforeSeq !== undefined) q = q.where('p.seq', '<', beforeSeq);
  return q.orderBy('p.seq', 'desc').limit(limit);
}

/** Booked lines only: pending transactions (active holds) are served by the sync feed. */
export async function listTransactions(
  ctx: LedgerContext,
  accountId: string,
  filter: TransactionFilter = {},
  page: { limit?: number; cursor?: string } = {},
): Promise<Page<BookedTransaction>> {
  const limit = Math.min(Math.max(page.limit ?? 50, 1), MAX_PAGE_SIZE);
  const beforeSeq = page.cursor ? decodeCursor(page.cursor) : undefined;
  const rows = await statementQuery(ctx.db, accountId, filter, beforeSeq, limit + 1).execute();
  const data = rows.slice(0, limit).map(toBookedTransaction);
  const last = rows[limit - 1];
  return { data, nextCursor: rows.length > limit && last ? encodeCursor(Number(last.seq)) : null };
}
