/** @module The risk module's tables (schema `risk`): decisions (append-only) and the payee block list. */
import type { Generated } from 'kysely';

export const SCHEMA = 'risk';

type Int = number | bigint;

/** One per payment: the outcome with its scores, rule hits and the inputs they read (JSON). */
export interface DecisionsTable {
  id: string;
  payment_id: string;
  client_id: string;
  customer_id: string;
  account_id: string;
  mode: string;
  proposed: string;
  outcome: string;
  risk_score: Int;
  fraud_score: Int;
  hits: string;
  facts: string;
  signals: string | null;
  timed_out: Int;
  duration_us: Int;
  decided_at: string;
}

export interface BlocksTable {
  beneficiary: string;
  reason: string;
  actor: string;
  blocked_at: string;
}

/** Every block and unblock (append-only). */
export interface BlockHistoryTable {
  id: Generated<Int>;
  beneficiary: string;
  action: 'block' | 'unblock';
  reason: string;
  actor: string;
  at: string;
}

export interface RiskTables {
  decisions: DecisionsTable;
  blocks: BlocksTable;
  block_history: BlockHistoryTable;
}
