/**
 * @module What sandbox customers do every day, per account profile: card purchases at Kenyan
 * merchants, M-PESA and PesaLink transfers, bills, cash, freelance income, own-account moves.
 * Each flow has a category, a counter account, an amount range in minor units and a counterparty.
 */
import type { InternalAccountType } from '../types.ts';
import type { Prng } from './prng.ts';
import type { Profile } from './sandbox-customers.ts';

export type Category =
  | 'income'
  | 'transfer'
  | 'utilities'
  | 'groceries'
  | 'dining'
  | 'transport'
  | 'shopping'
  | 'cash'
  | 'fees'
  | 'interest'
  | 'suppliers'
  | 'payroll'
  | 'taxes'
  | 'rent'
  | 'education';

export interface Party {
  readonly description: string;
  readonly counterparty: string;
  /** The card acceptor, for card purchases and refunds only. */
  readonly merchant?: string;
}

/** The other side of a flow: a bank-owned account, or another account of the same customer. */
export type Counter =
  | { readonly internal: InternalAccountType }
  | { readonly own: 'current' | 'savings'; readonly currency?: 'KES' | 'USD' };

export interface Flow {
  /** `out` debits the profile's account, `in` credits it. */
  readonly direction: 'in' | 'out';
  readonly weight: number;
  readonly category: Category;
  readonly counter: Counter;
  /** Amount range and rounding, in minor units of the account's currency. */
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** A transfer may shrink to what the payer can afford; a purchase is all or nothing. */
  readonly flexible?: boolean;
  /** Absent for own-account moves, which name the accounts themselves. */
  readonly party?: (rng: Prng) => Party;
}

export const CONTACTS: readonly { readonly name: string; readonly phone: string }[] = [
  { name: 'Kevin Mutua', phone: '0722 123 456' },
  { name: 'Faith Chebet', phone: '0711 908 214' },
  { name: 'Dennis Kiprotich', phone: '0733 551 902' },
  { name: 'Lucy Nyokabi', phone: '0727 640 118' },
  { name: 'Hassan Abdullahi', phone: '0701 226 745' },
  { name: 'Mary Atieno', phone: '0716 384 920' },
  { name: 'James Kariuki', phone: '0798 102 337' },
  { name: 'Ann Wambui', phone: '0722 875 016' },
  { name: 'Collins Wekesa', phone: '0740 312 889' },
  { name: 'Esther Moraa', phone: '0712 497 603' },
  { name: 'Ibrahim Noor', phone: '0729 660 471' },
  { name: 'Janet Akinyi', phone: '0757 218 390' },
  { name: 'Stephen Maina', phone: '0721 005 862' },
  { name: 'Winnie Jeptoo', phone: '0768 743 215' },
  { name: 'Mama Mboga Kawangware', phone: '0790 531 664' },
  { name: 'Joseph Nduati', phone: '0714 289 057' },
];

const KES = 100;
const USD = 100;

const merchants =
  (description: string, names: readonly string[]) =>
  (rng: Prng): Party => ({ description, counterparty: rng.pick(names) });

/** A card transaction: the merchant is the counterparty and is recorded as the entry's merchant. */
const card =
  (description: string, names: readonly string[]) =>
  (rng: Prng): Party => {
    const merchant = rng.pick(names);
    return { description, counterparty: merchant, merchant };
  };

const fixed = (description: string, counterparty: string) => (): Party => ({ description, counterparty });

const mpesaOut = (rng: Prng): Party => {
  const c = rng.pick(CONTACTS);
  return { description: `M-PESA transfer to ${c.phone}`, counterparty: c.name };
};
const mpesaIn = (rng: Prng): Party => {
  const c = rng.pick(CONTACTS);
  return { description: `M-PESA deposit from ${c.phone}`, counterparty: c.name };
};
const pesalinkIn = (rng: Prng): Party => ({
  description: 'PesaLink transfer in',
  counterparty: rng.pick(CONTACTS).name,
});

