/**
 * @module The payment workflow after the payment is recorded, as named steps, each idempotent (core
 * banking answers a repeated hold or capture reference with the first result), so that a payment
 * found half-done is finished by running the same steps again:
 *
 * | step      | does                                               | undone by                       |
 * | --------- | -------------------------------------------------- | ------------------------------- |
 * | reserve   | holds the amount (and the fee) on the debtor       | releasing the holds (rejection) |
 * | park      | approve → settle; review → `under_review`          | —                               |
 * | settle    | captures the holds: creditor, fee to the bank      | a reversing entry (not automatic)|
 * | finish    | `completed` or `rejected`, with history and event  | —                               |
 *
 * A rejection that holds funds is recorded first (phase `releasing`), then the holds are released:
 * a crash between the two leaves a payment that recovery knows to release.
 *
 * A refusal the bank answers for good (insufficient funds, an account no longer open) rejects the
 * payment with its reason; anything else (the database or Redis failing) is thrown, and the
 * payment stays in its phase until a retry or the recovery sweep runs the steps again.
 */
import { AppError } from '../platform/index.ts';
import type { PaymentsContext } from './context.ts';
import { isoStatusOf, REASONS } from './iso20022.ts';
import { type Change, LeaseLost, loadPayment, ownedBy, transition } from './store.ts';
import { isAtRest, type Payment, type PaymentStatus, type Phase, type ReasonCode } from './types.ts';

export const SYSTEM = 'system';

/** Refusals that decide the payment (rejected), with the reason they give. */
function rejectionOf(err: unknown, creditorSide: boolean): ReasonCode | undefined {
  if (!(err instanceof AppError)) return undefined;
  switch (err.code) {
    case 'INSUFFICIENT_FUNDS':
      return 'INSUFFICIENT_FUNDS';
    case 'ACCOUNT_NOT_OPEN':
    case 'CURRENCY_MISMATCH':
      return creditorSide ? 'CREDITOR_ACCOUNT_NOT_OPEN' : 'ACCOUNT_NOT_OPEN';
    default:
      return undefined;
  }
}

/** Another process moved the payment on (a stalled process whose lease was taken over): its state stands. */
async function takenOver(ctx: PaymentsContext, id: string): Promise<Payment> {
  const current = await loadPayment(ctx, id);
  if (current && isAtRest(current.phase)) return current;
  throw new AppError('IDEMPOTENCY_KEY_IN_FLIGHT', `Payment ${id} is being moved on by another process`);
}

async function move(ctx: PaymentsContext, p: Payment, change: Change): Promise<Payment> {
  const isoOf = (status: PaymentStatus, phase: Phase) => isoStatusOf(status, phase, p.decision);
  const next = await transition(ctx, p, change, isoOf);
  if (!next) return takenOver(ctx, p.id);
  if (change.status) {
    ctx.metrics.statuses.inc({ status: change.status.to });
    if (change.status.reasonCode) ctx.metrics.rejections.inc({ reason: change.status.reasonCode });
  }
  return next;
}

/** Releases the holds of a rejected payment and puts it to rest. */
async function release(ctx: PaymentsContext, p: Payment): Promise<Payment> {
  for (const holdId of [p.holdId, p.feeHoldId]) {
    if (holdId) await ctx.bank.releaseHold(holdId);
  }
  ctx.faults?.('released', p);
  return move(ctx, p, { phase: 'done', patch: { leaseUntil: null } });
}

/** Rejects the payment; one that holds funds is recorded as rejected first, then released. */
async function reject(
  ctx: PaymentsContext,
  p: Payment,
  reasonCode: ReasonCode,
  reason: string,
  actor = SYSTEM,
): Promise<Payment> {
  const holds = p.holdId !== null || p.feeHoldId !== null;
  const rejected = await move(ctx, p, {
    phase: holds ? 'releasing' : 'done',
    patch: {
      holdId: p.holdId,
      feeHoldId: p.feeHoldId,
      leaseUntil: holds ? new Date(ctx.now() + ctx.settings.leaseMs).toISOString() : null,
    },
    status: { to: 'rejected', reasonCode, reason, actor },
  });
  return holds && rejected.phase === 'releasing' ? release(ctx, rejected) : rejected;
}

const holdDetails = (p: Payment) => ({
  accountId: p.debtorAccountId,
  currency: p.currency,
  counterparty: p.creditor.name,
  category: 'transfer',
});

/**
 * Step reserve: holds the amount and the fee together (both or neither, so payments at once cannot
 * each reserve a part), fenced by the payment's lease; on a refusal, rejects the payment.
 */
