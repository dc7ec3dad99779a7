/**
 * @module The payments module's Prometheus metrics: payments by status reached, rejections by
 * reason, idempotent retries by what they got, and interrupted payments finished by recovery.
 */
import { Counter, type Registry } from 'prom-client';

export interface PaymentMetrics {
  readonly statuses: Counter<'status'>;
  readonly rejections: Counter<'reason'>;
  readonly retries: Counter<'outcome'>;
  readonly recovered: Counter<'phase'>;
}

export function paymentMetrics(registry: Registry): PaymentMetrics {
  const registers = [registry];
  return {
    statuses: new Counter({
      name: 'wekeza_payments_total',
      help: 'Payments reaching each status (pending when created, then under_review, completed or rejected)',
      labelNames: ['status'] as const,
      registers,
    }),
    rejections: new Counter({
      name: 'wekeza_payment_rejections_total',
      help: 'Rejected payments by reason code',
      labelNames: ['reason'] as const,
      registers,
    }),
    retries: new Counter({
      name: 'wekeza_payment_idempotent_requests_total',
      help: 'Requests whose Idempotency-Key was known: replayed, in_flight (409), mismatch (422), resumed',
      labelNames: ['outcome'] as const,
      registers,
    }),
    recovered: new Counter({
      name: 'wekeza_payments_recovered_total',
      help: 'Interrupted payments finished or released by recovery, by the phase they were found in',
      labelNames: ['phase'] as const,
      registers,
    }),
  };
}