const GROCERIES = [
  'Naivas Westlands',
  'Naivas Thika Road Mall',
  'Carrefour Two Rivers',
  'Carrefour The Junction',
  'Quickmart Kilimani',
  'Quickmart Ruaka',
  'Chandarana Foodplus Yaya',
  'Cleanshelf Kiambu Road',
];
const DINING = [
  'Java House Adlife Plaza',
  'Java House The Junction',
  'Artcaffe Westgate',
  'KFC Moi Avenue',
  'Chicken Inn Kenyatta Avenue',
  'Glovo',
  "CJ's Koinange Street",
  'Kenchic Inn Kimathi Street',
];
const RIDES = ['Uber', 'Bolt', 'Little Cab'];
const FUEL = ['Shell Waiyaki Way', 'TotalEnergies Ngong Road', 'Rubis Kiambu Road', 'Ola Energy Thika Road'];
const SHOPPING = [
  'Jumia Kenya',
  'Kilimall',
  'Decathlon Kenya',
  'Bata Kenya Sarit Centre',
  'Text Book Centre',
  'LC Waikiki Two Rivers',
];
const ATMS = ['Wekeza ATM Kenyatta Avenue', 'Wekeza ATM Westlands', 'Wekeza ATM Sarit Centre'];

const personalCurrent: readonly Flow[] = [
  {
    direction: 'out',
    weight: 22,
    category: 'groceries',
    counter: { internal: 'settlement' },
    min: 250 * KES,
    max: 9_000 * KES,
    step: KES,
    party: card('Card purchase', GROCERIES),
  },
  {
    direction: 'out',
    weight: 14,
    category: 'dining',
    counter: { internal: 'settlement' },
    min: 250 * KES,
    max: 4_500 * KES,
    step: KES,
    party: card('Card purchase', DINING),
  },
  {
    direction: 'out',
    weight: 12,
    category: 'transport',
    counter: { internal: 'settlement' },
    min: 150 * KES,
    max: 1_800 * KES,
    step: KES,
    party: card('Card purchase', RIDES),
  },
  {
    direction: 'out',
    weight: 5,
    category: 'transport',
    counter: { internal: 'settlement' },
    min: 1_000 * KES,
    max: 8_000 * KES,
    step: 100 * KES,
    party: card('Card purchase', FUEL),
  },
  {
    direction: 'out',
    weight: 7,
    category: 'shopping',
    counter: { internal: 'settlement' },
    min: 500 * KES,
    max: 20_000 * KES,
    step: KES,
    party: card('Card purchase', SHOPPING),
  },
  {
    direction: 'out',
    weight: 4,
    category: 'utilities',
    counter: { internal: 'settlement' },
    min: 500 * KES,
    max: 3_000 * KES,
    step: 50 * KES,
    party: fixed('KPLC prepaid token', 'Kenya Power (KPLC)'),
  },
  {
    direction: 'out',
    weight: 5,
    category: 'utilities',
    counter: { internal: 'settlement' },
    min: 50 * KES,
    max: 1_000 * KES,
    step: 10 * KES,
    party: fixed('Airtime purchase', 'Safaricom PLC'),
  },
  {
    direction: 'out',
    weight: 16,
    category: 'transfer',
    counter: { internal: 'clearing' },
    min: 200 * KES,
    max: 15_000 * KES,
    step: 50 * KES,
    flexible: true,
    party: mpesaOut,
  },
  {
    direction: 'out',
    weight: 4,
    category: 'cash',
    counter: { internal: 'settlement' },
    min: 1_000 * KES,
    max: 20_000 * KES,
    step: 500 * KES,
    party: merchants('ATM withdrawal', ATMS),
  },
  {
    direction: 'out',
    weight: 2,
    category: 'transfer',
    counter: { own: 'savings' },
    min: 1_000 * KES,
    max: 20_000 * KES,
    step: 500 * KES,
    flexible: true,
  },
  {
    direction: 'out',
    weight: 1.5,
    category: 'fees',
    counter: { internal: 'fees' },
    min: 30 * KES,
    max: 110 * KES,
    step: KES,
    party: fixed('Transaction charge', 'Wekeza Bank'),
  },
  {
    direction: 'in',
    weight: 10,
    category: 'transfer',
    counter: { internal: 'clearing' },
    min: 200 * KES,
    max: 10_000 * KES,
    step: 50 * KES,
    party: mpesaIn,
  },
  {
    direction: 'in',
    weight: 4,
    category: 'transfer',
    counter: { internal: 'clearing' },
    min: 1_000 * KES,
    max: 30_000 * KES,
    step: 100 * KES,
    party: pesalinkIn,
  },
  {
    direction: 'in',
    weight: 1,
    category: 'shopping',
    counter: { internal: 'settlement' },
    min: 500 * KES,
    max: 6_000 * KES,
    step: KES,
    party: card('Card refund', ['Jumia Kenya', 'Kilimall', 'Carrefour Two Rivers']),
  },
  {
    direction: 'in',
    weight: 3,
    category: 'transfer',
    counter: { own: 'savings' },
    min: 2_000 * KES,
    max: 25_000 * KES,
    step: 500 * KES,
    flexible: true,
  },
];

