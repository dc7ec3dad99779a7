/**
 * @module The decision policy: each system's points add up to a score (capped at 100) that the
 * thresholds turn into an outcome; a hard hit declines; the stricter of the two systems wins; in
 * monitor mode the outcome is recorded as proposed but the payment is approved.
 */
import type { Config } from '../platform/index.ts';
import type { Outcome, RiskMode, RiskSystem, RuleHit, SystemScore } from './types.ts';

export type Policy = Config['riskPolicy'];

const RANK: Readonly<Record<Outcome, number>> = { approve: 0, review: 1, decline: 2 };

export const strictest = (a: Outcome, b: Outcome): Outcome => (RANK[a] >= RANK[b] ? a : b);

export function scoreOf(system: RiskSystem, hits: readonly RuleHit[], policy: Policy): SystemScore {
  const mine = hits.filter((h) => h.system === system);
  const score = Math.min(
    100,
    mine.reduce((sum, h) => sum + h.points, 0),
  );
  const outcome: Outcome = mine.some((h) => h.hard)
    ? 'decline'
    : score >= policy.decline
      ? 'decline'
      : score >= policy.review
        ? 'review'
        : 'approve';
  return { score, outcome };
}

export interface Verdict {
  readonly risk: SystemScore;
  readonly fraud: SystemScore;
  readonly proposed: Outcome;
  readonly outcome: Outcome;
}

export function verdict(hits: readonly RuleHit[], policy: Policy, mode: RiskMode): Verdict {
  const risk = scoreOf('risk', hits, policy);
  const fraud = scoreOf('fraud', hits, policy);
  const proposed = strictest(risk.outcome, fraud.outcome);
  return { risk, fraud, proposed, outcome: mode === 'monitor' ? 'approve' : proposed };
}
