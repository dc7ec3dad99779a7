/**
 * @module Locks the balance rows of some accounts for the rest of the transaction, always in
 * account-id order (no deadlocks between concurrent entries), and returns what the checks need.
 * On SQLite the lock clause is dropped: its single connection already serialises transactions.
 */
import { AppError, minorFromDb } from '../../platform/index.ts';
import type { Tx } from '../context.ts';

export interface LockedAccount {
  readonly id: string;
  readonly kind: 'customer' | 'internal';
  readonly status: string;
  readonly currency: string;
  readonly overdraftLimit: bigint;
  readonly current: bigint;
  readonly held: bigint;
  readonly lastSeq: number;
}

export async function lockBalances(
  trx: Tx,
  accountIds: readonly string[],
): Promise<Map<string, LockedAccount>> {
  const ids = [...new Set(accountIds)].sort();
  const balances = await trx
    .selectFrom('balances')
    .select(['account_id', 'current', 'held', 'last_seq'])
    .where('account_id', 'in', ids)
    .orderBy('account_id')
    .forUpdate()
    .execute();
  const accounts = await trx
    .selectFrom('accounts')
    .select(['id', 'kind', 'status', 'currency', 'overdraft_limit'])
    .where('id', 'in', ids)
    .execute();
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const locked = new Map<string, LockedAccount>();
  for (const b of balances) {
    const a = byId.get(b.account_id);
    if (!a) continue;
    locked.set(a.id, {
      id: a.id,
      kind: a.kind,
      status: a.status,
      currency: a.currency,
      overdraftLimit: minorFromDb(a.overdraft_limit),
      current: minorFromDb(b.current),
      held: minorFromDb(b.held),
      lastSeq: Number(b.last_seq),
    });
  }
  for (const id of ids) {
    if (!locked.has(id)) throw new AppError('ACCOUNT_NOT_FOUND', `Account ${id} does not exist`);
  }
  return locked;
}
