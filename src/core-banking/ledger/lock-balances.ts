/**
 * @module Locks the balance rows of some accounts for the rest of the transaction, always in
 * account-id order (no deadlocks between concurrent entries), and returns what the checks need.
 * On SQLite the lock clause is dropped: its single connection already serialises transactions.
 */

import type { Kysely } from 'kysely';
import { AppError, minorFromDb } from '../../platform/index.ts';
import type { Tx } from '../context.ts';
import type { CoreBankingTables } from '../tables.ts';

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

/** The statement locking the balance rows of these accounts, in account-id order. */
export function lockBalancesStatement(trx: Kysely<CoreBankingTables>, accountIds: readonly string[]) {
  const ids = [...new Set(accountIds)].sort();
  return trx
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
    .forUpdate('b');
}

export type LockedRow = Awaited<ReturnType<ReturnType<typeof lockBalancesStatement>['execute']>>[number];

/** The locked accounts from the statement's rows; ACCOUNT_NOT_FOUND when one of `accountIds` has none. */
export function lockedAccounts(
  rows: readonly LockedRow[],
  accountIds: readonly string[],
): Map<string, LockedAccount> {
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
  for (const id of accountIds) {
    if (!locked.has(id)) throw new AppError('ACCOUNT_NOT_FOUND', `Account ${id} does not exist`);
  }
  return locked;
}

export async function lockBalances(
  trx: Tx,
  accountIds: readonly string[],
): Promise<Map<string, LockedAccount>> {
  return lockedAccounts(await lockBalancesStatement(trx, accountIds).execute(), accountIds);
}
