/**
 * @module Initiating a payment, exactly once per idempotency key:
 *
 * 1. A request whose key is in flight in this process waits for it (up to the wait setting); one
 *    whose key is stored answers from it: another body is 422; the payment at rest is replayed
 *    (201, as it is now); in flight elsewhere, it is polled until at rest or the wait runs out (409);
 *    left in flight by a crashed process (lease run out), it is taken over and finished.
 * 2. A new request is validated (nothing is stored for an invalid one; the key is looked up meanwhile),
 *    scored by the risk engine and the fraud system, then recorded — key, payment, decision, history
 *    and events in one transaction.
 *    Losing the key's unique constraint to a concurrent process turns it into a retry (step 1).
 * 3. The workflow runs (`flow.ts`): declined payments are already at rest.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { CustomerAccess } from '../gateway/index.ts';
import { AppError, newId } from '../platform/index.ts';
import { Batcher } from './batch.ts';
import type { PaymentsContext } from './context.ts';
import { advance } from './flow.ts';
import { findKey, fingerprintOf, KeyLookups, keyExpired, keySlot } from './idempotency.ts';
import { createdAtOfId, newPayment } from './new-payment.ts';
import { claim, insertPayment, leaseExpired, loadPayment } from './store.ts';
import type { IdempotencyKeysTable } from './tables.ts';
import { isAtRest, type Payment, type PaymentRequest } from './types.ts';
import { validatePayment } from './validate.ts';

export interface Initiated {
  readonly payment: Payment;
  /** The answer comes from an earlier request with the same key. */
  readonly replayed: boolean;
}

const POLL_MS = 20;

const inFlight = () =>
  new AppError(
    'IDEMPOTENCY_KEY_IN_FLIGHT',
    'A request with this Idempotency-Key is still being processed; retry shortly',
    { extra: { retry_after: 1 } },
  );

async function settledWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  if (ms <= 0) return false;
  const timer = new AbortController();
  const settled = work.then(
    () => true,
    () => true,
  );
  const late = sleep(ms, false, { signal: timer.signal }).catch(() => false);
  const result = await Promise.race([settled, late]);
  timer.abort();
  return result;
}

export class Initiator {
  readonly #ctx: PaymentsContext;
  /** Requests in progress in this process, by app and key. */
  readonly #running = new Map<
    string,
    { readonly fingerprint: string; readonly consentId: string; readonly work: Promise<Initiated> }
  >();

  /** Group commit of approved payments; undefined when each payment runs its own steps. */
  readonly #batcher: Batcher | undefined;
  readonly #keys: KeyLookups;

  constructor(ctx: PaymentsContext) {
    this.#ctx = ctx;
    this.#keys = new KeyLookups(ctx);
    this.#batcher = ctx.settings.batch > 0 ? new Batcher(ctx, ctx.settings.batch) : undefined;
  }

