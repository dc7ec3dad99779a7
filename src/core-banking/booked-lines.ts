/**
 * @module The one query shape behind every booked statement line: a posting, its entry's reference
 * and merchant, and — when it is a hold's capture — the time the hold was placed. Both joins are
 * look-ups by a unique key, so a page costs its postings' index range plus one probe per line.
 */
import type { Kysely } from 'kysely';
import type { Tx } from './context.ts';
import type { CoreBankingTables } from './tables.ts';

export const bookedLines = (db: Kysely<CoreBankingTables> | Tx) =>
  db
    .selectFrom('postings as p')
    .innerJoin('entries as e', 'e.id', 'p.entry_id')
    .leftJoin('holds as h', 'h.transaction_id', 'p.id')
    .selectAll('p')
    .select(['e.reference', 'e.merchant', 'h.created_at as authorised_at', 'h.placed_version']);
