/**
 * @module Writes the sandbox customers and their accounts (with zero balance rows) in one
 * transaction, and opens the internal accounts. Ids, account numbers and password salts come from
 * the seed alone (never from `asOf`), so documentation can name them.
 */

import type { Insertable } from 'kysely';
import { hashPassword, minorFromDb, newId } from '../../platform/index.ts';
import { internalAccount, newAccountNumber } from '../accounts.ts';
import type { LedgerContext } from '../context.ts';
import type { AccountsTable, CustomersTable } from '../tables.ts';
import type { InternalAccountType } from '../types.ts';
import { DAY_MS, type HistorySpan, isoDate } from './calendar.ts';
import { createPrng, deriveSeed } from './prng.ts';
import { CUSTOMER_PLANS } from './sandbox-customers.ts';
import { createWorld, newSimAccount, type SimAccount, type SimCustomer, type World } from './world.ts';

/** Time part of the seeded customer and account ids: 2020-01-01, plus a day per customer. */
export const SANDBOX_EPOCH = Date.UTC(2020, 0, 1);

const INTERNAL_TYPES: readonly InternalAccountType[] = ['settlement', 'fees', 'interest', 'clearing'];
const CURRENCIES = ['KES', 'USD'] as const;

/** Opens (or finds) the internal accounts and reads their current balances. */
async function internalAccounts(ctx: LedgerContext): Promise<Map<string, SimAccount>> {
  const found = new Map<string, SimAccount>();
  for (const currency of CURRENCIES) {
    for (const type of INTERNAL_TYPES) {
      const account = await internalAccount(ctx, type, currency);
      const balance = await ctx.db
        .selectFrom('balances')
        .select(['current', 'last_seq'])
        .where('account_id', '=', account.id)
        .executeTakeFirstOrThrow();
      found.set(
        `${type}:${currency}`,
        newSimAccount(
          {
            id: account.id,
            currency,
            type,
            nickname: account.nickname,
            customer: null,
            plan: null,
            overdraftLimit: 0n,
          },
          minorFromDb(balance.current),
          Number(balance.last_seq),
        ),
      );
    }
  }
  return found;
}

/**
 * Creates the sandbox customers and accounts; null when another seeder won the race (a username
 * was already taken).
 */
export async function createSandboxWorld(
  ctx: LedgerContext,
  seed: number,
  span: HistorySpan,
): Promise<World | null> {
  const rng = createPrng(deriveSeed(seed, 'ids'));
  const numbers = new Set<string>();
  const customers: SimCustomer[] = [];
  const customerRows: Insertable<CustomersTable>[] = [];
  const accountRows: Insertable<AccountsTable>[] = [];
  const salts: Buffer[] = [];
  for (const [i, plan] of CUSTOMER_PLANS.entries()) {
    const idTime = SANDBOX_EPOCH + i * DAY_MS;
    const customerId = newId('cus', idTime, rng.bytes(10));
    salts.push(Buffer.from(rng.bytes(16)));
    // Customers joined between 2 and 20 months before the history starts; accounts soon after.
    const joinedMs = span.startMs - (60 + rng.int(0, 540)) * DAY_MS;
    const customer: SimCustomer = { plan, accounts: [] };
    customers.push(customer);
    customerRows.push({
      id: customerId,
      username: plan.username,
      password_hash: '',
      name: plan.name,
      email: plan.email,
      phone: plan.phone,
      kyc_status: 'verified',
      created_at: new Date(joinedMs + 7 * 3_600_000).toISOString(),
    });
    for (const [j, accountPlan] of plan.accounts.entries()) {
      const id = newId('acc', idTime + (j + 1) * 60_000, rng.bytes(10));
      let accountNumber: string;
      do accountNumber = newAccountNumber(String(rng.int(0, 99_999_999)).padStart(8, '0'));
      while (numbers.has(accountNumber));
      numbers.add(accountNumber);
      const openedMs = joinedMs + j * rng.int(0, 15) * DAY_MS;
      accountRows.push({
        id,
        customer_id: customerId,
        kind: 'customer' as const,
        type: accountPlan.type,
        currency: accountPlan.currency,
        status: 'open',
        account_number: accountNumber,
        nickname: accountPlan.nickname,
        overdraft_limit: accountPlan.overdraftLimit,
        opened_on: isoDate(openedMs),
        created_at: new Date(openedMs + 7 * 3_600_000 + 60_000).toISOString(),
      });
      customer.accounts.push(
        newSimAccount({
          id,
          currency: accountPlan.currency,
          type: accountPlan.type,
          nickname: accountPlan.nickname,
          customer,
          plan: accountPlan,
          overdraftLimit: accountPlan.overdraftLimit,
        }),
      );
    }
  }
  // scrypt is slow on purpose; the hashes run in parallel on the thread pool.
  const hashes = await Promise.all(CUSTOMER_PLANS.map((p, i) => hashPassword(p.password, salts[i])));
  for (const [i, row] of customerRows.entries()) row.password_hash = hashes[i]!;

  const internals = await internalAccounts(ctx);
  const now = ctx.now().toISOString();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto('customers').values(customerRows).execute();
      await trx.insertInto('accounts').values(accountRows).execute();
      await trx
        .insertInto('balances')
        .values(
          accountRows.map((a) => ({
            account_id: a.id,
            currency: a.currency,
            current: 0n,
            held: 0n,
            last_seq: 0,
            last_hold_version: 0,
            updated_at: now,
          })),
        )
        .execute();
    });
  } catch (err) {
    if (ctx.database.isUniqueViolation(err)) return null;
    throw err;
  }
  return createWorld(customers, internals);
}
