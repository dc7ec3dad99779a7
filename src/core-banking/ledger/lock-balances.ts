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
  readonly lastHoldVersion: number;
}

export async function lockBalances(
  trx: Tx,
  accountIds: readonly string[],
): Promise<Map<string, LockedAccount>> {
  const ids = [...new Set(accountIds)].sort();
  const rows = await trx
    .selectFrom('balances as b')
    .innerJoin('accounts as a', 'a.id', 'b.account_id')
    .select([
      'a.id',
      'a.kind',
      'a.status',
      'a.currency',
      'a.overdraft_limit',
      'b.current',
      'b.held',
      'b.last_seq',
      'b.last_hold_version',
    ])
    .where('b.account_id', 'in', ids)
    .orderBy('b.account_id')
    .forUpdate('b')
    .execute();
  const locked = new Map<string, LockedAccount>();
  for (const r of rows) {
    locked.set(r.id, {
      id: r.id,
      kind: r.kind,
      status: r.status,
      currency: r.currency,
      overdraftLimit: minorFromDb(r.overdraft_limit),
      current: minorFromDb(r.current),
      held: minorFromDb(r.held),
      lastSeq: Number(r.last_seq),
      lastHoldVersion: Number(r.last_hold_version),
    });
  }
  for (const id of ids) {
    if (!locked.has(id)) throw new AppError('ACCOUNT_NOT_FOUND', `Account ${id} does not exist`);
  }
  return locked;
}
