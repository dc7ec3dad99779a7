/**
 * @module An account's statement: its postings, newest first (in the order they were applied), filtered by booking date, direction,
 * amount and text, paged by an opaque keyset cursor over the account's posting sequence.
 */
import { sql } from 'kysely';
import { AppError } from '../platform/index.ts';
import type { LedgerContext } from './context.ts';
import { toTransaction } from './ledger/mappers.ts';
import type { Page, Transaction, TransactionFilter } from './types.ts';

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

/** Turns a date or timestamp bound into a comparable RFC 3339 UTC timestamp. */
function bound(value: string, end: boolean, field: string): string {
  const text = DATE_ONLY.test(value) ? `${value}T${end ? '23:59:59.999' : '00:00:00.000'}Z` : value;
  const time = Date.parse(text);
  if (Number.isNaN(time)) {
    throw new AppError('VALIDATION_FAILED', `${field} must be a date or an RFC 3339 timestamp`, {
      errors: [{ path: `/query/${field}`, message: 'must be a date or an RFC 3339 timestamp' }],
    });
  }
  return new Date(time).toISOString();
}

const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listTransactions(
  ctx: LedgerContext,
  accountId: string,
  filter: TransactionFilter = {},
  page: { limit?: number; cursor?: string } = {},
): Promise<Page<Transaction>> {
  const limit = Math.min(Math.max(page.limit ?? 50, 1), MAX_PAGE_SIZE);
  let q = ctx.db.selectFrom('postings').selectAll().where('account_id', '=', accountId);
  if (filter.bookedFrom) q = q.where('booked_at', '>=', bound(filter.bookedFrom, false, 'booked_from'));
  if (filter.bookedTo) q = q.where('booked_at', '<=', bound(filter.bookedTo, true, 'booked_to'));
  if (filter.creditDebit === 'credit') q = q.where('amount', '>', 0);
  if (filter.creditDebit === 'debit') q = q.where('amount', '<', 0);
  if (filter.minAmount !== undefined) q = q.where(sql`abs(amount)`, '>=', filter.minAmount);
  if (filter.maxAmount !== undefined) q = q.where(sql`abs(amount)`, '<=', filter.maxAmount);
  if (filter.text) {
    const pattern = likePattern(filter.text);
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`lower(description) like ${pattern} escape '\\'`,
        sql<boolean>`lower(coalesce(counterparty, '')) like ${pattern} escape '\\'`,
      ]),
    );
  }
  if (page.cursor) {
    q = q.where('seq', '<', decodeCursor(page.cursor));
  }
  const rows = await q
    .orderBy('seq', 'desc')
    .limit(limit + 1)
    .execute();
  const data = rows.slice(0, limit).map(toTransaction);
  const last = rows[limit - 1];
  return { data, nextCursor: rows.length > limit && last ? encodeCursor(Number(last.seq)) : null };
}
