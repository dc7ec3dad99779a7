/** @module Public door of exact money. */
export { currencies, isCurrency } from './currencies.ts';
export {
  exponentOf,
  formatAmount,
  fromDto,
  type Money,
  type MoneyDto,
  minorFromDb,
  type ParseOptions,
  parseAmount,
  toDto,
} from './money.ts';
