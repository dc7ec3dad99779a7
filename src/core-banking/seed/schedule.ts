/**
 * @module The recurring part of the history, by calendar: opening deposits, monthly salaries and the
 * standing order that follows them, home fibre and water bills, month-end account fees and savings
 * interest, a freelancer's monthly USD→KES conversion, and the business's rent, VAT and payroll.
 */
import { businessDay, DAY_MS, daysInMonth, kesPerUsd } from './calendar.ts';
import { type Move, makeMove } from './moves.ts';
import type { Prng } from './prng.ts';
import { ownAccount, type SimAccount, type World } from './world.ts';

export interface Scheduled {
  /** The customer account the event belongs to (its slot). */
  readonly account: SimAccount;
  /** Position in the day's booking window, 0 (opening) to 1 (closing). */
  readonly at: number;
  /** Builds the move at booking time, from the balances then; null when it cannot happen. */
  readonly build: () => Move | null;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Annual savings interest in basis points, credited monthly on the month-end balance. */
const INTEREST_BPS: Readonly<Record<string, bigint>> = { KES: 700n, USD: 250n };
const MONTHLY_FEE: Readonly<Record<string, bigint>> = { KES: 200_00n, USD: 2_50n };
const BUSINESS_MONTHLY_FEE = 750_00n;

const between = (rng: Prng, min: number, max: number) => min + rng.next() * (max - min);
const kes = (rng: Prng, min: number, max: number) => BigInt(Math.round(between(rng, min, max))) * 100n;

/** The scheduled events of day `dayIndex` of the history, in a fixed order. */
export function scheduledFor(world: World, dayIndex: number, dayMs: number, rng: Prng): Scheduled[] {
  const date = new Date(dayMs);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const dom = date.getUTCDate();
  const monthEnd = dom === daysInMonth(year, month);
  const rate = kesPerUsd(dayMs);
  const out: Scheduled[] = [];
  const add = (account: SimAccount, at: number, build: () => Move | null) => out.push({ account, at, build });
  const move = (from: SimAccount, to: SimAccount, amount: bigint, details: Parameters<typeof makeMove>[4]) =>
    makeMove(world, from, to, amount, details, rate);

  for (const customer of world.customers) {
    const plan = customer.plan;
    const kesCurrent = ownAccount(customer, 'current', 'KES');
    const kesSavings = ownAccount(customer, 'savings', 'KES');
    const usdCurrent = ownAccount(customer, 'current', 'USD');

    if (dayIndex === 0) {
      for (const account of customer.accounts) {
        const settlement = world.internal('settlement', account.currency);
        add(account, 0.05 + 0.1 * rng.next(), () =>
          move(settlement, account, account.plan!.comfort, {
            description: 'Opening deposit',
            counterparty: 'Wekeza Moi Avenue branch',
            category: 'transfer',
          }),
        );
      }
    }

    if (plan.salary && kesCurrent) {
      const payday = businessDay(year, month, plan.salary.payday);
      const years = BigInt(Math.floor(dayIndex / 365));
      const net = (plan.salary.net * (100n + 5n * years)) / 100n;
      if (dayMs === payday) {
        add(kesCurrent, 0.02 + 0.1 * rng.next(), () =>
          move(world.internal('settlement', 'KES'), kesCurrent, net, {
            description: `Salary ${MONTHS[month]} ${year}`,
            counterparty: plan.salary!.employer,
            category: 'income',
          }),
        );
      }
      if (plan.savingsOrder && kesSavings && dayMs === payday + DAY_MS) {
        add(kesCurrent, 0.01 * rng.next(), () =>
          move(kesCurrent, kesSavings, plan.savingsOrder!, {
            description: 'Standing order: savings',
            category: 'transfer',
            flexible: { step: 100n, minimum: 100_00n },
          }),
        );
      }
    }

    if (plan.fibre && kesCurrent && dom === 3) {
      add(kesCurrent, 0.3 + 0.4 * rng.next(), () =>
        move(kesCurrent, world.internal('settlement', 'KES'), plan.fibre!.amount, {
          description: 'Home fibre subscription',
          counterparty: plan.fibre!.provider,
          category: 'utilities',
        }),
      );
    }

    if (plan.water && kesCurrent && dom === 12) {
      const bill = plan.business ? kes(rng, 2_000, 9_000) : kes(rng, 600, 3_500);
      add(kesCurrent, 0.3 + 0.4 * rng.next(), () =>
        move(kesCurrent, world.internal('settlement', 'KES'), bill, {
          description: 'Water bill',
          counterparty: 'Nairobi City Water & Sewerage Co.',
          category: 'utilities',
        }),
      );
    }

    if (plan.convertsUsd && usdCurrent && kesCurrent && dom === 2) {
      add(usdCurrent, 0.4 + 0.2 * rng.next(), () => {
        const surplus = usdCurrent.balance - usdCurrent.plan!.comfort / 2n;
        if (surplus < 100_00n) return null;
        return move(usdCurrent, kesCurrent, (surplus / 100n) * 100n, {
          description: 'Currency conversion',
          category: 'transfer',
        });
      });
    }

    if (plan.business && kesCurrent) {
      const business = plan.business;
      if (dom === 1) {
        add(kesCurrent, 0.1 + 0.2 * rng.next(), () =>
          move(kesCurrent, world.internal('clearing', 'KES'), business.rent, {
            description: `Rent ${MONTHS[month]} ${year}`,
            counterparty: business.landlord,
            category: 'rent',
          }),
        );
      }
      if (dayMs === businessDay(year, month, 20)) {
        const vat = kes(rng, 40_000, 140_000);
        add(kesCurrent, 0.3 + 0.4 * rng.next(), () =>
          move(kesCurrent, world.internal('settlement', 'KES'), vat, {
            description: 'KRA iTax payment: VAT',
            counterparty: 'Kenya Revenue Authority',
            category: 'taxes',
          }),
        );
      }
      if (dayMs === businessDay(year, month, 28)) {
        for (const member of business.staff) {
          add(kesCurrent, 0.55 + 0.1 * rng.next(), () =>
            move(kesCurrent, world.internal('clearing', 'KES'), member.pay, {
              description: `Salary ${MONTHS[month]} ${year}: M-PESA ${member.phone}`,
              counterparty: member.name,
              category: 'payroll',
            }),
          );
        }
      }
    }

    if (monthEnd) {
      for (const account of customer.accounts) {
        if (account.type === 'current') {
          const fee =
            plan.business && account.currency === 'KES'
              ? BUSINESS_MONTHLY_FEE
              : MONTHLY_FEE[account.currency]!;
          add(account, 0.97 + 0.01 * rng.next(), () =>
            move(account, world.internal('fees', account.currency), fee, {
              description: 'Monthly account maintenance fee',
              counterparty: 'Wekeza Bank',
              category: 'fees',
            }),
          );
        } else {
          add(account, 0.99 + 0.01 * rng.next(), () => {
            const interest = (account.balance * INTEREST_BPS[account.currency]!) / 120_000n;
            if (interest <= 0n) return null;
            return move(world.internal('interest', account.currency), account, interest, {
              description: `Interest ${MONTHS[month]} ${year}`,
              counterparty: 'Wekeza Bank',
              category: 'interest',
            });
          });
        }
      }
    }
  }
  return out;
}
