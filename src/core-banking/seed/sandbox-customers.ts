/**
 * @module The sandbox cast: five Kenyan personal customers and one small business, their public
 * credentials (documented in the README), accounts, employers, salaries and standing bills.
 * Amounts are minor units (KES and USD cents).
 */

export interface SandboxCredentials {
  readonly username: string;
  readonly password: string;
  readonly name: string;
  readonly email: string;
  readonly phone: string;
}

/** How an account is used, which picks its everyday transactions (see catalogue.ts). */
export type Profile =
  | 'personal-current'
  | 'personal-savings'
  | 'personal-usd'
  | 'freelance-usd'
  | 'usd-savings'
  | 'business-current'
  | 'business-usd';

export interface AccountPlan {
  readonly type: 'current' | 'savings';
  readonly currency: 'KES' | 'USD';
  readonly nickname: string;
  readonly profile: Profile;
  readonly overdraftLimit: bigint;
  /** The balance its owner likes to keep: the opening deposit, and what spending steers around. */
  readonly comfort: bigint;
  /** Relative share of the everyday (non-scheduled) transactions. */
  readonly weight: number;
}

export interface CustomerPlan extends SandboxCredentials {
  readonly salary?: { readonly employer: string; readonly net: bigint; readonly payday: number };
  /** Monthly home internet bill. */
  readonly fibre?: { readonly provider: string; readonly amount: bigint };
  readonly water?: boolean;
  /** Standing order from the KES current to the KES savings account the day after payday. */
  readonly savingsOrder?: bigint;
  /** Monthly conversion of part of the USD income into KES. */
  readonly convertsUsd?: boolean;
  readonly business?: {
    readonly rent: bigint;
    readonly landlord: string;
    readonly staff: readonly { readonly name: string; readonly phone: string; readonly pay: bigint }[];
  };
  readonly accounts: readonly AccountPlan[];
}

const KES = (units: number) => BigInt(units) * 100n;
const USD = (units: number) => BigInt(units) * 100n;