const personalSavings: readonly Flow[] = [
  {
    direction: 'out',
    weight: 2,
    category: 'education',
    counter: { internal: 'clearing' },
    min: 15_000 * KES,
    max: 120_000 * KES,
    step: 500 * KES,
    party: merchants('School fees', [
      'Alliance High School',
      'Moi Girls School Eldoret',
      'Strathmore University',
      'Kenyatta University',
      'Brookhouse School',
    ]),
  },
  {
    direction: 'out',
    weight: 1,
    category: 'transfer',
    counter: { internal: 'clearing' },
    min: 5_000 * KES,
    max: 50_000 * KES,
    step: 1_000 * KES,
    party: merchants('SACCO deposit', ['Stima Sacco', 'Mwalimu National Sacco', 'Harambee Sacco']),
  },
  {
    direction: 'out',
    weight: 3,
    category: 'transfer',
    counter: { own: 'current' },
    min: 2_000 * KES,
    max: 40_000 * KES,
    step: 1_000 * KES,
    flexible: true,
  },
  {
    direction: 'out',
    weight: 1,
    category: 'transfer',
    counter: { internal: 'clearing' },
    min: 1_000 * KES,
    max: 20_000 * KES,
    step: 100 * KES,
    flexible: true,
    party: mpesaOut,
  },
  {
    direction: 'in',
    weight: 6,
    category: 'transfer',
    counter: { own: 'current' },
    min: 1_000 * KES,
    max: 20_000 * KES,
    step: 500 * KES,
    flexible: true,
  },
  {
    direction: 'in',
    weight: 2,
    category: 'transfer',
    counter: { internal: 'clearing' },
    min: 500 * KES,
    max: 15_000 * KES,
    step: 50 * KES,
    party: mpesaIn,
  },
  {
    direction: 'in',
    weight: 1,
    category: 'income',
    counter: { internal: 'clearing' },
    min: 5_000 * KES,
    max: 60_000 * KES,
    step: 500 * KES,
    party: merchants('Chama payout', [
      'Umoja Women Chama',
      'Tujenge Investment Group',
      'Harambee Welfare Group',
    ]),
  },
];

const toKes: Flow = {
  direction: 'out',
  weight: 3,
  category: 'transfer',
  counter: { own: 'current', currency: 'KES' },
  min: 100 * USD,
  max: 2_500 * USD,
  step: USD,
  flexible: true,
};

const remittance: Flow = {
  direction: 'in',
  weight: 2,
  category: 'transfer',
  counter: { internal: 'clearing' },
  min: 100 * USD,
  max: 1_500 * USD,
  step: USD,
  party: merchants('Inward remittance', ['WorldRemit', 'Western Union', 'Wise', 'Sendwave']),
};

