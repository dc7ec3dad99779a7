/**
 * @module A core-banking transaction as the API shows it: an unsigned amount with its direction,
 * decimal money strings, and the booking fields null while the transaction is pending.
 */
import type { Transaction } from '../core-banking/index.ts';
import { toDto } from '../platform/index.ts';

export function toTransaction(t: Transaction) {
  const money = (minor: bigint) => toDto({ minor, currency: t.currency });
  const booked = t.status === 'booked' ? t : null;
  return {
    id: t.id,
    amount: money(t.amount < 0n ? -t.amount : t.amount),
    credit_debit: t.creditDebit,
    status: t.status,
    booked_at: booked?.bookedAt ?? null,
    value_date: booked?.valueDate ?? null,
    authorised_at: t.authorisedAt,
    description: t.description,
    counterparty: t.counterparty,
    balance_after: booked ? money(booked.balanceAfter) : null,
    reference: t.reference,
    category: t.category,
    merchant: t.merchant,
  };
}
