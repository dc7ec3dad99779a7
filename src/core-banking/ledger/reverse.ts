/**
 * @module Corrections: an entry is never changed or deleted; it is reversed by a new entry with
 * every posting negated, linked to it. An entry can be reversed once; a reversal is not reversible.
 */
import { AppError } from '../../platform/index.ts';
import { inTransaction, type LedgerContext } from '../context.ts';
import type { Entry, EntryInput } from '../types.ts';
import { findEntry, postEntryInTx, referenceReused, replay } from './post-entry.ts';

export interface ReverseInput {
  /** Defaults to `reversal:<entry id>`. */
  readonly reference?: string;
  readonly description?: string;
}

export async function reverseEntry(
  ctx: LedgerContext,
  entryId: string,
  options: ReverseInput = {},
): Promise<Entry> {
  const original = await findEntry(ctx.db, { id: entryId });
  if (!original) throw new AppError('ENTRY_NOT_FOUND', `Entry ${entryId} does not exist`);
  const { entry } = original;
  if (entry.reversesEntryId) throw new AppError('NOT_REVERSIBLE', `Entry ${entryId} is itself a reversal`);
  const input: EntryInput = {
    reference: options.reference ?? `reversal:${entryId}`,
    description: options.description ?? `Reversal: ${entry.description}`,
    counterparty: entry.counterparty,
    category: entry.category,
    merchant: entry.merchant,
    postings: entry.postings.map((p) => ({
      accountId: p.accountId,
      amount: -p.amount,
      currency: p.currency,
    })),
  };
  // The fingerprint does not name the reversed entry: a reversal of an identical entry (same postings
  // and description) under this reference would pass for this one. It is not; nothing was reversed.
  const mine = (reversal: Entry): Entry => {
    if (reversal.reversesEntryId === entryId) return reversal;
    throw referenceReused(input.reference);
  };
  const alreadyReversed = async (): Promise<Entry> => {
    const previous = await replay(ctx.db, input, 'reversal');
    if (previous) return mine(previous);
    throw new AppError('ALREADY_REVERSED', `Entry ${entryId} has already been reversed`);
  };
  return inTransaction(
    ctx,
    async (trx) => {
      const previous = await replay(trx, input, 'reversal');
      if (previous) return mine(previous);
      const existing = await trx
        .selectFrom('entries')
        .select('id')
        .where('reverses_entry_id', '=', entryId)
        .executeTakeFirst();
      if (existing) {
        // On PostgreSQL (read committed) a concurrent request for this same reversal may have
        // committed between the two reads above: its entry is this request's answer.
        const raced = await replay(trx, input, 'reversal');
        if (raced) return mine(raced);
        throw new AppError('ALREADY_REVERSED', `Entry ${entryId} was reversed by ${existing.id}`);
      }
      return mine(await postEntryInTx(ctx, trx, input, { kind: 'reversal', reversesEntryId: entryId }));
    },
    alreadyReversed,
  );
}
