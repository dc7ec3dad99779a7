/**
 * @module The Payments API (`/v1/payments`): initiate a payment from an account the consent covers
 * (customer token, scope `payments.write`, an `Idempotency-Key`), read one, list them. A payment of
 * another app or another consent is a 404.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { accessOf, type GatewayRoute } from '../gateway/index.ts';
import { isAppError, pageLinks, problems } from '../platform/index.ts';
import {
  CreatePaymentBody,
  IdempotencyHeaders,
  PaymentList,
  PaymentListQuery,
  PaymentParams,
  PaymentSchema,
} from './schemas.ts';
import type { PaymentService } from './service.ts';

export interface PaymentRoutesOptions {
  readonly payments: PaymentService;
  readonly publicUrl: string;
}

export const paymentRoutes: FastifyPluginAsyncTypebox<PaymentRoutesOptions> = async (app, opts) => {
  const { payments } = opts;
  const tags = ['payments'];
  const security = [{ customerToken: [] }];
  const config = { gateway: { token: 'customer', scope: 'payments.write' } satisfies GatewayRoute };

  app.post(
    '',
    {
      config,
      schema: {
        tags,
        security,
        summary: 'Pay from an account the consent covers',
        description:
          'Validated, scored by the risk engine and the fraud system, then booked. The answer is 201 with the ' +
          'payment as it stands: `completed` (the balance and transactions show it at once), `under_review` ' +
          '(funds held until an operator decides) or `rejected` (with `status_reason`). Retries with the same ' +
          '`Idempotency-Key` never pay twice.',
        headers: IdempotencyHeaders,
        body: CreatePaymentBody,
        response: { 201: PaymentSchema, ...problems(400, 401, 403, 409, 422, 429) },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      try {
        const { payment, replayed } = await payments.initiate(accessOf(request), key, request.body);
        if (replayed) reply.header('idempotent-replayed', 'true');
        reply.header('location', `${opts.publicUrl}/v1/payments/${payment.id}`);
        return reply.code(201).send(payments.toDto(payment));
      } catch (err) {
        if (isAppError(err) && err.code === 'IDEMPOTENCY_KEY_IN_FLIGHT') reply.header('retry-after', '1');
        throw err;
      }
    },
  );

  app.get(
    '/:payment_id',
    {
      config,
      schema: {
        tags,
        security,
        summary: 'A payment and its status history',
        params: PaymentParams,
        response: { 200: PaymentSchema, ...problems(400, 401, 403, 404, 429) },
      },
    },
    async (request) => payments.toDto(await payments.get(accessOf(request), request.params.payment_id)),
  );

  app.get(
    '',
    {
      config,
      schema: {
        tags,
        security,
        summary: "The payments made under this token's consent, newest first",
        description: 'Filter by `status`; follow `links.next` until it is null.',
        querystring: PaymentListQuery,
        response: { 200: PaymentList, ...problems(400, 401, 403, 429) },
      },
    },
    async (request) => {
      const { status, cursor, limit = 50 } = request.query;
      const page = await payments.list(accessOf(request), {
        limit,
        ...(status ? { status } : {}),
        ...(cursor ? { cursor } : {}),
      });
      return {
        data: page.data.map((p) => payments.toDto(p)),
        links: pageLinks(`${opts.publicUrl}/v1/payments`, request.query, page.nextCursor),
      };
    },
  );
};
