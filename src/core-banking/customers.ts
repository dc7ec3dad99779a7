/** @module Customers of the sandbox core: creation, look-up and password verification. */
import { AppError, hashPassword, newId, verifyPassword } from '../platform/index.ts';
import type { LedgerContext } from './context.ts';
import { toCustomer } from './ledger/mappers.ts';
import type { Customer, NewCustomer } from './types.ts';

export async function createCustomer(
  ctx: LedgerContext,
  input: NewCustomer & { id?: string },
): Promise<Customer> {
  const row = {
    id: input.id ?? newId('cus'),
    username: input.username,
    password_hash: await hashPassword(input.password),
    name: input.name,
    email: input.email,
    phone: input.phone,
    kyc_status: input.kycStatus ?? 'verified',
    created_at: ctx.now().toISOString(),
  };
  await ctx.db.insertInto('customers').values(row).execute();
  return toCustomer(row);
}

export async function getCustomer(ctx: LedgerContext, id: string): Promise<Customer> {
  const row = await ctx.db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('CUSTOMER_NOT_FOUND', `Customer ${id} does not exist`);
  return toCustomer(row);
}

export async function listCustomers(ctx: LedgerContext): Promise<Customer[]> {
  const rows = await ctx.db.selectFrom('customers').selectAll().orderBy('username').execute();
  return rows.map(toCustomer);
}

/** The customer when username and password match; null otherwise (same work either way). */
export async function authenticateCustomer(
  ctx: LedgerContext,
  username: string,
  password: string,
): Promise<Customer | null> {
  const row = await ctx.db
    .selectFrom('customers')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
  // Hash against a dummy when the user does not exist, so timing does not reveal valid usernames.
  const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
  return row && ok ? toCustomer(row) : null;
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
