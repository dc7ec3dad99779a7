/** @module Public door of the accounts module: the Accounts & Transactions API routes. */
export { AccountCache, type AccountState } from './account-cache.ts';
export { type AccountRoutesOptions, accountsApiRoutes } from './routes.ts';
