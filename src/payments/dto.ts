/** @module A payment as the API and its events show it (snake_case, money as decimal strings). */
import { toDto } from '../platform/index.ts';
import { REASONS } from './iso20022.ts';
import type { Payment } from './types.ts';

export function toPaymentDto(p: Payment, publicUrl: string) {
  const money = (minor: bigint) => toDto({ minor, currency: p.currency });
  const c = p.creditor;
  return {
    id: p.id,
    status: p.status,
    iso_status: p.isoStatus,
    status_reason: p.reasonCode
      ? {
          code: p.reasonCode,
          iso_code: REASONS[p.reasonCode].iso,
          detail: p.reason ?? REASONS[p.reasonCode].text,
        }
      : null,
    debtor_account_id: p.debtorAccountId,
    creditor: {
      name: c.name,
      ...(c.accountNumber === null ? {} : { account_number: c.accountNumber }),
      ...(c.bankCode === null ? {} : { bank_code: c.bankCode }),
      ...(c.mobileNumber === null ? {} : { mobile_number: c.mobileNumber }),
    },
    amount: money(p.amount),
    fee: money(p.fee),
    reference: p.reference,
    description: p.description,
    status_history: p.history.map((h) => ({
      at: h.at,
      status: h.to,
      iso_status: h.isoStatus,
      reason_code: h.reasonCode,
      reason: h.reason,
    })),
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    links: { self: `${publicUrl}/v1/payments/${p.id}` },
  };
}

export type PaymentDto = ReturnType<typeof toPaymentDto>;
