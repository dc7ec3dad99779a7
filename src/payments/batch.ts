/**
 * @module Group commit of approved payments (ADR 0009). A payment the risk engine approved is handed
 * here instead of running its own steps: the payments that arrive while a batch is being written
 * wait for the next one (no timer: a lone payment is written at once), and each batch is one ledger
 * transaction — core banking's `settleBatch` — holding, for every payment in it, its idempotency
 * key, the hold placed and captured at once, the capture entry with its postings, the payment at
 * rest as `completed` with its history and events, and its risk decision. A payment is thus
 * recorded whole or not at all: there is no phase in between to recover.
 *
 * Whatever the batch cannot book, the payment does alone, through the steps of `flow.ts`:
 * - a check refused it (funds, an account no longer open): its own steps record the rejection with
 *   its reason, exactly as they would have without the batch;
 * - the batch failed (the database, a deadlock): nothing of it was written, so every payment in it
 *   starts its own steps afresh.
 * A payment whose key another request recorded first is answered from that key.
 */
import type { BatchCapture, BatchItem, Settled } from '../core-banking/index.ts';
import type { RiskDecision } from '../risk/index.ts';
import type { PaymentsContext } from './context.ts';
import { SYSTEM } from './flow.ts';
import { keySlot } from './idempotency.ts';
import { isoStatusOf } from './iso20022.ts';
import { insertPayments } from './store.ts';
import type { IdempotencyKeysTable, PaymentsTables } from './tables.ts';
import type { Payment } from './types.ts';

export type Booking =
  /** Booked: the payment as recorded, completed. */
  | { readonly booked: Payment }
  /** Another request recorded this key first: answer from it. */
  | { readonly taken: true }
  /** Not booked here: run the payment's own steps. */
  | { readonly alone: true };

interface Member {
  readonly payment: Payment;
  readonly decision: RiskDecision;
  readonly key: IdempotencyKeysTable;
  readonly done: (booking: Booking) => void;
}

/** Batches written at once: one can be taking its locks while the other commits. */
const PARALLEL = 2;

const ALONE: Booking = { alone: true };
const TAKEN: Booking = { taken: true };

export class Batcher {
  readonly #ctx: PaymentsContext;
  readonly #max: number;
  #queue: Member[] = [];
  #writing = 0;
  #scheduled = false;

  constructor(ctx: PaymentsContext, max: number) {
    this.#ctx = ctx;
    this.#max = max;
  }

  /** Books an approved payment (phase `decided`, new key) in the next batch. */
  book(payment: Payment, decision: RiskDecision, key: IdempotencyKeysTable): Promise<Booking> {
    return new Promise((done) => {
      this.#queue.push({ payment, decision, key, done });
      this.#schedule();
    });
  }

  /** Flushes after the current turn of the event loop, so that the payments of one turn go together. */
  #schedule(): void {
    if (this.#scheduled || this.#writing >= PARALLEL || this.#queue.length === 0) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      while (this.#queue.length > 0 && this.#writing < PARALLEL) {
        const members = this.#queue.splice(0, this.#max);
        this.#writing += 1;
        void this.#write(members).finally(() => {
          this.#writing -= 1;
          this.#schedule();
        });
      }
    });
  }

  async #write(members: readonly Member[]): Promise<void> {
    let bookings: Booking[];
    try {
      bookings = await this.#settle(members);
    } catch (err) {
      this.#ctx.log(err, `a batch of ${members.length} payments failed; each is booked on its own`);
      bookings = members.map(() => ALONE);
    }
    members.forEach((m, i) => {
      m.done(bookings[i]!);
    });
  }

  async #settle(members: readonly Member[]): Promise<Booking[]> {
    const ctx = this.#ctx;
    const items = await Promise.all(members.map((m) => this.#itemOf(m.payment)));
    const booked = new Map<number, Payment>();
    const results = await ctx.bank.settleBatch(items, {
      claim: (all) => {
        const slot = (k: IdempotencyKeysTable) => keySlot(k.client_id, k.key);
        // In key order, so that two batches with the same keys cannot deadlock on them.
        const rows = all
          .map((i) => members[i]!.key)
          .sort((a, b) =>
            a.client_id === b.client_id ? (a.key < b.key ? -1 : 1) : a.client_id < b.client_id ? -1 : 1,
          );
        return {
          statement: ctx.db
            .insertInto('idempotency_keys')
            .values(rows)
            .onConflict((oc) => oc.columns(['client_id', 'key']).doNothing())
            .returning(['client_id', 'key']),
          claimed: (taken) => {
            const ours = new Set(taken.map((t) => slot(t as unknown as IdempotencyKeysTable)));
            return new Set(all.filter((i) => ours.has(slot(members[i]!.key))));
          },
        };
      },
      // A refused payment takes its key again on its own steps, which record the refusal.
      release: async (later, refused) => {
        await later<PaymentsTables>('payments')
          .deleteFrom('idempotency_keys')
          .where((eb) =>
            eb.or(
              refused.map((i) =>
                eb.and([
                  eb('client_id', '=', members[i]!.key.client_id),
                  eb('key', '=', members[i]!.key.key),
                ]),
              ),
            ),
          )
          .execute();
      },
      record: async (later, settled) => {
        const now = new Date(ctx.now());
        for (const [i, s] of settled) booked.set(i, completed(members[i]!.payment, s, now.toISOString()));
        const payments = [...booked.values()];
        await insertPayments(ctx, later<PaymentsTables>('payments'), payments, now);
        await ctx.risk.record(
          later('risk'),
          [...settled.keys()].map((i) => members[i]!.decision),
        );
        for (const p of payments) ctx.faults?.('batch_written', p);
      },
    });
    return results.map((r, i) => {
      if ('settled' in r) return { booked: booked.get(i)! };
      return 'dropped' in r ? TAKEN : ALONE;
    });
  }

  async #itemOf(p: Payment): Promise<BatchItem> {
    const description = p.description ?? `Payment ${p.reference}`;
    const captures: BatchCapture[] = [
      {
        holdReference: `${p.id}:hold`,
        reference: p.id,
        creditAccountId: p.creditAccountId,
        amount: p.amount,
        description,
        counterparty: p.creditor.name,
        category: 'transfer',
      },
    ];
    if (p.fee > 0n) {
      captures.push({
        holdReference: `${p.id}:fee-hold`,
        reference: `${p.id}:fee`,
        creditAccountId: await this.#ctx.internalAccountId('fees', p.currency),
        amount: p.fee,
        description: `Payment fee ${p.reference}`,
        counterparty: 'Wekeza Bank',
        category: 'fees',
      });
    }
    return { debitAccountId: p.debtorAccountId, currency: p.currency, captures };
  }
}

/** The payment as the batch records it: booked, at rest. */
function completed(p: Payment, s: Settled, at: string): Payment {
  return {
    ...p,
    status: 'completed',
    isoStatus: isoStatusOf('completed', 'done', p.decision),
    phase: 'done',
    holdId: s.holds[0]!.id,
    feeHoldId: s.holds[1]?.id ?? null,
    entryId: s.entries[0]!.id,
    feeEntryId: s.entries[1]?.id ?? null,
    leaseUntil: null,
    updatedAt: at,
    history: [
      ...p.history,
      {
        at,
        from: p.status,
        to: 'completed',
        isoStatus: 'ACSC',
        reasonCode: null,
        reason: 'Paid',
        actor: SYSTEM,
      },
    ],
  };
}
