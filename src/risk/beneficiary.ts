/**
 * @module One name per payee, whichever way it was written: `bank:<bank code>:<account number>` or
 * `mobile:<E.164 number>`. Counters, known payees and the block list are keyed by it.
 */

export type Payee =
  | { readonly accountNumber: string; readonly bankCode: string }
  | { readonly mobileNumber: string };

export function beneficiaryKey(payee: Payee): string {
  if ('mobileNumber' in payee) return `mobile:${payee.mobileNumber.replace(/[\s-]/g, '')}`;
  return `bank:${payee.bankCode.trim()}:${payee.accountNumber.replace(/[\s-]/g, '')}`;
}

const KEY = /^(?:bank:\d{2,6}:\d{6,20}|mobile:\+[1-9]\d{7,14})$/;

/** True for a well-formed beneficiary key (the operator API and the CLI take them). */
export const isBeneficiaryKey = (value: string): boolean => KEY.test(value);
