/** @module Public door of the developers module: its service, migrations, routes and types. */
import type { ModuleMigrations } from '../platform/index.ts';
import { developersMigration } from './migrations/0001_developers.ts';
import { appGatewaySettingsMigration } from './migrations/0002_app_gateway_settings.ts';

export { developerRoutes, type UsageReader, type UsageRow } from './routes/index.ts';
export { createDeveloperService, type DeveloperService, type DeveloperServiceOptions } from './service.ts';
export * from './types.ts';

export const developersMigrations: ModuleMigrations = Object.freeze({
  module: 'developers',
  steps: [developersMigration, appGatewaySettingsMigration],
});
