/** @module Public door of the consents module: its service, migrations, routes and types. */
import type { ModuleMigrations } from '../platform/index.ts';
import { consentsMigration } from './migrations/0001_consents.ts';
import { consentAccountsMigration } from './migrations/0002_consent_accounts.ts';
import { SCHEMA } from './tables.ts';

export { type ConsentRoutesOptions, consentRoutes } from './routes/index.ts';
export { type ConsentService, createConsentService } from './service.ts';
export * from './types.ts';

export const consentsMigrations: ModuleMigrations = Object.freeze({
  module: SCHEMA,
  steps: [consentsMigration, consentAccountsMigration],
});
