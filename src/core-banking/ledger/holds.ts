/**
 * @module Holds reserve funds for a payment: placing one lowers the available balance at once;
 * it is later released (funds free again) or captured (posted as an entry, in one transaction).
 * Each operation is idempotent: by reference for place and capture, by state for release.
 * Every change takes the account's next hold `version` under its balance-row lock, so the versions
 * are in commit order per account (the transaction feed follows them); a hold's pending transaction
 * id becomes the id of its capture's posting on the held account.
 */
import { type Kysely, sql } from 'kysely';
import { AppError, newId } from '../../platform/index.ts';
import { inTransaction, type LedgerContext, type Tx } from '../context.ts';
import type { CaptureInput, Entry, EntryInput, Hold, HoldInput, LedgerGuard } from '../types.ts';
import { lockBalances } from './lock-balances.ts';
import { toHold } from './mappers.ts';
import { findEntry, MAX_REFERENCE_LENGTH, postEntryInTx, referenceReused } from './post-entry.ts';

async function holdByReference(db: Tx | LedgerContext['db'], input: HoldInput): Promise<Hold | undefined> {
  const row = await db
    .selectFrom('holds')
    .selectAll()
    .where('reference', '=', input.reference)
    .executeTakeFirst();
  if (!row) return undefined;
  const hold = toHold(row);
  if (
    hold.accountId !== input.accountId ||
    hold.amount !== input.amount ||
    hold.currency !== input.currency
  ) {
    throw referenceReused(input.reference, 'hold');
  }
  return hold;
}

/**
 * Places holds on one account together: all of them or none, the funds checked for their sum (a
 * payment's amount and its fee, say, so that two payments at once cannot each reserve one part).
 * Idempotent by reference, hold by hold: a hold already placed under its reference is answered as
 * it is, and only the others need the funds. `guard` runs first in the transaction (see LedgerGuard).
 */
export async function placeHolds(
  ctx: LedgerContext,
  inputs: readonly HoldInput[],
  options: { readonly guard?: LedgerGuard } = {},
): Promise<Hold[]> {
  const accountId = inputs[0]?.accountId;
  if (accountId === undefined) return [];
  for (const input of inputs) {
    if (!input.reference || input.reference.length > MAX_REFERENCE_LENGTH) {
      throw new AppError('VALIDATION_FAILED', `reference must be 1-${MAX_REFERENCE_LENGTH} characters`);
    }
    if (input.amount <= 0n) throw new AppError('INVALID_AMOUNT', 'A hold amount must be greater than zero');
    if (input.accountId !== accountId) {
      throw new AppError('VALIDATION_FAILED', 'Holds placed together must be on one account');
    }
  }
  if (new Set(inputs.map((i) => i.reference)).size !== inputs.length) {
    throw new AppError('VALIDATION_FAILED', 'Holds placed together need distinct references');
  }
  return inTransaction(
    ctx,
    async (trx) => {
      await options.guard?.(<T>(schema: string) => trx.withSchema(schema) as unknown as Kysely<T>);
      const account = (await lockBalances(trx, [accountId])).get(accountId)!;
      // Looked up once the account is locked: a replay, or a concurrent request with this reference
      // that committed while this one waited (PostgreSQL, read committed), gets that hold instead of
      // reserving the funds again.
      const previous = await Promise.all(inputs.map((input) => holdByReference(trx, input)));
      const fresh = inputs.filter((_, i) => previous[i] === undefined);
      if (fresh.length === 0) return previous as Hold[];
      // A refusal names the holds of these references that were there already (by input position).
      const refused = (
        code: 'ACCOUNT_NOT_OPEN' | 'CURRENCY_MISMATCH' | 'INSUFFICIENT_FUNDS',
        detail: string,
      ) =>
        new AppError(code, detail, {
          extra: { account_id: account.id, held_already: previous.map((h) => h?.id ?? null) },
        });
      if (account.status !== 'open')
        throw refused('ACCOUNT_NOT_OPEN', `Account ${account.id} is ${account.status}`);
      const wrongCurrency = fresh.find((input) => input.currency !== account.currency);
      if (wrongCurrency) {
        throw refused(
          'CURRENCY_MISMATCH',
          `Account ${account.id} is in ${account.currency}, not ${wrongCurrency.currency}`,
        );
      }
      const total = fresh.reduce((sum, input) => sum + input.amount, 0n);
      const limit = account.kind === 'customer' ? -account.overdraftLimit : null;
      if (limit !== null && account.current - account.held - total < limit) {
        throw refused('INSUFFICIENT_FUNDS', `Account ${account.id} has insufficient funds`);
      }
      const now = ctx.now().toISOString();
      let version = account.lastHoldVersion;
      const placed = new Map<HoldInput, Hold>();
      for (const input of fresh) {
        version += 1;
        const row = {
          id: newId('hld'),
          account_id: input.accountId,
          amount: input.amount,
          currency: input.currency,
          reference: input.reference,
          status: 'active' as const,
          description: input.description,
          counterparty: input.counterparty ?? null,
          category: input.category ?? null,
          merchant: input.merchant ?? null,
          transaction_id: newId('txn'),
          version,
          placed_version: version,
          entry_id: null,
          created_at: now,
          updated_at: now,
        };
        await trx.insertInto('holds').values(row).execute();
        placed.set(input, toHold(row));
      }
      await trx
        .updateTable('balances')
        .set({ held: account.held + total, last_hold_version: version, updated_at: now })
        .where('account_id', '=', accountId)
        .execute();
      return inputs.map((input, i) => previous[i] ?? placed.get(input)!);
    },
    // A concurrent placement with one of these references won: answer with what is there now.
    async () => {
      const found = await Promise.all(inputs.map((input) => holdByReference(ctx.db, input)));
      if (found.some((h) => h === undefined)) {
        throw new AppError('REFERENCE_REUSED', 'Some of these holds were placed concurrently, not all');
      }
      return found as Hold[];
    },
  );
}

