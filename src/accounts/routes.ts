/**
 * @module The Accounts & Transactions API (`/v1/accounts…`): the accounts a consent covers, their
 * details, balances and paged statements, read from core banking through its interface. An account
 * the consent does not cover is a 404, so account ids cannot be probed.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Account, CoreBanking } from '../core-banking/index.ts';
import { accessOf, type GatewayRoute, gatewayOf } from '../gateway/index.ts';
import { AppError, pageLinks, parseAmount, problems, toDto } from '../platform/index.ts';
import { type AccountCache, accountKey } from './account-cache.ts';
import {
  AccountDetail,
  AccountList,
  AccountParams,
  BalanceSchema,
  TransactionList,
  TransactionQuery,
  TransactionSync,
  TransactionSyncQuery,
} from './schemas.ts';
import { toTransaction } from './transaction-dto.ts';
import { transactionChanges } from './transaction-sync.ts';

export interface AccountRoutesOptions {
  readonly coreBanking: CoreBanking;
  /** Accounts with their balances, cached (see account-cache.ts). */
  readonly accounts: AccountCache;
  readonly publicUrl: string;
}

const masked = (accountNumber: string) => `•••• ${accountNumber.slice(-4)}`;

const toSummary = (a: Account) => ({
  id: a.id,
  type: a.type,
  currency: a.currency,
  nickname: a.nickname,
  masked_account_number: masked(a.accountNumber),
  status: a.status,
  opened_on: a.openedOn,
});

const later = (a: string | undefined, b: string | null) => (!a ? (b ?? undefined) : !b ? a : a > b ? a : b);
const earlier = (a: string | undefined, b: string | null) => (!a ? (b ?? undefined) : !b ? a : a < b ? a : b);

export const accountsApiRoutes: FastifyPluginAsyncTypebox<AccountRoutesOptions> = async (app, opts) => {
  const bank = opts.coreBanking;
  const tags = ['accounts'];
  const security = [{ customerToken: [] }];
  // Account routes have the account's cached state fetched with the gateway's own look-up.
  const prefetch = (params: Readonly<Record<string, unknown>>) =>
    typeof params.account_id === 'string' ? [accountKey(params.account_id)] : [];
  const accountsRead = {
    gateway: { token: 'customer', scope: 'accounts.read', prefetch } satisfies GatewayRoute,
  };
  const transactionsRead = {
    gateway: { token: 'customer', scope: 'transactions.read', prefetch } satisfies GatewayRoute,
  };

  /**
   * The account with its balance, if this request's consent covers it; ACCOUNT_NOT_FOUND otherwise
   * (the gateway checked it already; checked again here, where the data is read).
   */
  const consentedState = async (request: Parameters<typeof accessOf>[0], accountId: string) => {
    const { consent } = accessOf(request);
    if (!consent.accountIds.includes(accountId)) {
      throw new AppError('ACCOUNT_NOT_FOUND', `Account ${accountId} does not exist`);
    }
    const key = accountKey(accountId);
    const prefetched = gatewayOf(request).prefetched;
    return opts.accounts.get(accountId, prefetched?.has(key) ? { entry: prefetched.get(key) } : undefined);
  };
  const consentedAccount = async (request: Parameters<typeof accessOf>[0], accountId: string) =>
    (await consentedState(request, accountId)).account;

  app.get(
    '',
    {
      config: accountsRead,
      schema: {
        tags,
        security,
        summary: 'The accounts the consent covers',
        response: { 200: AccountList, ...problems(401, 403) },
      },
    },
    async (request) => {
      const { consent } = accessOf(request);
      const accounts = await Promise.all(consent.accountIds.map((id) => opts.accounts.get(id)));
      return {
        data: accounts.map((a) => toSummary(a.account)),
        links: { self: `${opts.publicUrl}/v1/accounts`, next: null },
      };
    },
  );

  app.get(
    '/:account_id',
    {
      config: accountsRead,
      schema: {
        tags,
        security,
        summary: 'One account, with its full account number',
        params: AccountParams,
        response: { 200: AccountDetail, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const account = await consentedAccount(request, request.params.account_id);
      return { ...toSummary(account), account_number: account.accountNumber };
    },
  );

  app.get(
    '/:account_id/balance',
    {
      config: accountsRead,
      schema: {
        tags,
        security,
        summary: 'The current and available balance',
        params: AccountParams,
        response: { 200: BalanceSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { account, balance } = await consentedState(request, request.params.account_id);
      const money = (minor: bigint) => toDto({ minor, currency: balance.currency });
      return {
        account_id: account.id,
        current: money(balance.current),
        available: money(balance.available),
        credit_line: money(balance.overdraftLimit),
        as_of: balance.asOf,
      };
    },
  );

  app.get(
    '/:account_id/transactions',
    {
      config: transactionsRead,
      schema: {
        tags,
        security,
        summary: 'The statement: booked transactions, newest first, filtered and paged',
        description:
          '`from` and `to` are inclusive booking dates, clamped to the window the consent allows. Follow ' +
          '`links.next` until it is null; each page continues exactly where the last one ended (keyset ' +
          'paging: transactions booked during the walk are newer than the first page and do not shift it). ' +
          'Booked transactions only: pending card authorisations appear in `/transactions/sync`.',
        params: AccountParams,
        querystring: TransactionQuery,
        response: { 200: TransactionList, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const account = await consentedAccount(request, request.params.account_id);
      const { consent } = accessOf(request);
      const q = request.query;
      const amount = (value: string | undefined, field: string) =>
        value === undefined
          ? undefined
          : parseAmount(value, account.currency, { allowZero: true, path: `/query/${field}` });
      const limit = q.limit ?? 50;
      const page = await bank.listTransactions(
        account.id,
        {
          bookedFrom: later(q.from, consent.transactionFromDate),
          bookedTo: earlier(q.to, consent.transactionToDate),
          creditDebit: q.type,
          minAmount: amount(q.min_amount, 'min_amount'),
          maxAmount: amount(q.max_amount, 'max_amount'),
          text: q.q,
        },
        { limit, cursor: q.cursor },
      );
      return {
        data: page.data.map(toTransaction),
        links: pageLinks(`${opts.publicUrl}/v1/accounts/${account.id}/transactions`, q, page.nextCursor),
      };
    },
  );

  app.get(
    '/:account_id/transactions/sync',
    {
      config: transactionsRead,
      schema: {
        tags,
        security,
        summary: 'Delta sync: the transactions added, changed or removed since a cursor',
        description:
          'For consumers that keep a copy. Without `cursor`, returns every transaction in the consent ' +
          'window, booked and pending, oldest first, in pages (follow `links.next` while `has_more`). Keep ' +
          '`next_cursor`: a later call returns only what changed since, in commit order, and never loses or ' +
          'repeats a transaction, whatever posts meanwhile. Delete `removed` ids, then upsert `added` and ' +
          '`modified` by id: a pending card authorisation keeps its id when it books (it comes back in ' +
          '`modified`, status `booked`) and is `removed` when it is released. A page may hold fewer than ' +
          '`limit` items while `has_more` is true. A cursor is valid only for the account and consent ' +
          'window that issued it.',
        params: AccountParams,
        querystring: TransactionSyncQuery,
        response: { 200: TransactionSync, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const account = await consentedAccount(request, request.params.account_id);
      const { consent } = accessOf(request);
      return transactionChanges(bank, opts.publicUrl, {
        accountId: account.id,
        window: { from: consent.transactionFromDate, to: consent.transactionToDate },
        cursor: request.query.cursor,
        limit: request.query.limit,
      });
    },
  );
};