  async initiate(access: CustomerAccess, key: string, body: PaymentRequest): Promise<Initiated> {
    const ctx = this.#ctx;
    const fingerprint = fingerprintOf(access.customerId, body);
    // Waiting is measured on the monotonic clock (the business clock may be a test's, standing still).
    const deadline = performance.now() + ctx.settings.waitMs;
    const slot = keySlot(access.clientId, key);
    const running = this.#running.get(slot);
    if (running) {
      if (running.fingerprint !== fingerprint || running.consentId !== access.consent.id)
        throw this.#reused();
      if (!(await settledWithin(running.work, deadline - performance.now()))) {
        ctx.metrics.retries.inc({ outcome: 'in_flight' });
        throw inFlight();
      }
      const stored = await findKey(ctx, access.clientId, key);
      if (stored && !keyExpired(ctx, stored))
        return this.#answer(stored, fingerprint, access.consent.id, deadline);
    }
    const work = this.#first(access, key, body, fingerprint, deadline);
    this.#running.set(slot, { fingerprint, consentId: access.consent.id, work });
    try {
      return await work;
    } finally {
      if (this.#running.get(slot)?.work === work) this.#running.delete(slot);
    }
  }

  async #first(
    access: CustomerAccess,
    key: string,
    body: PaymentRequest,
    fingerprint: string,
    deadline: number,
  ): Promise<Initiated> {
    const ctx = this.#ctx;
    // The key is looked up while the request is validated (reads only): a stored key is answered
    // from, whatever the validation found; a new one needs the request valid.
    const [stored, validated] = await Promise.all([
      this.#keys.find(access.clientId, key),
      validatePayment(ctx, access, body).then(
        (valid) => ({ valid }),
        (invalid: unknown) => ({ invalid }),
      ),
    ]);
    if (stored && !keyExpired(ctx, stored))
      return this.#answer(stored, fingerprint, access.consent.id, deadline);
    if ('invalid' in validated) throw validated.invalid;
    const { valid } = validated;
    const now = ctx.now();
    const id = newId('pay', now);
    const decision = await ctx.risk.assess({
      paymentId: id,
      clientId: access.clientId,
      customerId: access.customerId,
      consentId: access.consent.id,
      accountId: valid.debtorAccountId,
      beneficiary: valid.beneficiary,
      amount: valid.amount,
      currency: valid.currency,
      available: valid.available,
      consentCreatedAt: createdAtOfId(access.consent.id),
      at: now,
    });
    const at = new Date(now).toISOString();
    const payment = newPayment(
      access,
      body,
      valid,
      id,
      decision,
      at,
      new Date(now + ctx.settings.leaseMs).toISOString(),
    );
    const keyRow = {
      client_id: access.clientId,
      key,
      fingerprint,
      payment_id: id,
      created_at: at,
      expires_at: new Date(now + ctx.settings.keyTtlMs).toISOString(),
    };
    if (this.#batcher && !stored && payment.phase === 'decided' && payment.decision === 'approve') {
      const booking = await this.#batcher.book(payment, decision, keyRow);
      if ('booked' in booking) {
        ctx.metrics.statuses.inc({ status: 'pending' });
        ctx.metrics.statuses.inc({ status: 'completed' });
        if (!decision.signals?.beneficiaryKnown)
          await ctx.risk.approved(payment.customerId, payment.beneficiary);
        return { payment: booking.booked, replayed: false };
      }
      if ('taken' in booking) return this.#answerWinner(access, key, fingerprint, deadline);
    }
    try {
      await ctx.db.transaction().execute(async (trx) => {
        // A key past its time may be used again: the old row goes in the same transaction.
        if (stored) {
          await trx
            .deleteFrom('idempotency_keys')
            .where('client_id', '=', access.clientId)
            .where('key', '=', key)
            .where('expires_at', '<=', at)
            .execute();
        }
        await trx.insertInto('idempotency_keys').values(keyRow).execute();
        await insertPayment(ctx, trx, payment);
        await ctx.risk.record(trx, [decision]);
      });
    } catch (err) {
      if (!ctx.database.isUniqueViolation(err)) throw err;
      // Another process recorded a payment with this key first.
      return this.#answerWinner(access, key, fingerprint, deadline, err);
    }
    ctx.metrics.statuses.inc({ status: 'pending' });
    if (payment.status === 'rejected') {
      ctx.metrics.statuses.inc({ status: 'rejected' });
      ctx.metrics.rejections.inc({ reason: payment.reasonCode! });
      return { payment, replayed: false };
    }
    ctx.faults?.('recorded', payment);
    const done = await advance(ctx, payment);
    if (done.status === 'completed' && !decision.signals?.beneficiaryKnown) {
      await ctx.risk.approved(done.customerId, done.beneficiary);
    }
    return { payment: done, replayed: false };
  }

  /** Answers from the payment another request recorded with this key first. */
  async #answerWinner(
    access: CustomerAccess,
    key: string,
    fingerprint: string,
    deadline: number,
    lost?: unknown,
  ): Promise<Initiated> {
    const winner = await findKey(this.#ctx, access.clientId, key);
    if (!winner) throw lost ?? new Error(`idempotency key ${key} lost to a request that left no key`);
    return this.#answer(winner, fingerprint, access.consent.id, deadline);
  }

  #reused(): AppError {
    this.#ctx.metrics.retries.inc({ outcome: 'mismatch' });
    return new AppError(
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was used for a different request; use a new key for a new payment',
    );
  }

  /**
   * Answers a request whose key is stored: 422, the payment (replayed or finished), or 409. The same
   * body from the same customer under another consent is another request (422): a consent must not
   * be shown, or finish, a payment it cannot see.
   */
  async #answer(
    stored: IdempotencyKeysTable,
    fingerprint: string,
    consentId: string,
    deadline: number,
  ): Promise<Initiated> {
    const ctx = this.#ctx;
    if (stored.fingerprint !== fingerprint) throw this.#reused();
    for (;;) {
      const payment = await loadPayment(ctx, stored.payment_id);
      if (!payment) throw new Error(`idempotency key for a missing payment ${stored.payment_id}`);
      if (payment.consentId !== consentId) throw this.#reused();
      if (isAtRest(payment.phase)) {
        ctx.metrics.retries.inc({ outcome: 'replayed' });
        return { payment, replayed: true };
      }
      if (leaseExpired(ctx, payment)) {
        const claimed = await claim(ctx, payment);
        if (claimed) {
          ctx.metrics.retries.inc({ outcome: 'resumed' });
          ctx.metrics.recovered.inc({ phase: claimed.phase });
          const done = await advance(ctx, claimed);
          if (done.status === 'completed') await ctx.risk.approved(done.customerId, done.beneficiary);
          return { payment: done, replayed: true };
        }
        continue;
      }
      const left = deadline - performance.now();
      if (left <= 0) {
        ctx.metrics.retries.inc({ outcome: 'in_flight' });
        throw inFlight();
      }
      await sleep(Math.min(POLL_MS, left));
    }
  }
}
