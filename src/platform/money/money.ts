/**
 * @module Exact money: integer minor units (bigint) inside, decimal strings outside.
 * `parseAmount` is the only way a decimal string becomes an amount; no floating point anywhere.
 */
import { AppError } from '../errors/index.ts';
import { currencies, isCurrency } from './currencies.ts';

/** Money as it appears on the wire: `{ "amount": "1500.00", "currency": "KES" }`. */
export interface MoneyDto {
  readonly amount: string;
  readonly currency: string;
}

/** Money inside the platform. */
export interface Money {
  readonly minor: bigint;
  readonly currency: string;
}

export interface ParseOptions {
  /** Where the amount came from, for the problem document, for example `/body/amount`. */
  readonly path?: string;
  readonly allowNegative?: boolean;
  readonly allowZero?: boolean;
}

const DECIMAL = /^(-?)(0|[1-9]\d{0,17})(?:\.(\d{1,18}))?$/;

/**
 * The largest amount, in minor units, that the platform takes (about 10^15: a quadrillion cents).
 * Balances and sums of amounts are 64-bit integers in the database; this leaves them thousands of
 * times the headroom, so that no amount a client sends can overflow a column or a sum.
 */
export const MAX_AMOUNT_MINOR = 999_999_999_999_999n;

export function exponentOf(currency: string, path = '/currency'): number {
  if (!isCurrency(currency)) {
    throw new AppError('UNSUPPORTED_CURRENCY', `Currency ${JSON.stringify(currency)} is not supported`, {
      errors: [{ path, message: 'must be a supported ISO 4217 currency code' }],
    });
  }
  return currencies[currency] as number;
}

/** Parses a decimal string in a currency into minor units; rejects wrong scale and bad input with 400. */
export function parseAmount(decimal: string, currency: string, options: ParseOptions = {}): bigint {
  const path = options.path ?? '/amount';
  const exponent = exponentOf(currency, `${path.replace(/\/amount$/, '')}/currency`);
  const bad = (message: string): never => {
    throw new AppError('INVALID_AMOUNT', `Amount ${JSON.stringify(decimal)} ${message}`, {
      errors: [{ path, message }],
    });
  };
  const match = typeof decimal === 'string' ? DECIMAL.exec(decimal) : null;
  if (!match) return bad('must be a decimal number such as "1500.00"');
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > exponent) {
    return bad(`has more than ${exponent} decimal places for ${currency}`);
  }
  const minor = BigInt(`${whole}${fraction.padEnd(exponent, '0')}`) * (sign === '-' ? -1n : 1n);
  if (minor < 0n && !options.allowNegative) return bad('must not be negative');
  if (minor === 0n && !options.allowZero) return bad('must be greater than zero');
  if (minor > MAX_AMOUNT_MINOR || -minor > MAX_AMOUNT_MINOR) {
    return bad(`must be at most ${formatAmount(MAX_AMOUNT_MINOR, currency)} in ${currency}`);
  }
  return minor;
}

/** Prints minor units as a decimal string with exactly the currency's scale: 150000n KES → "1500.00". */
export function formatAmount(minor: bigint, currency: string): string {
  const exponent = exponentOf(currency);
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent > 0 ? `.${digits.slice(digits.length - exponent)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

export const toDto = (money: Money): MoneyDto => ({
  amount: formatAmount(money.minor, money.currency),
  currency: money.currency,
});

export const fromDto = (dto: MoneyDto, options: ParseOptions = {}): Money => ({
  minor: parseAmount(dto.amount, dto.currency, options),
  currency: dto.currency,
});

/** Reads an integer column from either database driver (number, bigint or numeric string) exactly. */
export function minorFromDb(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
  if (value === null || value === undefined) return 0n;
  throw new TypeError(`Not an integer amount: ${String(value)}`);
}
