/**
 * @module The small structural interface every database backend implements, Kysely-style:
 * domain code receives a `Database` and never learns which backend is behind it.
 */
import type { Kysely } from 'kysely';
import type { FewRoundTrips } from './few-round-trips.ts';

export type DatabaseKind = 'sqlite' | 'postgres';

/** Column type names that differ between backends, for migrations. */
export interface ColumnTypes {
  readonly bigint: 'bigint' | 'integer';
  readonly timestamp: 'timestamptz' | 'text';
  readonly date: 'date' | 'text';
  readonly json: 'jsonb' | 'text';
}

export interface Database {
  readonly kind: DatabaseKind;
  // biome-ignore lint/suspicious/noExplicitAny: the root handle is untyped; each module narrows it.
  readonly db: Kysely<any>;
  readonly columnTypes: ColumnTypes;
  /** A module's own schema (PostgreSQL) or table prefix (SQLite). */
  schema<T>(name: string): Kysely<T>;
  /**
   * A transaction in few round trips (see few-round-trips.ts): statements sent together, writes
   * deferred to the commit. Committed when `work` resolves, rolled back when it throws.
   */
  inFewRoundTrips<T>(work: (tx: FewRoundTrips) => Promise<T>): Promise<T>;
  /** True when the error is a unique-constraint violation. */
  isUniqueViolation(err: unknown): boolean;
  ping(): Promise<void>;
  close(): Promise<void>;
}
