/**
 * @module What every consents function receives: the module's own Kysely handle (schema `consents`),
 * what it needs from other modules (accounts, app scopes, grant revocation), and the clock.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/index.ts';
import { type ConsentTables, SCHEMA } from './tables.ts';
import type { ConsentDeps } from './types.ts';

export interface ConsentsContext {
  readonly db: Kysely<ConsentTables>;
  readonly deps: ConsentDeps;
  readonly now: () => Date;
}

export type Tx = Transaction<ConsentTables>;

export const createConsentsContext = (database: Database, deps: ConsentDeps): ConsentsContext => ({
  db: database.schema<ConsentTables>(SCHEMA),
  deps,
  now: deps.now ?? (() => new Date()),
});
