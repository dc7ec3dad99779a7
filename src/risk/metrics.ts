/**
 * @module The risk module's Prometheus metrics, for a fraud dashboard: decisions by outcome (what
 * the policy proposed, and what happened), rule hits by system and rule, timeouts, decision time.
 */
import { Counter, Histogram, type Registry } from 'prom-client';

export interface RiskMetrics {
  readonly decisions: Counter<'proposed' | 'outcome' | 'mode'>;
  readonly ruleHits: Counter<'system' | 'rule'>;
  readonly timeouts: Counter<'reason'>;
  readonly duration: Histogram;
}

export function riskMetrics(registry: Registry): RiskMetrics {
  const registers = [registry];
  return {
    decisions: new Counter({
      name: 'wekeza_risk_decisions_total',
      help: 'Payment risk decisions: the outcome the policy proposed, the one applied, and the mode',
      labelNames: ['proposed', 'outcome', 'mode'] as const,
      registers,
    }),
    ruleHits: new Counter({
      name: 'wekeza_risk_rule_hits_total',
      help: 'Risk engine and fraud system rules that fired, by system and rule',
      labelNames: ['system', 'rule'] as const,
      registers,
    }),
    timeouts: new Counter({
      name: 'wekeza_risk_check_failures_total',
      help: 'Risk checks that did not answer in time or whose store failed (the payment went to review)',
      labelNames: ['reason'] as const,
      registers,
    }),
    duration: new Histogram({
      name: 'wekeza_risk_decision_seconds',
      help: 'Time to reach a risk decision (counters round trip and rules)',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5],
      registers,
    }),
  };
}