export async function placeHold(ctx: LedgerContext, input: HoldInput): Promise<Hold> {
  return (await placeHolds(ctx, [input]))[0]!;
}

async function lockHold(trx: Tx, holdId: string) {
  const row = await trx
    .selectFrom('holds')
    .selectAll()
    .where('id', '=', holdId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('HOLD_NOT_FOUND', `Hold ${holdId} does not exist`);
  return toHold(row);
}

/** Takes the account's next hold version; the caller already holds the account's balance-row lock. */
async function nextHoldVersion(trx: Tx, accountId: string): Promise<number> {
  const row = await trx
    .updateTable('balances')
    .set({ last_hold_version: sql`last_hold_version + 1` })
    .where('account_id', '=', accountId)
    .returning('last_hold_version')
    .executeTakeFirstOrThrow();
  return Number(row.last_hold_version);
}

/** Frees the held funds. Releasing a released hold is a no-op; a captured hold cannot be released. */
export async function releaseHold(ctx: LedgerContext, holdId: string): Promise<Hold> {
  return ctx.db.transaction().execute(async (trx) => {
    const hold = await lockHold(trx, holdId);
    if (hold.status === 'released') return hold;
    if (hold.status === 'captured') throw new AppError('HOLD_NOT_ACTIVE', `Hold ${holdId} was captured`);
    const account = (await lockBalances(trx, [hold.accountId])).get(hold.accountId)!;
    const now = ctx.now().toISOString();
    const version = account.lastHoldVersion + 1;
    await trx
      .updateTable('balances')
      .set({ held: account.held - hold.amount, last_hold_version: version, updated_at: now })
      .where('account_id', '=', hold.accountId)
      .execute();
    await trx
      .updateTable('holds')
      .set({ status: 'released', version, updated_at: now })
      .where('id', '=', holdId)
      .execute();
    return { ...hold, status: 'released', updatedAt: now };
  });
}

/** Posts the held amount from the held account to `creditAccountId` and closes the hold. */
export async function captureHold(
  ctx: LedgerContext,
  holdId: string,
  input: CaptureInput,
  options: { readonly guard?: LedgerGuard } = {},
): Promise<Entry> {
  // Captures of one hold queue on its row lock; losing the reference's unique key means another
  // entry (another hold's capture, say) took the reference meanwhile.
  const referenceTaken = async (): Promise<Entry> => {
    throw referenceReused(input.reference);
  };
  return inTransaction(
    ctx,
    async (trx) => {
      await options.guard?.(<T>(schema: string) => trx.withSchema(schema) as unknown as Kysely<T>);
      const hold = await lockHold(trx, holdId);
      if (hold.status === 'captured' && hold.entryId) {
        const captured = await findEntry(trx, { id: hold.entryId });
        if (captured?.entry.reference === input.reference) return captured.entry;
      }
      if (hold.status !== 'active') throw new AppError('HOLD_NOT_ACTIVE', `Hold ${holdId} is ${hold.status}`);
      const entryInput: EntryInput = {
        ...input,
        counterparty: input.counterparty === undefined ? hold.counterparty : input.counterparty,
        category: input.category === undefined ? hold.category : input.category,
        merchant: input.merchant === undefined ? hold.merchant : input.merchant,
        postings: [
          { accountId: hold.accountId, amount: -hold.amount, currency: hold.currency },
          { accountId: input.creditAccountId, amount: hold.amount, currency: hold.currency },
        ],
      };
      // This hold is active, so an entry that already has the reference is not its capture, even when
      // it is an identical capture of another hold: replaying it would close this hold and move nothing.
      const entry = await postEntryInTx(ctx, trx, entryInput, {
        kind: 'hold_capture',
        releaseHeld: { accountId: hold.accountId, amount: hold.amount },
        newEntryOnly: true,
        postingIds: [hold.transactionId],
      });
      const version = await nextHoldVersion(trx, hold.accountId);
      await trx
        .updateTable('holds')
        .set({ status: 'captured', entry_id: entry.id, version, updated_at: ctx.now().toISOString() })
        .where('id', '=', holdId)
        .execute();
      return entry;
    },
    referenceTaken,
  );
}

export async function getHold(ctx: LedgerContext, holdId: string): Promise<Hold> {
  const row = await ctx.db.selectFrom('holds').selectAll().where('id', '=', holdId).executeTakeFirst();
  if (!row) throw new AppError('HOLD_NOT_FOUND', `Hold ${holdId} does not exist`);
  return toHold(row);
}