export const CUSTOMER_PLANS: readonly CustomerPlan[] = [
  {
    username: 'wanjiku',
    password: 'sandbox-wanjiku-2026',
    name: 'Grace Wanjiku Njoroge',
    email: 'grace.wanjiku@example.co.ke',
    phone: '+254712345601',
    salary: { employer: 'Safaricom PLC', net: KES(185_000), payday: 25 },
    fibre: { provider: 'Safaricom Home Fibre', amount: KES(4_100) },
    water: true,
    savingsOrder: KES(25_000),
    accounts: [
      {
        type: 'current',
        currency: 'KES',
        nickname: 'Main account',
        profile: 'personal-current',
        overdraftLimit: KES(20_000),
        comfort: KES(60_000),
        weight: 10,
      },
      {
        type: 'savings',
        currency: 'KES',
        nickname: 'Akiba savings',
        profile: 'personal-savings',
        overdraftLimit: 0n,
        comfort: KES(150_000),
        weight: 1.2,
      },
      {
        type: 'savings',
        currency: 'USD',
        nickname: 'Dollar savings',
        profile: 'usd-savings',
        overdraftLimit: 0n,
        comfort: USD(1_500),
        weight: 0.3,
      },
    ],
  },
  {
    username: 'otieno',
    password: 'sandbox-otieno-2026',
    name: 'Brian Otieno Odhiambo',
    email: 'brian.otieno@example.co.ke',
    phone: '+254722456702',
    fibre: { provider: 'Zuku Home Fibre', amount: KES(2_799) },
    convertsUsd: true,
    accounts: [
      {
        type: 'current',
        currency: 'KES',
        nickname: 'Everyday',
        profile: 'personal-current',
        overdraftLimit: 0n,
        comfort: KES(40_000),
        weight: 8,
      },
      {
        type: 'savings',
        currency: 'KES',
        nickname: 'Rainy day',
        profile: 'personal-savings',
        overdraftLimit: 0n,
        comfort: KES(80_000),
        weight: 1,
      },
      {
        type: 'current',
        currency: 'USD',
        nickname: 'Freelance payouts',
        profile: 'freelance-usd',
        overdraftLimit: 0n,
        comfort: USD(2_500),
        weight: 2.5,
      },
      {
        type: 'savings',
        currency: 'USD',
        nickname: 'Dollar reserve',
        profile: 'usd-savings',
        overdraftLimit: 0n,
        comfort: USD(3_000),
        weight: 0.4,
      },
    ],
  },
  {
    username: 'achieng',
    password: 'sandbox-achieng-2026',
    name: 'Mercy Achieng Ouma',
    email: 'mercy.achieng@example.co.ke',
    phone: '+254733567803',
    salary: { employer: 'Teachers Service Commission', net: KES(68_500), payday: 21 },
    water: true,
    savingsOrder: KES(5_000),
    accounts: [
      {
        type: 'current',
        currency: 'KES',
        nickname: 'Salary account',
        profile: 'personal-current',
        overdraftLimit: KES(10_000),
        comfort: KES(20_000),
        weight: 9,
      },
      {
        type: 'savings',
        currency: 'KES',
        nickname: 'School fees savings',
        profile: 'personal-savings',
        overdraftLimit: 0n,
        comfort: KES(30_000),
        weight: 0.8,
      },
    ],
  },
  {
    username: 'kamau',
    password: 'sandbox-kamau-2026',
    name: 'Peter Kamau Kariuki',
    email: 'peter.kamau@example.co.ke',
    phone: '+254711678904',
    salary: { employer: 'KCB Group', net: KES(142_000), payday: 25 },
    fibre: { provider: 'Zuku Home Fibre', amount: KES(4_199) },
    savingsOrder: KES(20_000),
    accounts: [
      {
        type: 'current',
        currency: 'KES',
        nickname: 'Current account',
        profile: 'personal-current',
        overdraftLimit: KES(50_000),
        comfort: KES(50_000),
        weight: 10,
      },
      {
        type: 'savings',
        currency: 'KES',
        nickname: 'Savings',
        profile: 'personal-savings',
        overdraftLimit: 0n,
        comfort: KES(120_000),
        weight: 1,
      },
      {
        type: 'current',
        currency: 'USD',
        nickname: 'Travel dollars',
        profile: 'personal-usd',
        overdraftLimit: 0n,
        comfort: USD(800),
        weight: 0.8,
      },
    ],
  },
  {
    username: 'mwangi',
    password: 'sandbox-mwangi-2026',
    name: 'David Mwangi Githinji',
    email: 'david.mwangi@example.co.ke',
    phone: '+254701789005',
    salary: { employer: 'Kenya Revenue Authority', net: KES(96_000), payday: 23 },
    fibre: { provider: 'Safaricom Home Fibre', amount: KES(2_999) },
    water: true,
    savingsOrder: KES(10_000),
    accounts: [
      {
        type: 'current',
        currency: 'KES',
        nickname: 'Main account',
        profile: 'personal-current',
        overdraftLimit: 0n,
        comfort: KES(30_000),
        weight: 9,
      },
      {
        type: 'savings',
        currency: 'KES',
        nickname: 'Plot savings',
        profile: 'personal-savings',
        overdraftLimit: 0n,
        comfort: KES(60_000),
        weight: 0.8,
      },
    ],
  },
  {
    username: 'biashara',
    password: 'sandbox-biashara-2026',
    name: 'Biashara Bora Traders Ltd',
    email: 'accounts.biashara@example.co.ke',
    phone: '+254720890106',
    water: true,
    business: {
      rent: KES(85_000),
      landlord: 'Wambui Properties Ltd',
      staff: [
        { name: 'Joseph Kiprono', phone: '0712 204 118', pay: KES(28_000) },
        { name: 'Esther Nyambura', phone: '0725 339 871', pay: KES(26_500) },
        { name: 'Samuel Omondi', phone: '0790 442 015', pay: KES(24_000) },
        { name: 'Halima Abdi', phone: '0741 886 230', pay: KES(31_000) },
      ],
    },
    accounts: [
      {
        type: 'current',
        currency: 'KES',
        nickname: 'Operating account',
        profile: 'business-current',
        overdraftLimit: KES(500_000),
        comfort: KES(400_000),
        weight: 16,
      },
      {
        type: 'current',
        currency: 'USD',
        nickname: 'Import account',
        profile: 'business-usd',
        overdraftLimit: 0n,
        comfort: USD(5_000),
        weight: 1,
      },
    ],
  },
];

/** The public sandbox credentials: every seeded customer signs in with these. */
export const SANDBOX_CUSTOMERS: readonly SandboxCredentials[] = Object.freeze(
  CUSTOMER_PLANS.map(({ username, password, name, email, phone }) =>
    Object.freeze({ username, password, name, email, phone }),
  ),
);