async function reserve(ctx: PaymentsContext, p: Payment): Promise<Payment> {
  const holds = [
    {
      ...holdDetails(p),
      reference: `${p.id}:hold`,
      amount: p.amount,
      description: p.description ?? `Payment ${p.reference}`,
    },
  ];
  if (p.fee > 0n) {
    holds.push({
      ...holdDetails(p),
      reference: `${p.id}:fee-hold`,
      amount: p.fee,
      description: `Payment fee ${p.reference}`,
    });
  }
  try {
    const [hold, fee] = await ctx.bank.placeHolds(holds, { guard: ownedBy(ctx, p) });
    const held: Payment = { ...p, holdId: hold!.id, feeHoldId: fee?.id ?? null };
    ctx.faults?.('held', held);
    return held;
  } catch (err) {
    const reason = rejectionOf(err, false);
    if (!reason) throw err;
    // A hold placed before (by a version that placed the two apart) is released with the rejection.
    const [holdId = null, feeHoldId = null] = ((err as AppError).extra?.held_already ?? []) as (
      | string
      | null
    )[];
    const text = p.fee > 0n ? `${REASONS[reason].text} (the amount with the fee)` : REASONS[reason].text;
    return reject(ctx, { ...p, holdId, feeHoldId }, reason, text);
  }
}

/** Step settle, then finish: captures the holds and completes the payment. */
async function settle(ctx: PaymentsContext, p: Payment, actor: string, reason: string): Promise<Payment> {
  let entryId: string;
  try {
    const entry = await ctx.bank.captureHold(
      p.holdId!,
      {
        reference: p.id,
        creditAccountId: p.creditAccountId,
        description: p.description ?? `Payment ${p.reference}`,
        counterparty: p.creditor.name,
        category: 'transfer',
      },
      { guard: ownedBy(ctx, p) },
    );
    entryId = entry.id;
  } catch (err) {
    const code = rejectionOf(err, true);
    if (!code) throw err;
    return reject(ctx, p, code, REASONS[code].text);
  }
  let feeEntryId: string | null = null;
  if (p.feeHoldId) {
    const fee = await ctx.bank.captureHold(
      p.feeHoldId,
      {
        reference: `${p.id}:fee`,
        creditAccountId: await ctx.internalAccountId('fees', p.currency),
        description: `Payment fee ${p.reference}`,
        counterparty: 'Wekeza Bank',
        category: 'fees',
      },
      { guard: ownedBy(ctx, p) },
    );
    feeEntryId = fee.id;
  }
  const captured = { ...p, entryId, feeEntryId };
  ctx.faults?.('captured', captured);
  const done = await move(ctx, captured, {
    phase: 'done',
    patch: { entryId, feeEntryId, leaseUntil: null },
    status: { to: 'completed', reason, actor },
  });
  return done;
}

/**
 * Runs the payment's remaining steps from the phase it is in (the caller owns its lease) and
 * returns it at rest: completed, rejected or awaiting review.
 */
export async function advance(ctx: PaymentsContext, p: Payment): Promise<Payment> {
  try {
    return await steps(ctx, p);
  } catch (err) {
    if (err instanceof LeaseLost) return takenOver(ctx, p.id);
    throw err;
  }
}

async function steps(ctx: PaymentsContext, p: Payment): Promise<Payment> {
  switch (p.phase) {
    case 'decided': {
      const held = await reserve(ctx, p);
      if (held.phase === 'done') return held;
      if (p.decision === 'review') {
        return move(ctx, held, {
          phase: 'awaiting_review',
          patch: { holdId: held.holdId, feeHoldId: held.feeHoldId, leaseUntil: null },
          status: { to: 'under_review', reason: 'Held for review by an operator', actor: SYSTEM },
        });
      }
      return settle(ctx, held, SYSTEM, 'Paid');
    }
    case 'review_approved': {
      const actor = p.reviewActor ?? 'operator';
      const note = p.reviewNote ? `: ${p.reviewNote}` : '';
      return settle(ctx, p, actor, `Approved after review by ${actor}${note}`);
    }
    case 'review_rejected': {
      // Only the expiry of an unreviewed payment decides as the system; operators are `operator:<name>`.
      if (p.reviewActor === SYSTEM) {
        return reject(ctx, p, 'REVIEW_EXPIRED', `${REASONS.REVIEW_EXPIRED.text} (${p.reviewNote})`);
      }
      const actor = p.reviewActor ?? 'operator';
      const note = p.reviewNote ? `: ${p.reviewNote}` : '';
      return reject(ctx, p, 'REVIEW_REJECTED', `Rejected after review by ${actor}${note}`, actor);
    }
    case 'releasing':
      return release(ctx, p);
    default:
      return p;
  }
}
