/**
 * @module Checks a payment request before anything is stored, each failure a problem naming its
 * field: the creditor's form, the amount (positive, the currency's scale), the debtor account
 * (covered by the consent, open, in the payment's currency), the consent's limit, and the creditor
 * account when it is in this bank. Resolves the ledger account to credit and the fee.
 */
import type { CustomerAccess } from '../gateway/index.ts';
import { AppError, type ErrorCode, parseAmount } from '../platform/index.ts';
import { beneficiaryKey } from '../risk/index.ts';
import type { PaymentsContext } from './context.ts';
import type { Creditor, Payment, PaymentRequest } from './types.ts';

/** The request's fields as the payment will hold them. */
export type ValidPayment = Pick<
  Payment,
  'debtorAccountId' | 'creditor' | 'creditAccountId' | 'beneficiary' | 'amount' | 'fee' | 'currency'
> & {
  /** The debtor account's available balance now (the risk engine's balance-drain rule reads it). */
  readonly available: bigint;
};

const refuse = (code: ErrorCode, path: string, message: string, detail?: string): AppError =>
  new AppError(code, detail ?? `${path.replace('/body/', '')} ${message}`, { errors: [{ path, message }] });

function creditorOf(body: PaymentRequest): Creditor {
  const c = body.creditor;
  if (c.mobile_number !== undefined && c.account_number === undefined && c.bank_code === undefined) {
    return { name: c.name, accountNumber: null, bankCode: null, mobileNumber: c.mobile_number };
  }
  if (c.mobile_number === undefined && c.account_number !== undefined && c.bank_code !== undefined) {
    return { name: c.name, accountNumber: c.account_number, bankCode: c.bank_code, mobileNumber: null };
  }
  throw refuse(
    'VALIDATION_FAILED',
    '/body/creditor',
    'needs account_number with bank_code, or mobile_number',
  );
}

async function creditAccount(
  ctx: PaymentsContext,
  creditor: Creditor,
  debtorAccountId: string,
  currency: string,
): Promise<string> {
  if (creditor.mobileNumber !== null) return ctx.internalAccountId('clearing', currency);
  if (creditor.bankCode !== ctx.settings.bankCode) return ctx.internalAccountId('settlement', currency);
  const path = '/body/creditor/account_number';
  const account = await ctx.accountByNumber(creditor.accountNumber!);
  if (account?.kind !== 'customer') {
    throw refuse('CREDITOR_ACCOUNT_NOT_FOUND', path, 'is not an account of this bank');
  }
  if (account.id === debtorAccountId) throw refuse('SAME_ACCOUNT', path, 'is the debtor account');
  if (account.currency !== currency)
    throw refuse('CURRENCY_MISMATCH', path, `is an account in ${account.currency}`);
  if (account.status !== 'open') throw refuse('ACCOUNT_NOT_OPEN', path, `is ${account.status}`);
  return account.id;
}

export async function validatePayment(
  ctx: PaymentsContext,
  access: CustomerAccess,
  body: PaymentRequest,
): Promise<ValidPayment> {
  const creditor = creditorOf(body);
  const { currency } = body.amount;
  const amount = parseAmount(body.amount.amount, currency, { path: '/body/amount/amount' });
  const debtorAccountId = body.debtor_account_id;
  const notConsented = () =>
    refuse(
      'ACCOUNT_NOT_CONSENTED',
      '/body/debtor_account_id',
      'is not an account the consent covers',
      `The consent does not cover account ${debtorAccountId}`,
    );
  if (!access.consent.accountIds.includes(debtorAccountId)) throw notConsented();
  const { account, balance } = await ctx.account(debtorAccountId).catch((err) => {
    throw err instanceof AppError && err.code === 'ACCOUNT_NOT_FOUND' ? notConsented() : err;
  });
  if (account.customerId !== access.customerId) throw notConsented();
  if (account.status !== 'open')
    throw refuse('ACCOUNT_NOT_OPEN', '/body/debtor_account_id', `is ${account.status}`);
  if (account.currency !== currency) {
    throw refuse(
      'CURRENCY_MISMATCH',
      '/body/amount/currency',
      `must be ${account.currency}, the account's currency`,
    );
  }
  const limit = access.consent.maxAmount;
  if (limit) {
    if (limit.currency !== currency) {
      throw refuse(
        'CURRENCY_MISMATCH',
        '/body/amount/currency',
        `must be ${limit.currency}, the consent's currency`,
      );
    }
    if (amount > BigInt(limit.minor)) {
      throw refuse(
        'AMOUNT_ABOVE_CONSENT_LIMIT',
        '/body/amount/amount',
        "is above the consent's payment limit",
      );
    }
  }
  const creditAccountId = await creditAccount(ctx, creditor, debtorAccountId, currency);
  const beneficiary = beneficiaryKey(
    creditor.mobileNumber !== null
      ? { mobileNumber: creditor.mobileNumber }
      : { accountNumber: creditor.accountNumber!, bankCode: creditor.bankCode! },
  );
  return {
    debtorAccountId,
    creditor,
    creditAccountId,
    beneficiary,
    amount,
    fee: ctx.settings.fees[currency] ?? 0n,
    currency,
    available: balance.available,
  };
}
