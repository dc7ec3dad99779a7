/**
 * @module What every developers function receives: the module's own Kysely handle (schema
 * `developers`), the platform database for backend facts, whether sandbox mode is on, and the clock.
 */
import type { Kysely } from 'kysely';
import type { Config, Database } from '../platform/index.ts';
import { type DeveloperTables, SCHEMA } from './tables.ts';

export interface DevelopersContext {
  readonly database: Database;
  readonly db: Kysely<DeveloperTables>;
  /** Sandbox mode allows http loopback redirect URIs. */
  readonly sandbox: boolean;
  readonly now: () => Date;
}

export const createDevelopersContext = (
  database: Database,
  config: Pick<Config, 'sandbox'>,
  now: () => Date = () => new Date(),
): DevelopersContext => ({
  database,
  db: database.schema<DeveloperTables>(SCHEMA),
  sandbox: config.sandbox,
  now,
});