const personalUsd: readonly Flow[] = [
  {
    direction: 'out',
    weight: 3,
    category: 'transport',
    counter: { internal: 'settlement' },
    min: 250 * USD,
    max: 1_200 * USD,
    step: USD,
    party: card('Card purchase', ['Kenya Airways', 'Emirates', 'Qatar Airways']),
  },
  {
    direction: 'out',
    weight: 3,
    category: 'shopping',
    counter: { internal: 'settlement' },
    min: 60 * USD,
    max: 900 * USD,
    step: 1,
    party: card('Card purchase', ['Booking.com', 'Airbnb', 'Amazon.com']),
  },
  {
    direction: 'out',
    weight: 2,
    category: 'dining',
    counter: { internal: 'settlement' },
    min: 10 * USD,
    max: 16 * USD,
    step: 1,
    party: card('Card purchase', ['Netflix.com', 'Spotify']),
  },
  { ...toKes, weight: 2, max: 1_500 * USD },
  { ...remittance, weight: 3 },
];

const freelanceUsd: readonly Flow[] = [
  {
    direction: 'in',
    weight: 3,
    category: 'income',
    counter: { internal: 'settlement' },
    min: 100 * USD,
    max: 2_500 * USD,
    step: 1,
    party: fixed('Freelance payout', 'Upwork Global Inc.'),
  },
  {
    direction: 'in',
    weight: 2,
    category: 'income',
    counter: { internal: 'settlement' },
    min: 200 * USD,
    max: 3_000 * USD,
    step: 1,
    party: fixed('Payoneer withdrawal', 'Payoneer'),
  },
  {
    direction: 'in',
    weight: 1,
    category: 'income',
    counter: { internal: 'settlement' },
    min: 500 * USD,
    max: 4_000 * USD,
    step: 1,
    party: fixed('Contractor payment', 'Deel Inc.'),
  },
  {
    direction: 'out',
    weight: 6,
    category: 'shopping',
    counter: { internal: 'settlement' },
    min: 4 * USD,
    max: 400 * USD,
    step: 1,
    party: card('Card purchase', ['Amazon Web Services', 'GitHub', 'Google Workspace', 'Udemy', 'JetBrains']),
  },
  {
    direction: 'out',
    weight: 1,
    category: 'transport',
    counter: { internal: 'settlement' },
    min: 250 * USD,
    max: 1_200 * USD,
    step: USD,
    party: card('Card purchase', ['Kenya Airways', 'Ethiopian Airlines']),
  },
  {
    direction: 'out',
    weight: 1,
    category: 'fees',
    counter: { internal: 'fees' },
    min: 5 * USD,
    max: 25 * USD,
    step: 1,
    party: fixed('Outgoing SWIFT charge', 'Wekeza Bank'),
  },
  { ...toKes, weight: 2 },
  {
    direction: 'out',
    weight: 1,
    category: 'transfer',
    counter: { own: 'savings' },
    min: 100 * USD,
    max: 1_500 * USD,
    step: USD,
    flexible: true,
  },
];

const usdSavings: readonly Flow[] = [
  {
    direction: 'in',
    weight: 4,
    category: 'transfer',
    counter: { own: 'current' },
    min: 100 * USD,
    max: 1_500 * USD,
    step: USD,
    flexible: true,
  },
  remittance,
  {
    direction: 'out',
    weight: 1,
    category: 'education',
    counter: { internal: 'settlement' },
    min: 300 * USD,
    max: 3_000 * USD,
    step: USD,
    party: fixed('Outgoing SWIFT payment: tuition', 'University of Cape Town'),
  },
  {
    direction: 'out',
    weight: 2,
    category: 'transfer',
    counter: { own: 'current' },
    min: 100 * USD,
    max: 2_000 * USD,
    step: USD,
    flexible: true,
  },
  { ...toKes, weight: 1, max: 1_000 * USD },
];

