/**
 * @module The Accounts & Transactions API (`/v1/accounts…`): the accounts a consent covers, their
 * details, balances and paged statements, read from core banking through its interface. An account
 * the consent does not cover is a 404, so account ids cannot be probed.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Account, CoreBanking, Transaction } from '../core-banking/index.ts';
import { accessOf, type CustomerAccessOptions, requireCustomerAccess } from '../gateway/index.ts';
import { AppError, parseAmount, problems, toDto } from '../platform/index.ts';
import {
  AccountDetail,
  AccountList,
  AccountParams,
  BalanceSchema,
  TransactionList,
  TransactionQuery,
} from './schemas.ts';

export interface AccountRoutesOptions extends CustomerAccessOptions {
  readonly coreBanking: CoreBanking;
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

const toTransaction = (t: Transaction) => ({
  id: t.id,
  amount: toDto({ minor: t.amount < 0n ? -t.amount : t.amount, currency: t.currency }),
  credit_debit: t.creditDebit,
  status: 'booked' as const,
  booked_at: t.bookedAt,
  value_date: t.valueDate,
  description: t.description,
  counterparty: t.counterparty,
  balance_after: toDto({ minor: t.balanceAfter, currency: t.currency }),
  category: t.category,
});

const later = (a: string | undefined, b: string | null) => (!a ? (b ?? undefined) : !b ? a : a > b ? a : b);
const earlier = (a: string | undefined, b: string | null) => (!a ? (b ?? undefined) : !b ? a : a < b ? a : b);

export const accountsApiRoutes: FastifyPluginAsyncTypebox<AccountRoutesOptions> = async (app, opts) => {
  const bank = opts.coreBanking;
  const tags = ['accounts'];
  const security = [{ customerToken: [] }];
  const accountsRead = requireCustomerAccess(opts, 'accounts.read');
  const transactionsRead = requireCustomerAccess(opts, 'transactions.read');

  /** The account, if this request's consent covers it; ACCOUNT_NOT_FOUND otherwise. */
  const consentedAccount = async (request: Parameters<typeof accessOf>[0], accountId: string) => {
    const { consent } = accessOf(request);
    if (!consent.accountIds.includes(accountId)) {
      throw new AppError('ACCOUNT_NOT_FOUND', `Account ${accountId} does not exist`);
    }
    return bank.getAccount(accountId);
  };

  app.get(
    '',
    {
      onRequest: accountsRead,
      schema: {
        tags,
        security,
        summary: 'The accounts the consent covers',
        response: { 200: AccountList, ...problems(401, 403) },
      },
    },
    async (request) => {
      const { consent } = accessOf(request);
      const accounts = await Promise.all(consent.accountIds.map((id) => bank.getAccount(id)));
      return { data: accounts.map(toSummary), links: { self: `${opts.publicUrl}/v1/accounts`, next: null } };
    },
  );

  app.get(
    '/:account_id',
    {
      onRequest: accountsRead,
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
      onRequest: accountsRead,
      schema: {
        tags,
        security,
        summary: 'The current and available balance',
        params: AccountParams,
        response: { 200: BalanceSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const account = await consentedAccount(request, request.params.account_id);
      const balance = await bank.getBalance(account.id);
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
      onRequest: transactionsRead,
      schema: {
        tags,
        security,
        summary: 'The statement: booked transactions, newest first, filtered and paged',
        description:
          '`from` and `to` are inclusive booking dates, clamped to the window the consent allows. Follow ' +
          '`links.next` until it is null; each page continues exactly where the last one ended.',
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
      const self = new URL(`${opts.publicUrl}/v1/accounts/${account.id}/transactions`);
      for (const [k, v] of Object.entries(q)) if (v !== undefined) self.searchParams.set(k, String(v));
      const next = page.nextCursor ? new URL(self) : null;
      next?.searchParams.set('cursor', page.nextCursor ?? '');
      return {
        data: page.data.map(toTransaction),
        links: { self: self.toString(), next: next?.toString() ?? null },
      };
    },
  );
};
