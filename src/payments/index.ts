/**
 * @module Public door of the payments module: the service, the Payments API and the operator API,
 * migrations, metrics and types.
 */
import type { ModuleMigrations } from '../platform/index.ts';
import { paymentsMigration } from './migrations/0001_payments.ts';
import { SCHEMA } from './tables.ts';

export {
  type PaymentSettings,
  type PaymentsBank,
  type PaymentsDeps,
  paymentSettingsOf,
  type Step,
} from './context.ts';
export { type PaymentDto, toPaymentDto } from './dto.ts';
export type { Initiated } from './initiate.ts';
export { type PaymentMetrics, paymentMetrics } from './metrics.ts';
export { type OperatorRoutesOptions, operatorRoutes } from './operator-routes.ts';
export type { ReviewDecision } from './review.ts';
export { type PaymentRoutesOptions, paymentRoutes } from './routes.ts';
export { createPaymentService, type ListQuery, type PaymentService } from './service.ts';
export type * from './types.ts';

export const paymentsMigrations: ModuleMigrations = Object.freeze({
  module: SCHEMA,
  steps: [paymentsMigration],
});
