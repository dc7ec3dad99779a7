/**
 * @module One movement of money as balanced legs, and the no-overdraft rule: a customer payer may
 * never go below minus its overdraft limit. A purchase it cannot afford is refused (null); a
 * transfer shrinks to what it can afford. Cross-currency moves go through the clearing accounts.
 */
import type { Category } from './catalogue.ts';
import type { SimAccount, World } from './world.ts';

export interface Leg {
  readonly account: SimAccount;
  readonly amount: bigint;
  /** Overrides the entry's description / counterparty on this account's statement line. */
  readonly description?: string;
  readonly counterparty?: string;
}

export interface Move {
  readonly description: string;
  readonly counterparty: string | null;
  readonly category: Category;
  /** The card acceptor of a card purchase or refund; null for every other move. */
  readonly merchant: string | null;
  readonly legs: readonly Leg[];
}

export interface MoveDetails {
  readonly description: string;
  /** Counterparty as the customer sees it; own-account moves name the other account instead. */
  readonly counterparty?: string;
  readonly category: Category;
  /** The card acceptor, for card purchases and refunds. */
  readonly merchant?: string;
  /** May shrink to what the payer can afford, in multiples of `step`, down to `minimum`. */
  readonly flexible?: { readonly step: bigint; readonly minimum: bigint };
}

/** What a customer account may still pay: down to −overdraft, or down to zero for own-account moves. */
export function headroom(payer: SimAccount, own: boolean): bigint {
  if (payer.customer === null) return amountUnlimited;
  return own ? (payer.balance > 0n ? payer.balance : 0n) : payer.balance + payer.overdraftLimit;
}
const amountUnlimited = 1n << 62n;

/** The amount `payer` may pay of `wanted`, or null when the move cannot happen. */
export function affordable(
  payer: SimAccount,
  wanted: bigint,
  own: boolean,
  details: MoveDetails,
): bigint | null {
  if (wanted <= 0n) return null;
  const room = headroom(payer, own);
  if (wanted <= room) return wanted;
  if (!details.flexible) return null;
  const { step, minimum } = details.flexible;
  const shrunk = (room / step) * step;
  return shrunk >= minimum && shrunk > 0n ? shrunk : null;
}

const major = (hundredths: bigint) => `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;

/**
 * Moves `wanted` (in the payer's currency) from `from` to `to`; `kesPerUsd` (hundredths) converts
 * USD into KES. Returns null when the payer cannot afford it.
 */
export function makeMove(
  world: World,
  from: SimAccount,
  to: SimAccount,
  wanted: bigint,
  details: MoveDetails,
  kesPerUsd: bigint,
): Move | null {
  const own = from.customer !== null && from.customer === to.customer;
  const amount = affordable(from, wanted, own, details);
  if (amount === null) return null;
  const { description, category } = details;
  if (from.currency !== to.currency) {
    if (from.currency !== 'USD' || to.currency !== 'KES')
      throw new Error('only USD→KES conversion is modelled');
    const credited = (amount * kesPerUsd) / 100n;
    if (credited <= 0n) return null;
    const holder = from.customer?.plan.name ?? to.customer?.plan.name ?? 'Wekeza Bank';
    return {
      description: `${description} USD→KES at ${major(kesPerUsd)}`,
      counterparty: to.nickname,
      category,
      merchant: null,
      legs: [
        { account: from, amount: -amount },
        { account: world.internal('clearing', 'USD'), amount, counterparty: holder },
        { account: world.internal('clearing', 'KES'), amount: -credited, counterparty: holder },
        { account: to, amount: credited, counterparty: from.nickname },
      ],
    };
  }
  if (own) {
    return {
      description,
      counterparty: to.nickname,
      category,
      merchant: null,
      legs: [
        { account: from, amount: -amount },
        { account: to, amount, counterparty: from.nickname },
      ],
    };
  }
  // One side is the customer, the other a bank account that records whose money it was.
  const customer = from.customer ? from : to;
  const bank = from.customer ? to : from;
  return {
    description,
    counterparty: details.counterparty ?? null,
    category,
    merchant: details.merchant ?? null,
    legs: [
      {
        account: from,
        amount: -amount,
        ...(from === bank ? { counterparty: customer.customer!.plan.name } : {}),
      },
      { account: to, amount, ...(to === bank ? { counterparty: customer.customer!.plan.name } : {}) },
    ],
  };
}
