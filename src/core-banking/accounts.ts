/**
 * @module Accounts of the sandbox core: opening customer and internal (bank-owned) accounts,
 * look-ups and balances. Every account gets its balance row in the same transaction.
 */
import { randomInt } from 'node:crypto';
import { AppError, isCurrency, minorFromDb, newId } from '../platform/index.ts';
import type { LedgerContext } from './context.ts';
import { toAccount, toBalance } from './ledger/mappers.ts';
import type { Account, AccountWithBalance, Balance, InternalAccountType, NewAccount } from './types.ts';

/** Luhn check digit, so a mistyped account number is caught before it reaches the ledger. */
export function luhnDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** A 13-digit Wekeza account number: branch `0100`, eight digits, a Luhn check digit. */
export function newAccountNumber(eight: string = String(randomInt(0, 100_000_000)).padStart(8, '0')): string {
  const body = `0100${eight}`;
  return `${body}${luhnDigit(body)}`;
}

export async function openAccount(ctx: LedgerContext, input: NewAccount): Promise<Account> {
  if (!isCurrency(input.currency))
    throw new AppError('UNSUPPORTED_CURRENCY', `Unsupported currency ${input.currency}`);
  const now = ctx.now().toISOString();
  const row = {
    id: input.id ?? newId('acc'),
    customer_id: input.customerId,
    kind: input.customerId ? ('customer' as const) : ('internal' as const),
    type: input.type,
    currency: input.currency,
    status: 'open',
    account_number: input.accountNumber ?? newAccountNumber(),
    nickname: input.nickname,
    overdraft_limit: input.overdraftLimit ?? 0n,
    opened_on: input.openedOn ?? now.slice(0, 10),
    created_at: now,
  };
  // A generated account number can collide with an existing one (1 in 10^8 per account): draw again.
  for (let attempt = 1; ; attempt++) {
    try {
      await ctx.db.transaction().execute(async (trx) => {
        await trx.insertInto('accounts').values(row).execute();
        await trx
          .insertInto('balances')
          .values({
            account_id: row.id,
            currency: row.currency,
            current: 0n,
            held: 0n,
            last_seq: 0,
            last_hold_version: 0,
            updated_at: now,
          })
          .execute();
      });
      return toAccount(row);
    } catch (err) {
      if (input.accountNumber || attempt >= 5 || !ctx.database.isUniqueViolation(err)) throw err;
      const taken = await ctx.db
        .selectFrom('accounts')
        .select('id')
        .where('account_number', '=', row.account_number)
        .executeTakeFirst();
      if (!taken) throw err;
      row.account_number = newAccountNumber();
    }
  }
}

const internalNumber = (type: InternalAccountType, currency: string) =>
  `GL-${type.toUpperCase()}-${currency}`;

/** The bank's own account of a type in a currency (settlement, clearing, fees…), opened on first use. */
export async function internalAccount(
  ctx: LedgerContext,
  type: InternalAccountType,
  currency: string,
): Promise<Account> {
  const accountNumber = internalNumber(type, currency);
  const find = () =>
    ctx.db.selectFrom('accounts').selectAll().where('account_number', '=', accountNumber).executeTakeFirst();
  const existing = await find();
  if (existing) return toAccount(existing);
  try {
    return await openAccount(ctx, {
      customerId: null,
      type,
      currency,
      nickname: `${type[0]!.toUpperCase()}${type.slice(1)} ${currency}`,
      accountNumber,
    });
  } catch (err) {
    if (!ctx.database.isUniqueViolation(err)) throw err;
    return toAccount((await find())!);
  }
}

export async function getAccount(ctx: LedgerContext, id: string): Promise<Account> {
  const row = await ctx.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('ACCOUNT_NOT_FOUND', `Account ${id} does not exist`);
  return toAccount(row);
}

/** The account with this account number, if there is one (payments resolve in-bank creditors with it). */
export async function findAccountByNumber(
  ctx: LedgerContext,
  accountNumber: string,
): Promise<Account | undefined> {
  const row = await ctx.db
    .selectFrom('accounts')
    .selectAll()
    .where('account_number', '=', accountNumber)
    .executeTakeFirst();
  return row ? toAccount(row) : undefined;
}

export async function listAccounts(ctx: LedgerContext, customerId: string): Promise<Account[]> {
  const rows = await ctx.db
    .selectFrom('accounts')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('opened_on')
    .orderBy('id')
    .execute();
  return rows.map(toAccount);
}

const withBalances = (ctx: LedgerContext) =>
  ctx.db
    .selectFrom('accounts as a')
    .innerJoin('balances as b', 'b.account_id', 'a.id')
    .selectAll('a')
    .select([
      'b.current',
      'b.held',
      'b.last_seq',
      'b.last_hold_version',
      'b.updated_at as balance_updated_at',
    ]);

export type WithBalanceRow = Awaited<ReturnType<ReturnType<typeof withBalances>['executeTakeFirstOrThrow']>>;

export function toAccountWithBalance(row: WithBalanceRow): AccountWithBalance {
  const account = toAccount(row);
  const balance = toBalance(
    { ...row, account_id: row.id, updated_at: row.balance_updated_at },
    account.overdraftLimit,
  );
  return { account, balance };
}

/** The account and its balance, read together in one query (the balance cache reloads with it). */
export async function getAccountWithBalance(
  ctx: LedgerContext,
  accountId: string,
): Promise<AccountWithBalance> {
  const row = await withBalances(ctx).where('a.id', '=', accountId).executeTakeFirst();
  if (!row) throw new AppError('ACCOUNT_NOT_FOUND', `Account ${accountId} does not exist`);
  return toAccountWithBalance(row);
}

/** The statement reading several accounts with their balances (see {@link toAccountWithBalance}). */
export const accountsWithBalancesStatement = (ctx: LedgerContext, accountIds: readonly string[]) =>
  withBalances(ctx).where('a.id', 'in', [...new Set(accountIds)]);

/** Several accounts with their balances in one query; the ones that do not exist are left out. */
export async function getAccountsWithBalances(
  ctx: LedgerContext,
  accountIds: readonly string[],
): Promise<AccountWithBalance[]> {
  if (accountIds.length === 0) return [];
  const rows = await accountsWithBalancesStatement(ctx, accountIds).execute();
  return rows.map(toAccountWithBalance);
}

export async function getBalance(ctx: LedgerContext, accountId: string): Promise<Balance> {
  const row = await ctx.db
    .selectFrom('balances as b')
    .innerJoin('accounts as a', 'a.id', 'b.account_id')
    .select([
      'b.account_id',
      'b.currency',
      'b.current',
      'b.held',
      'b.last_seq',
      'b.last_hold_version',
      'b.updated_at',
      'a.overdraft_limit',
    ])
    .where('b.account_id', '=', accountId)
    .executeTakeFirst();
  if (!row) throw new AppError('ACCOUNT_NOT_FOUND', `Account ${accountId} does not exist`);
  return toBalance(row, minorFromDb(row.overdraft_limit));
}
