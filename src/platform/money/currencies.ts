/**
 * @module ISO 4217 currencies the platform accepts, with their minor-unit exponent.
 * The one table every money conversion reads; add a row to support a currency.
 */

export const currencies: Readonly<Record<string, number>> = Object.freeze({
  KES: 2, // Kenyan shilling
  UGX: 0, // Ugandan shilling
  TZS: 2, // Tanzanian shilling
  RWF: 0, // Rwandan franc
  BIF: 0, // Burundian franc
  ETB: 2, // Ethiopian birr
  SOS: 2, // Somali shilling
  SSP: 2, // South Sudanese pound
  CDF: 2, // Congolese franc
  ZAR: 2, // South African rand
  NGN: 2, // Nigerian naira
  GHS: 2, // Ghanaian cedi
  XOF: 0, // West African CFA franc
  XAF: 0, // Central African CFA franc
  USD: 2,
  EUR: 2,
  GBP: 2,
  CHF: 2,
  CNY: 2,
  INR: 2,
  AED: 2,
  JPY: 0,
  BHD: 3,
  KWD: 3,
});

export const isCurrency = (code: string): boolean => Object.hasOwn(currencies, code);
