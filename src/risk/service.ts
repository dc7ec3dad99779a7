/**
 * @module The risk service for one process: asks the risk engine and the fraud system about a
 * payment (within a time limit: a check that does not answer in time sends the payment to review,
 * never to approval), applies the decision policy and the mode, counts the outcome and the rule hits,
 * and stores each decision with its inputs in the payment's transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Registry } from 'prom-client';
import { type Database, newId } from '../platform/index.ts';
import { BlockList } from './blocks.ts';
import type { RiskCounters } from './counters/index.ts';
import { DecisionStore, type StoredDecision } from './decisions.ts';
import { riskMetrics } from './metrics.ts';
import { type Policy, verdict } from './policy.ts';
import { FRAUD_RULES } from './rules/fraud-rules.ts';
import { RISK_RULES } from './rules/risk-rules.ts';
import { type RiskRules, resolveRules } from './rules-config.ts';
import { gatherSignals } from './signals.ts';
import { type RiskTables, SCHEMA } from './tables.ts';
import type {
  BeneficiaryBlock,
  Outcome,
  PaymentFacts,
  RiskDecision,
  RiskMode,
  RuleHit,
  Signals,
} from './types.ts';

export interface RiskDeps {
  readonly database: Database;
  readonly counters: RiskCounters;
  readonly registry: Registry;
  readonly mode: RiskMode;
  readonly policy: Policy;
  readonly timeoutMs: number;
  /** Overrides of the default rule parameters (`WEKEZA_RISK_RULES`); checked here. */
  readonly rules?: Readonly<Record<string, unknown>>;
  readonly now?: () => number;
  /** Reports a failed check or store call (the payment still gets its decision). */
  readonly log?: (err: unknown, message: string) => void;
}

export interface RiskService {
  readonly mode: RiskMode;
  readonly rules: RiskRules;
  /** Decides about a payment; never throws (a failed or slow check is a review). Not stored yet. */
  assess(facts: PaymentFacts): Promise<RiskDecision>;
  /** Stores decisions in the caller's transaction (their payments'). */
  // biome-ignore lint/suspicious/noExplicitAny: another module's transaction
  record(trx: Transaction<any> | Kysely<any>, decisions: readonly RiskDecision[]): Promise<void>;
  /** The customer's payment to this payee went through: from now on the payee is known. */
  approved(customerId: string, beneficiary: string): Promise<void>;
  decision(by: { id: string } | { paymentId: string }): Promise<StoredDecision>;
  block(beneficiary: string, reason: string, actor: string): Promise<BeneficiaryBlock>;
  unblock(beneficiary: string, reason: string, actor: string): Promise<boolean>;
  blocks(): Promise<BeneficiaryBlock[]>;
}

const TIMED_OUT = Symbol('timed out');

function within<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export function createRiskService(deps: RiskDeps): RiskService {
  const db = deps.database.schema<RiskTables>(SCHEMA);
  const now = deps.now ?? Date.now;
  const rules = resolveRules(deps.rules);
  const metrics = riskMetrics(deps.registry);
  const blockList = new BlockList(db, now);
  const outcomeOf = (score: number): Outcome =>
    score >= deps.policy.decline ? 'decline' : score >= deps.policy.review ? 'review' : 'approve';
  const decisions = new DecisionStore(db, outcomeOf);
  const log = deps.log ?? (() => {});

  async function check(facts: PaymentFacts): Promise<{ signals: Signals; hits: RuleHit[] }> {
    const blocked = await blockList.has(facts.beneficiary);
    const signals = await gatherSignals(deps.counters, facts, rules, blocked);
    const input = { facts, signals, rules };
    const hits: RuleHit[] = [];
    for (const rule of [...RISK_RULES, ...FRAUD_RULES]) {
      const hit = rule(input);
      if (hit) hits.push(hit);
    }
    return { signals, hits };
  }

  return {
    mode: deps.mode,
    rules,
    async assess(facts) {
      const started = performance.now();
      const work = check(facts);
      let checked: Awaited<typeof work> | undefined;
      let failure: RuleHit | undefined;
      try {
        const result = await within(work, deps.timeoutMs);
        if (result === TIMED_OUT) {
          work.catch((err) => log(err, 'risk check failed after its timeout'));
          metrics.timeouts.inc({ reason: 'timeout' });
          failure = {
            system: 'risk',
            rule: 'check_timeout',
            points: 0,
            detail: `The risk check did not answer within ${deps.timeoutMs} ms`,
          };
        } else checked = result;
      } catch (err) {
        log(err, 'risk check failed');
        metrics.timeouts.inc({ reason: 'unavailable' });
        failure = { system: 'risk', rule: 'check_unavailable', points: 0, detail: 'The risk check failed' };
      }
      const hits = checked?.hits ?? [failure!];
      const v = verdict(hits, deps.policy, deps.mode);
      // A check that did not answer is a review, whatever its (empty) score says.
      const proposed: Outcome = failure ? 'review' : v.proposed;
      const durationMs = performance.now() - started;
      const decision: RiskDecision = {
        id: newId('rsk', facts.at),
        paymentId: facts.paymentId,
        mode: deps.mode,
        proposed,
        outcome: deps.mode === 'monitor' ? 'approve' : proposed,
        risk: failure ? { score: v.risk.score, outcome: 'review' } : v.risk,
        fraud: v.fraud,
        hits,
        timedOut: failure !== undefined,
        facts,
        signals: checked?.signals ?? null,
        decidedAt: new Date(facts.at).toISOString(),
        durationMs,
      };
      metrics.decisions.inc({ proposed: decision.proposed, outcome: decision.outcome, mode: deps.mode });
      for (const h of hits) metrics.ruleHits.inc({ system: h.system, rule: h.rule });
      metrics.duration.observe(durationMs / 1000);
      return decision;
    },
    record: (trx, list) => decisions.record(trx, list),
    async approved(customerId, beneficiary) {
      await deps.counters
        .remember(customerId, beneficiary)
        .catch((err) => log(err, 'risk: remembering a payee failed'));
    },
    decision: (by) => decisions.get(by),
    block: (beneficiary, reason, actor) => blockList.block(beneficiary, reason, actor),
    unblock: (beneficiary, reason, actor) => blockList.unblock(beneficiary, reason, actor),
    blocks: () => blockList.list(),
  };
}