const businessCurrent: readonly Flow[] = [
  {
    direction: 'in',
    weight: 30,
    category: 'income',
    counter: { internal: 'clearing' },
    min: 200 * KES,
    max: 25_000 * KES,
    step: KES,
    party: (rng) => ({ description: 'Lipa na M-PESA till 5123456', counterparty: rng.pick(CONTACTS).name }),
  },
  {
    direction: 'in',
    weight: 6,
    category: 'income',
    counter: { internal: 'settlement' },
    min: 5_000 * KES,
    max: 150_000 * KES,
    step: 1,
    party: fixed('Card sales settlement', 'Wekeza Merchant Services'),
  },
  {
    direction: 'in',
    weight: 6,
    category: 'income',
    counter: { internal: 'clearing' },
    min: 10_000 * KES,
    max: 250_000 * KES,
    step: KES,
    party: merchants('PesaLink transfer in', [
      'Kilimani Mini Mart',
      'Uhuru Market Stall 14',
      'Kawangware Wholesalers',
      'Mama Njeri Groceries',
      'Githurai Fresh Supplies',
    ]),
  },
  {
    direction: 'out',
    weight: 10,
    category: 'suppliers',
    counter: { internal: 'clearing' },
    min: 10_000 * KES,
    max: 350_000 * KES,
    step: KES,
    party: merchants('Supplier payment', [
      'Bidco Africa',
      'Brookside Dairy',
      'Unga Group',
      'Kapa Oil Refineries',
      'Twiga Foods',
      'Menengai Oil Refineries',
      'Pwani Oil Products',
    ]),
  },
  {
    direction: 'out',
    weight: 5,
    category: 'transport',
    counter: { internal: 'settlement' },
    min: 2_000 * KES,
    max: 15_000 * KES,
    step: 100 * KES,
    party: card('Card purchase', ['Shell Enterprise Road', 'Rubis Industrial Area', 'Sendy Deliveries']),
  },
  {
    direction: 'out',
    weight: 5,
    category: 'transfer',
    counter: { internal: 'clearing' },
    min: 300 * KES,
    max: 3_000 * KES,
    step: 50 * KES,
    flexible: true,
    party: (rng) => {
      const c = rng.pick(CONTACTS);
      return { description: `M-PESA B2C payment to ${c.phone}`, counterparty: c.name };
    },
  },
  {
    direction: 'out',
    weight: 1,
    category: 'utilities',
    counter: { internal: 'settlement' },
    min: 3_000 * KES,
    max: 25_000 * KES,
    step: KES,
    party: fixed('KPLC postpaid bill', 'Kenya Power (KPLC)'),
  },
  {
    direction: 'out',
    weight: 2,
    category: 'fees',
    counter: { internal: 'fees' },
    min: 50 * KES,
    max: 500 * KES,
    step: KES,
    party: fixed('Transaction charges', 'Wekeza Bank'),
  },
  {
    direction: 'out',
    weight: 2,
    category: 'cash',
    counter: { internal: 'settlement' },
    min: 5_000 * KES,
    max: 100_000 * KES,
    step: 1_000 * KES,
    party: fixed('Cash withdrawal', 'Wekeza Moi Avenue branch'),
  },
];

const businessUsd: readonly Flow[] = [
  {
    direction: 'in',
    weight: 3,
    category: 'income',
    counter: { internal: 'settlement' },
    min: 1_000 * USD,
    max: 15_000 * USD,
    step: 1,
    party: merchants('Export proceeds', [
      'Mukwano Industries (Uganda)',
      'Kampala Fresh Ltd',
      'Kigali Foods Ltd',
    ]),
  },
  {
    direction: 'out',
    weight: 2,
    category: 'suppliers',
    counter: { internal: 'settlement' },
    min: 500 * USD,
    max: 12_000 * USD,
    step: 1,
    party: fixed('Outgoing SWIFT payment', 'Alibaba.com'),
  },
  {
    direction: 'out',
    weight: 1,
    category: 'transport',
    counter: { internal: 'settlement' },
    min: 300 * USD,
    max: 4_000 * USD,
    step: 1,
    party: fixed('Freight invoice', 'Maersk Kenya'),
  },
  { ...toKes, weight: 3, min: 500 * USD, max: 8_000 * USD },
];

export const FLOWS: Readonly<Record<Profile, readonly Flow[]>> = {
  'personal-current': personalCurrent,
  'personal-savings': personalSavings,
  'personal-usd': personalUsd,
  'freelance-usd': freelanceUsd,
  'usd-savings': usdSavings,
  'business-current': businessCurrent,
  'business-usd': businessUsd,
};
