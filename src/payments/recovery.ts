/**
 * @module The recovery sweep: payments left in flight by a process that crashed or stalled (their
 * lease has run out) are taken over and their remaining steps run, so that each is finished or
 * released, never left half-done. Runs at start and then periodically; also rejects payments that
 * waited for review too long (releasing their funds) and forgets idempotency keys past their time.
 */
import type { PaymentsContext } from './context.ts';
import { advance } from './flow.ts';
import { purgeKeys } from './idempotency.ts';
import { expireReviews } from './review.ts';
import { claim, leaseExpired, loadPayment } from './store.ts';
import { IN_FLIGHT_PHASES, isAtRest } from './types.ts';

const BATCH = 100;

/** One sweep; returns how many interrupted payments it finished. */
export async function sweep(ctx: PaymentsContext): Promise<number> {
  const now = new Date(ctx.now()).toISOString();
  const stale = await ctx.db
    .selectFrom('payments')
    .select('id')
    .where('phase', 'in', IN_FLIGHT_PHASES)
    .where('lease_until', '<', now)
    .orderBy('lease_until')
    .limit(BATCH)
    .execute();
  let finished = 0;
  for (const { id } of stale) {
    const p = await loadPayment(ctx, id);
    if (!p || isAtRest(p.phase) || !leaseExpired(ctx, p)) continue;
    const claimed = await claim(ctx, p);
    if (!claimed) continue;
    try {
      const done = await advance(ctx, claimed);
      if (done.status === 'completed') await ctx.risk.approved(done.customerId, done.beneficiary);
      ctx.metrics.recovered.inc({ phase: p.phase });
      finished++;
    } catch (err) {
      ctx.log(err, `recovery of payment ${id} failed; the next sweep tries again`);
    }
  }
  await expireReviews(ctx);
  await purgeKeys(ctx);
  return finished;
}
