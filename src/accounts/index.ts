/** @module Public door of the accounts module: the Accounts & Transactions API routes. */
export { type AccountRoutesOptions, accountsApiRoutes } from './routes.ts';
