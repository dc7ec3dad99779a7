/**
 * @module Sandbox helpers over the sandbox core (registered in sandbox mode only): list the sandbox
 * customers with their public credentials and accounts, and deposit test money into an account.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError, MoneySchema, parseAmount, problems, toDto } from '../../platform/index.ts';
import { SANDBOX_CUSTOMERS } from '../seed/index.ts';
import type { CoreBanking } from '../service.ts';
import type { Account } from '../types.ts';

const SandboxAccount = Type.Object({
  id: Type.String(),
  type: Type.String(),
  currency: Type.String(),
  nickname: Type.String(),
  account_number: Type.String(),
  status: Type.String(),
});

const SandboxCustomer = Type.Object({
  id: Type.String(),
  username: Type.String(),
  password: Type.Union([Type.String(), Type.Null()], {
    description: 'The public sandbox password, when seeded',
  }),
  name: Type.String(),
  email: Type.String(),
  phone: Type.String(),
  accounts: Type.Array(SandboxAccount),
});

const DepositBody = Type.Object(
  {
    amount: MoneySchema,
    description: Type.Optional(Type.String({ minLength: 1, maxLength: 140 })),
  },
  { additionalProperties: false },
);

const CreditBody = Type.Object(
  {
    amount: MoneySchema,
    counterparty: Type.Optional(Type.String({ minLength: 1, maxLength: 70, description: 'Who sent it' })),
    description: Type.Optional(Type.String({ minLength: 1, maxLength: 140 })),
  },
  { additionalProperties: false },
);

const Deposit = Type.Object({
  entry_id: Type.String(),
  account_id: Type.String(),
  amount: MoneySchema,
  balance: Type.Object({ current: MoneySchema, available: MoneySchema }),
});

const toSandboxAccount = (a: Account) => ({
  id: a.id,
  type: a.type,
  currency: a.currency,
  nickname: a.nickname,
  account_number: a.accountNumber,
  status: a.status,
});

const passwords = new Map(SANDBOX_CUSTOMERS.map((c) => [c.username, c.password]));

export const sandboxRoutes: FastifyPluginAsyncTypebox<{ coreBanking: CoreBanking }> = async (app, opts) => {
  const bank = opts.coreBanking;

  app.get(
    '/customers',
    {
      schema: {
        tags: ['sandbox'],
        summary: 'The sandbox customers, their credentials and accounts',
        response: { 200: Type.Object({ data: Type.Array(SandboxCustomer) }), ...problems() },
      },
    },
    async () => {
      const customers = await bank.listCustomers();
      const data = await Promise.all(
        customers.map(async (c) => ({
          id: c.id,
          username: c.username,
          password: passwords.get(c.username) ?? null,
          name: c.name,
          email: c.email,
          phone: c.phone,
          accounts: (await bank.listAccounts(c.id)).map(toSandboxAccount),
        })),
      );
      return { data };
    },
  );

  /** Credits a customer account from the bank's settlement account (a deposit or an incoming transfer). */
  const credit =
    (kind: 'deposit' | 'credit') =>
    async (
      request: {
        id: string;
        params: { account_id: string };
        headers: { 'idempotency-key'?: string };
        body: { amount: { amount: string; currency: string }; description?: string; counterparty?: string };
      },
      reply: { code(status: number): unknown },
    ) => {
      const { account_id: accountId } = request.params;
      const account = await bank.getAccount(accountId);
      if (account.kind !== 'customer')
        throw new AppError('ACCOUNT_NOT_FOUND', `Account ${accountId} does not exist`);
      const { amount, description } = request.body;
      const minor = parseAmount(amount.amount, amount.currency, { path: '/body/amount/amount' });
      if (amount.currency !== account.currency) {
        throw new AppError('CURRENCY_MISMATCH', `Account ${accountId} is in ${account.currency}`, {
          errors: [{ path: '/body/amount/currency', message: `must be ${account.currency}` }],
        });
      }
      const settlement = await bank.internalAccount('settlement', account.currency);
      const key = request.headers['idempotency-key'];
      const from =
        request.body.counterparty ?? (kind === 'deposit' ? 'Wekeza Sandbox' : 'Sandbox Bank customer');
      const entry = await bank.postTransfer({
        reference: key
          ? `sandbox-${kind}:${accountId}:${key}`
          : `sandbox-${kind}:${request.id}:${Date.now()}`,
        debitAccountId: settlement.id,
        creditAccountId: accountId,
        amount: minor,
        currency: account.currency,
        description:
          description ?? (kind === 'deposit' ? 'Sandbox deposit' : `Incoming transfer from ${from}`),
        counterparty: account.nickname,
        creditCounterparty: from,
        category: kind === 'deposit' ? 'income' : 'transfer',
      });
      const balance = await bank.getBalance(accountId);
      reply.code(201);
      return {
        entry_id: entry.id,
        account_id: accountId,
        amount: toDto({ minor, currency: account.currency }),
        balance: {
          current: toDto({ minor: balance.current, currency: balance.currency }),
          available: toDto({ minor: balance.available, currency: balance.currency }),
        },
      };
    };

  const params = Type.Object({ account_id: Type.String({ pattern: '^acc_[0-9A-Z]{26}$' }) });
  const headers = Type.Object({
    'idempotency-key': Type.Optional(
      Type.String({ minLength: 1, maxLength: 40, pattern: '^[\\x21-\\x7E]+$' }),
    ),
  });

  app.post(
    '/accounts/:account_id/deposits',
    {
      schema: {
        tags: ['sandbox'],
        summary: 'Deposit sandbox money into a customer account',
        description:
          'Credits the account from the bank settlement account. Send an `Idempotency-Key` header to make ' +
          'retries safe: the same key deposits once.',
        params,
        headers,
        body: DepositBody,
        response: { 201: Deposit, ...problems(400, 404, 409, 422) },
      },
    },
    credit('deposit'),
  );

  app.post(
    '/accounts/:account_id/credit',
    {
      schema: {
        tags: ['sandbox'],
        summary: 'Receive an incoming transfer into a customer account',
        description:
          'Posts an incoming transfer (from `counterparty`, default "Sandbox Bank customer"), so that ' +
          '`transaction.posted` webhooks and events can be tried. `Idempotency-Key` makes retries safe.',
        params,
        headers,
        body: CreditBody,
        response: { 201: Deposit, ...problems(400, 404, 409, 422) },
      },
    },
    credit('credit'),
  );
};
