/**
 * @module Turns a booked move into the rows `postEntry` would have written: one `entries` row (kind
 * `seed`, fingerprint by `fingerprintOf`) and one `postings` row per leg with its running balance.
 * Ids are `newId(prefix, bookingTime, prngBytes)`, so the same seed gives the same ids.
 */
import type { Insertable } from 'kysely';
import { newId } from '../../platform/index.ts';
import { fingerprintOf } from '../ledger/post-entry.ts';
import type { EntriesTable, PostingsTable } from '../tables.ts';
import type { EntryInput } from '../types.ts';
import type { Move } from './moves.ts';
import type { Prng } from './prng.ts';

export const SEED_KIND = 'seed';

export interface SeedRow {
  readonly entry: Insertable<EntriesTable>;
  readonly postings: readonly Insertable<PostingsTable>[];
}

/** Applies the move to the in-memory balances and returns its rows, booked at `time` (ms). */
export function bookMove(move: Move, reference: string, time: number, rng: Prng): SeedRow {
  const bookedAt = new Date(time).toISOString();
  const valueDate = bookedAt.slice(0, 10);
  const input: EntryInput = {
    reference,
    description: move.description,
    counterparty: move.counterparty,
    category: move.category,
    merchant: move.merchant,
    postings: move.legs.map((leg) => ({
      accountId: leg.account.id,
      amount: leg.amount,
      currency: leg.account.currency,
      ...(leg.description === undefined ? {} : { description: leg.description }),
      ...(leg.counterparty === undefined ? {} : { counterparty: leg.counterparty }),
    })),
  };
  const entryId = newId('jrn', time, rng.bytes(10));
  const postings = move.legs.map((leg) => {
    leg.account.balance += leg.amount;
    leg.account.seq += 1;
    return {
      id: newId('txn', time, rng.bytes(10)),
      entry_id: entryId,
      account_id: leg.account.id,
      amount: leg.amount,
      currency: leg.account.currency,
      balance_after: leg.account.balance,
      seq: leg.account.seq,
      booked_at: bookedAt,
      value_date: valueDate,
      description: leg.description ?? move.description,
      counterparty: leg.counterparty ?? move.counterparty ?? null,
      category: move.category,
    };
  });
  return {
    entry: {
      id: entryId,
      reference,
      fingerprint: fingerprintOf(input, SEED_KIND),
      kind: SEED_KIND,
      booked_at: bookedAt,
      value_date: valueDate,
      description: move.description,
      counterparty: move.counterparty,
      category: move.category,
      merchant: move.merchant,
      reverses_entry_id: null,
      created_at: bookedAt,
    },
    postings,
  };
}
