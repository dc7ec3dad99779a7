/** @module Public door of exact money. */
export { currencies, isCurrency } from './currencies.ts';
export {
  exponentOf,
  formatAmount,
  fromDto,
  MAX_AMOUNT_MINOR,
  type Money,
  type MoneyDto,
  minorFromDb,
  type ParseOptions,
  parseAmount,
  toDto,
} from './money.ts';
