/**
 * @module The rule parameters in force: the built-in defaults merged with `WEKEZA_RISK_RULES`
 * (objects key by key, arrays replaced), checked once at start and frozen, amounts turned into
 * minor units. An unknown rule or parameter, or a bad value, stops the start with its path named.
 */
import { isCurrency, parseAmount } from '../platform/index.ts';
import { DEFAULT_RULES } from './defaults.ts';

/** Minor units by currency; a currency without an entry is not checked. */
export type AmountTable = Readonly<Record<string, bigint>>;

export interface VelocityLimit {
  readonly seconds: number;
  readonly count: number;
  readonly sum: AmountTable;
}

export interface RiskRules {
  readonly amount: { readonly review: AmountTable; readonly decline: AmountTable; readonly points: number };
  readonly accountVelocity: { readonly limits: readonly VelocityLimit[]; readonly points: number };
  readonly appVelocity: { readonly limits: readonly VelocityLimit[]; readonly points: number };
  readonly newBeneficiary: {
    readonly points: number;
    readonly largeAmount: AmountTable;
    readonly largePoints: number;
  };
  readonly unusualHour: { readonly minHistory: number; readonly maxShare: number; readonly points: number };
  readonly balanceDrain: { readonly share: number; readonly minAmount: AmountTable; readonly points: number };
  readonly consentAge: { readonly minutes: number; readonly points: number };
  readonly rapidRepeat: { readonly seconds: number; readonly count: number; readonly points: number };
  readonly muleBeneficiary: { readonly hours: number; readonly payers: number; readonly points: number };
  readonly roundAmountBurst: {
    readonly seconds: number;
    readonly count: number;
    readonly unit: AmountTable;
    readonly points: number;
  };
}

export class RiskRulesError extends Error {
  constructor(path: string, message: string) {
    super(`WEKEZA_RISK_RULES: ${path} ${message}`);
    this.name = 'RiskRulesError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** The keys whose values are amount tables (currency → decimal string). */
const AMOUNT_TABLES = new Set(['review', 'decline', 'sum', 'largeAmount', 'minAmount', 'unit']);
const SHARES = new Set(['share', 'maxShare']);
const MAX_SECONDS = 30 * 86400;

function number(path: string, key: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new RiskRulesError(path, 'must be a number');
  if (SHARES.has(key)) {
    if (value <= 0 || value > 1) throw new RiskRulesError(path, 'must be a share above 0 and at most 1');
    return value;
  }
  if (!Number.isInteger(value)) throw new RiskRulesError(path, 'must be a whole number');
  if (key === 'points' || key === 'largePoints') {
    if (value < 0 || value > 100) throw new RiskRulesError(path, 'must be between 0 and 100');
    return value;
  }
  const max = key === 'seconds' ? MAX_SECONDS : key === 'hours' ? MAX_SECONDS / 3600 : 1e9;
  if (value < 1 || value > max) throw new RiskRulesError(path, `must be between 1 and ${max}`);
  return value;
}

function amounts(path: string, value: unknown): AmountTable {
  if (!isObject(value)) throw new RiskRulesError(path, 'must be an object of currency → amount');
  const out: Record<string, bigint> = {};
  for (const [currency, amount] of Object.entries(value)) {
    if (!isCurrency(currency)) throw new RiskRulesError(`${path}.${currency}`, 'is not a supported currency');
    if (typeof amount !== 'string')
      throw new RiskRulesError(`${path}.${currency}`, 'must be a decimal string');
    try {
      out[currency] = parseAmount(amount, currency);
    } catch {
      throw new RiskRulesError(`${path}.${currency}`, `must be a positive amount in ${currency}`);
    }
  }
  return Object.freeze(out);
}

/** Merges `override` into `base` (the defaults' shape), converting and checking every leaf. */
function resolve(path: string, key: string, base: unknown, override: unknown): unknown {
  if (AMOUNT_TABLES.has(key)) {
    const merged = override === undefined ? base : { ...(base as object), ...(override as object) };
    if (override !== undefined && !isObject(override)) {
      throw new RiskRulesError(path, 'must be an object of currency → amount');
    }
    return amounts(path, merged);
  }
  if (Array.isArray(base)) {
    const items = override === undefined ? base : override;
    if (!Array.isArray(items) || items.length === 0)
      throw new RiskRulesError(path, 'must be a non-empty array');
    // An item takes its missing numbers from the first default item; missing amount tables are empty.
    const template = Object.fromEntries(
      Object.entries(base[0] as object).map(([k, v]) => [k, AMOUNT_TABLES.has(k) ? {} : v]),
    );
    return Object.freeze(items.map((item, i) => resolve(`${path}[${i}]`, key, template, item ?? null)));
  }
  if (isObject(base)) {
    if (override !== undefined && !isObject(override)) throw new RiskRulesError(path, 'must be an object');
    const given = (override ?? {}) as Record<string, unknown>;
    for (const k of Object.keys(given)) {
      if (!(k in base))
        throw new RiskRulesError(path ? `${path}.${k}` : k, 'is not a known rule or parameter');
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(base)) out[k] = resolve(path ? `${path}.${k}` : k, k, v, given[k]);
    return Object.freeze(out);
  }
  return number(path, key, override === undefined ? base : override);
}

/** The defaults with these overrides applied, checked and frozen. */
export function resolveRules(overrides: Readonly<Record<string, unknown>> = {}): RiskRules {
  return resolve('', '', DEFAULT_RULES, overrides) as RiskRules;
}
