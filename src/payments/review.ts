/**
 * @module An operator's review of a held payment: approve (capture the hold: `completed`) or reject
 * (release it: `rejected`, REVIEW_REJECTED). The decision is recorded first (phase
 * `review_approved` / `review_rejected`, with the operator and the note), then carried out, so that
 * recovery finishes a decision interrupted half-way. Deciding again the same way answers the result.
 *
 * A payment nobody reviews does not hold the customer's money for ever: once it has waited
 * `reviewExpiryMs`, the sweep rejects it as the system (REVIEW_EXPIRED) and releases the funds, by
 * the same recorded-then-carried-out steps. An operator's decision and the expiry race on the
 * recorded phase: whichever records first is carried out, the other finds the payment decided.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../platform/index.ts';
import type { PaymentsContext } from './context.ts';
import { advance, SYSTEM } from './flow.ts';
import { isoStatusOf } from './iso20022.ts';
import { claim, leaseExpired, loadPayment, transition } from './store.ts';
import type { Payment, PaymentStatus, Phase } from './types.ts';

export type ReviewDecision = 'approve' | 'reject';

const finishedAs = (p: Payment, decision: ReviewDecision) =>
  decision === 'approve'
    ? p.status === 'completed' && p.reviewActor !== null
    : p.status === 'rejected' && p.reasonCode === 'REVIEW_REJECTED';

/**
 * Records a decision on a payment awaiting review (the first step; `advance` carries it out), with
 * a lease so that recovery finishes it should this process stop. Undefined when another process
 * moved the payment first.
 */
async function recordDecision(
  ctx: PaymentsContext,
  p: Payment,
  phase: 'review_approved' | 'review_rejected',
  actor: string,
  note: string | null,
): Promise<Payment | undefined> {
  const owned = await transition(
    ctx,
    p,
    {
      phase,
      patch: {
        reviewActor: actor,
        reviewNote: note,
        leaseUntil: new Date(ctx.now() + ctx.settings.leaseMs).toISOString(),
      },
    },
    (status: PaymentStatus, to: Phase) => isoStatusOf(status, to, p.decision),
  );
  if (owned) ctx.faults?.('review_recorded', owned);
  return owned;
}

/** How often a decision waits on the same decision carried out by another request looks again. */
const POLL_MS = 20;

export async function review(
  ctx: PaymentsContext,
  id: string,
  decision: ReviewDecision,
  operator: string,
  note: string | null,
): Promise<Payment> {
  const target = decision === 'approve' ? 'review_approved' : 'review_rejected';
  // The same decision being carried out by another request is waited for (as a retried payment
  // waits for its first request), and its result answered: deciding again the same way, even at
  // the same moment, answers the result.
  const deadline = performance.now() + ctx.settings.waitMs;
  for (let attempt = 0; attempt < 5; attempt++) {
    const p = await loadPayment(ctx, id);
    if (!p) throw new AppError('PAYMENT_NOT_FOUND', `Payment ${id} does not exist`);
    let owned: Payment | undefined;
    if (p.phase === 'awaiting_review') {
      owned = await recordDecision(ctx, p, target, `operator:${operator}`, note);
    } else if (p.phase === target) {
      if (p.reviewActor === SYSTEM) {
        // Its review time ran out: the system is rejecting it (REVIEW_EXPIRED), not this operator.
        throw new AppError(
          'PAYMENT_NOT_UNDER_REVIEW',
          `Payment ${id} was not reviewed in time and is being rejected`,
        );
      }
      if (!leaseExpired(ctx, p)) {
        if (performance.now() >= deadline) {
          throw new AppError('PAYMENT_NOT_UNDER_REVIEW', `Payment ${id} is being ${decision}d`);
        }
        await sleep(POLL_MS);
        attempt--;
        continue;
      }
      owned = await claim(ctx, p);
    } else if (finishedAs(p, decision)) {
      return p;
    } else {
      throw new AppError('PAYMENT_NOT_UNDER_REVIEW', `Payment ${id} is ${p.status}, not awaiting review`);
    }
    if (!owned) continue;
    const done = await advance(ctx, owned);
    if (done.status === 'completed') await ctx.risk.approved(done.customerId, done.beneficiary);
    return done;
  }
  throw new AppError('PAYMENT_NOT_UNDER_REVIEW', `Payment ${id} is being decided by someone else`);
}

const EXPIRY_BATCH = 100;

/** Rejects the payments that have waited for review longer than allowed; returns how many. */
export async function expireReviews(ctx: PaymentsContext): Promise<number> {
  const cutoff = ctx.now() - ctx.settings.reviewExpiryMs;
  const waiting = await ctx.db
    .selectFrom('payments')
    .select('id')
    .where('phase', '=', 'awaiting_review')
    .where('updated_at', '<', new Date(cutoff).toISOString())
    .orderBy('updated_at')
    .limit(EXPIRY_BATCH)
    .execute();
  const hours = Math.round(ctx.settings.reviewExpiryMs / 3_600_000);
  let expired = 0;
  for (const { id } of waiting) {
    try {
      const p = await loadPayment(ctx, id);
      // An operator may have decided since the query.
      if (p?.phase !== 'awaiting_review' || Date.parse(p.updatedAt) >= cutoff) continue;
      const owned = await recordDecision(ctx, p, 'review_rejected', SYSTEM, `not reviewed within ${hours} h`);
      if (!owned) continue;
      await advance(ctx, owned);
      expired++;
    } catch (err) {
      ctx.log(err, `expiring the review of payment ${id} failed; the next sweep tries again`);
    }
  }
  return expired;
}
