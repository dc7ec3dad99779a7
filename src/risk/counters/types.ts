/**
 * @module The port behind the risk signals: rolling counters per account, app, payee and customer,
 * kept in the shared store (Redis across processes, memory in one). One `observe` call records a
 * payment attempt and answers every count in one atomic round trip. Windows are approximate: counts
 * are kept in twelve buckets per window, so a window of 60 s counts the last 55 to 60 s.
 */

export interface WindowSpec {
  readonly key: string;
  readonly seconds: number;
  /** Whether this attempt counts in this window (a non-round amount does not count as round). */
  readonly add: boolean;
}

export interface Observation {
  /** Epoch ms. */
  readonly at: number;
  readonly customerId: string;
  readonly beneficiary: string;
  /** Minor units added to the windows' sums. */
  readonly amount: bigint;
  readonly windows: readonly WindowSpec[];
  /** The window in which new payers of the beneficiary are counted. */
  readonly muleSeconds: number;
}

export interface Observed {
  /** Count and sum per window, this attempt included when it was added. */
  readonly windows: readonly { readonly count: number; readonly sum: bigint }[];
  /** The customer was remembered as paying this beneficiary before. */
  readonly known: boolean;
  /** Distinct customers that started paying the beneficiary within the mule window. */
  readonly newPayers: number;
  /** The customer's earlier payments by UTC hour of day (before this one). */
  readonly hours: readonly number[];
}

export interface RiskCounters {
  readonly kind: 'memory' | 'redis';
  observe(observation: Observation): Promise<Observed>;
  /** The customer has now paid this beneficiary (an approved payment). */
  remember(customerId: string, beneficiary: string): Promise<void>;
}

export const BUCKETS = 12;
/** Known payees and the hour-of-day profile are kept this long after their last use. */
export const PROFILE_TTL_MS = 400 * 86_400_000;

/** Bucket length (ms) of a window: a twelfth, at least a second. */
export const bucketMs = (seconds: number): number => Math.max(1000, Math.ceil((seconds * 1000) / BUCKETS));
