/**
 * @module The seeder's in-memory model of the bank: every account it writes to with its running
 * balance (customer and internal alike), each customer account's resolved flows, and weighted picks.
 * Balances live here during seeding; the database only receives them batch by batch.
 */
import type { InternalAccountType } from '../types.ts';
import type { Flow } from './catalogue.ts';
import { FLOWS } from './catalogue.ts';
import type { Prng } from './prng.ts';
import type { AccountPlan, CustomerPlan } from './sandbox-customers.ts';

export interface SimAccount {
  readonly id: string;
  readonly currency: string;
  readonly type: string;
  readonly nickname: string;
  /** Null for the bank's internal accounts, which may go negative. */
  readonly customer: SimCustomer | null;
  readonly plan: AccountPlan | null;
  readonly overdraftLimit: bigint;
  /** Running balance in booking order. */
  balance: bigint;
  /** Balance as last written to the `balances` table. */
  written: bigint;
  /** The `seq` of the account's newest posting. */
  seq: number;
  /** `seq` as last written to the `balances` table. */
  writtenSeq: number;
  outs: Weighted<ResolvedFlow>;
  ins: Weighted<ResolvedFlow>;
  /** Inflows from bank accounts: they always succeed, so a slot never goes empty. */
  fallbacks: Weighted<ResolvedFlow>;
}

export interface SimCustomer {
  readonly plan: CustomerPlan;
  readonly accounts: SimAccount[];
}

export interface ResolvedFlow {
  readonly flow: Flow;
  readonly counter: SimAccount;
}

export interface Weighted<T> {
  readonly items: readonly T[];
  readonly cumulative: readonly number[];
  readonly total: number;
}

export interface World {
  readonly customers: readonly SimCustomer[];
  /** Customer accounts, in plan order. */
  readonly accounts: readonly SimAccount[];
  /** Every account the seeder writes to: customer accounts then internal ones. */
  readonly all: readonly SimAccount[];
  internal(type: InternalAccountType, currency: string): SimAccount;
  /** Customer accounts weighted by their share of everyday transactions. */
  readonly slots: Weighted<SimAccount>;
}

export function weighted<T>(items: readonly T[], weightOf: (item: T) => number): Weighted<T> {
  const cumulative: number[] = [];
  let total = 0;
  for (const item of items) {
    total += weightOf(item);
    cumulative.push(total);
  }
  return { items, cumulative, total };
}

export function pickWeighted<T>(rng: Prng, w: Weighted<T>): T | undefined {
  const x = rng.next() * w.total;
  for (let i = 0; i < w.items.length; i++) if (x < w.cumulative[i]!) return w.items[i];
  return w.items.at(-1);
}

export const ownAccount = (customer: SimCustomer, type: string, currency: string): SimAccount | undefined =>
  customer.accounts.find((a) => a.type === type && a.currency === currency);

const EMPTY: Weighted<ResolvedFlow> = { items: [], cumulative: [], total: 0 };

export function newSimAccount(
  fields: Pick<SimAccount, 'id' | 'currency' | 'type' | 'nickname' | 'customer' | 'plan' | 'overdraftLimit'>,
  balance = 0n,
  seq = 0,
): SimAccount {
  return {
    ...fields,
    balance,
    written: balance,
    seq,
    writtenSeq: seq,
    outs: EMPTY,
    ins: EMPTY,
    fallbacks: EMPTY,
  };
}

/** Builds the world and attaches to each customer account the flows its profile can perform. */
export function createWorld(
  customers: readonly SimCustomer[],
  internals: ReadonlyMap<string, SimAccount>,
): World {
  const internal = (type: InternalAccountType, currency: string): SimAccount => {
    const found = internals.get(`${type}:${currency}`);
    if (!found) throw new Error(`internal account ${type} ${currency} missing`);
    return found;
  };
  const accounts = customers.flatMap((c) => c.accounts);
  for (const account of accounts) {
    const resolved: ResolvedFlow[] = [];
    for (const flow of FLOWS[account.plan!.profile]) {
      const counter =
        'internal' in flow.counter
          ? internal(flow.counter.internal, account.currency)
          : ownAccount(account.customer!, flow.counter.own, flow.counter.currency ?? account.currency);
      if (counter && counter !== account) resolved.push({ flow, counter });
    }
    const byWeight = (r: ResolvedFlow) => r.flow.weight;
    account.outs = weighted(
      resolved.filter((r) => r.flow.direction === 'out'),
      byWeight,
    );
    account.ins = weighted(
      resolved.filter((r) => r.flow.direction === 'in'),
      byWeight,
    );
    account.fallbacks = weighted(
      resolved.filter((r) => r.flow.direction === 'in' && r.counter.customer === null),
      byWeight,
    );
    if (account.fallbacks.items.length === 0)
      throw new Error(`profile ${account.plan!.profile} has no inflow`);
  }
  return {
    customers,
    accounts,
    all: [...accounts, ...internals.values()],
    internal,
    slots: weighted(accounts, (a) => a.plan!.weight),
  };
}
