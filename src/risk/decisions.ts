/**
 * @module Stored decisions: written in the caller's transaction (the payment's, so a payment and
 * the decision behind it commit together), read back with their inputs for an analyst or operator.
 */
import type { Kysely, Transaction } from 'kysely';
import { AppError, insertRows } from '../platform/index.ts';
import { type DecisionsTable, type RiskTables, SCHEMA } from './tables.ts';
import type {
  Outcome,
  PaymentFacts,
  RiskDecision,
  RiskMode,
  RuleHit,
  Signals,
  SystemScore,
  WindowCount,
} from './types.ts';

/*
 * Amounts (bigint) are stored as decimal strings. Each is converted by name rather than by a replacer
 * function, which would take every value of every decision off JSON.stringify's fast path.
 */
const factsJson = (f: PaymentFacts) =>
  JSON.stringify({ ...f, amount: f.amount.toString(), available: f.available.toString() });

const windowsOf = (counts: readonly WindowCount[]) => counts.map((c) => ({ ...c, sum: c.sum.toString() }));

const signalsJson = (s: Signals) =>
  JSON.stringify({ ...s, account: windowsOf(s.account), app: windowsOf(s.app) });

function toRow(d: RiskDecision): DecisionsTable {
  return {
    id: d.id,
    payment_id: d.paymentId,
    client_id: d.facts.clientId,
    customer_id: d.facts.customerId,
    account_id: d.facts.accountId,
    mode: d.mode,
    proposed: d.proposed,
    outcome: d.outcome,
    risk_score: d.risk.score,
    fraud_score: d.fraud.score,
    hits: JSON.stringify(d.hits),
    facts: factsJson(d.facts),
    signals: d.signals ? signalsJson(d.signals) : null,
    timed_out: d.timedOut ? 1 : 0,
    duration_us: Math.round(d.durationMs * 1000),
    decided_at: d.decidedAt,
  };
}

/** Facts and signals as stored: amounts are decimal strings of minor units. */
export interface StoredDecision extends Omit<RiskDecision, 'facts' | 'signals'> {
  readonly facts: Readonly<Record<string, unknown>>;
  readonly signals: Readonly<Record<string, unknown>> | null;
}

function fromRow(r: DecisionsTable, outcomeOf: (score: number) => Outcome): StoredDecision {
  const score = (n: number | bigint): SystemScore => ({ score: Number(n), outcome: outcomeOf(Number(n)) });
  const facts = JSON.parse(r.facts) as Record<string, unknown>;
  const hits = JSON.parse(r.hits) as RuleHit[];
  const system = (s: 'risk' | 'fraud') => {
    const base = score(s === 'risk' ? r.risk_score : r.fraud_score);
    return hits.some((h) => h.system === s && h.hard) ? { ...base, outcome: 'decline' as const } : base;
  };
  return {
    id: r.id,
    paymentId: r.payment_id,
    mode: r.mode as RiskMode,
    proposed: r.proposed as Outcome,
    outcome: r.outcome as Outcome,
    risk: system('risk'),
    fraud: system('fraud'),
    hits,
    timedOut: Number(r.timed_out) === 1,
    facts,
    signals: r.signals ? (JSON.parse(r.signals) as Record<string, unknown>) : null,
    decidedAt: r.decided_at,
    durationMs: Number(r.duration_us) / 1000,
  };
}

export class DecisionStore {
  readonly #db: Kysely<RiskTables>;
  readonly #outcomeOf: (score: number) => Outcome;

  constructor(db: Kysely<RiskTables>, outcomeOf: (score: number) => Outcome) {
    this.#db = db;
    this.#outcomeOf = outcomeOf;
  }

  // biome-ignore lint/suspicious/noExplicitAny: another module's transaction; the risk schema is named here
  async record(trx: Transaction<any> | Kysely<any>, decisions: readonly RiskDecision[]): Promise<void> {
    if (decisions.length === 0) return;
    await insertRows(trx as Kysely<RiskTables>, 'decisions', decisions.map(toRow), SCHEMA);
  }

  async get(by: { id: string } | { paymentId: string }): Promise<StoredDecision> {
    const row = await this.#db
      .selectFrom('decisions')
      .selectAll()
      .where('id' in by ? 'id' : 'payment_id', '=', 'id' in by ? by.id : by.paymentId)
      .executeTakeFirst();
    if (!row) throw new AppError('RISK_DECISION_NOT_FOUND', 'No risk decision was stored for that');
    return fromRow(row, this.#outcomeOf);
  }
}
