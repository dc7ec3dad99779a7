/**
 * @module The operator API (`/operator`, registered only when `WEKEZA_OPERATOR_KEY` is set; not in the
 * public API reference): the review queue, a payment with the risk decision that explains it, review
 * decisions, and the payee block list. The same actions are in the CLI (`wekeza payments review`,
 * `wekeza risk block`).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError, pageLinks, problems } from '../platform/index.ts';
import {
  type BeneficiaryBlock,
  beneficiaryKey,
  isBeneficiaryKey,
  type RiskService,
  type StoredDecision,
} from '../risk/index.ts';
import { operatorAuth } from './operator-auth.ts';
import { PaymentList, PaymentListQuery, PaymentParams, PaymentSchema, Status } from './schemas.ts';
import type { PaymentService } from './service.ts';

export interface OperatorRoutesOptions {
  readonly payments: PaymentService;
  readonly risk: RiskService;
  /** The platform's public URL, for list links. */
  readonly publicUrl: string;
  /** SHA-256 digest (base64url) of the operator key. */
  readonly keyDigest: string;
}

const Operator = Type.String({ minLength: 1, maxLength: 80, pattern: '^[\\x21-\\x7E]+$' });

const ReviewBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
    operator: Operator,
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  },
  { additionalProperties: false },
);

const BlockBody = Type.Object(
  {
    beneficiary: Type.Object(
      {
        account_number: Type.Optional(Type.String({ pattern: '^[0-9]{6,20}$' })),
        bank_code: Type.Optional(Type.String({ pattern: '^[0-9]{2,6}$' })),
        mobile_number: Type.Optional(Type.String({ pattern: '^\\+[1-9][0-9]{7,14}$' })),
      },
      { additionalProperties: false },
    ),
    reason: Type.String({ minLength: 1, maxLength: 500 }),
    operator: Operator,
  },
  { additionalProperties: false },
);

const Outcome = Type.Union([Type.Literal('approve'), Type.Literal('review'), Type.Literal('decline')]);
const Score = Type.Object({ score: Type.Number(), outcome: Outcome });
const Json = Type.Record(Type.String(), Type.Unknown());

const RiskDecisionSchema = Type.Object({
  id: Type.String(),
  payment_id: Type.String(),
  mode: Type.Union([Type.Literal('enforce'), Type.Literal('monitor')]),
  proposed: Outcome,
  outcome: Outcome,
  risk: Score,
  fraud: Score,
  hits: Type.Array(
    Type.Object({
      system: Type.Union([Type.Literal('risk'), Type.Literal('fraud')]),
      rule: Type.String(),
      points: Type.Number(),
      hard: Type.Boolean(),
      detail: Type.String(),
    }),
  ),
  timed_out: Type.Boolean(),
  facts: Json,
  signals: Type.Union([Json, Type.Null()]),
  decided_at: Type.String(),
  duration_ms: Type.Number(),
});

const OperatorPayment = Type.Object({
  payment: PaymentSchema,
  client_id: Type.String(),
  customer_id: Type.String(),
  consent_id: Type.String(),
  review: Type.Union([
    Type.Object({ by: Type.String(), note: Type.Union([Type.String(), Type.Null()]) }),
    Type.Null(),
  ]),
  status_history: Type.Array(
    Type.Object({ at: Type.String(), status: Status, reason: Type.String(), actor: Type.String() }),
  ),
  risk_decision: RiskDecisionSchema,
});

const BlockSchema = Type.Object({
  beneficiary: Type.String(),
  reason: Type.String(),
  actor: Type.String(),
  blocked_at: Type.String(),
});

const toDecisionDto = (d: StoredDecision) => ({
  id: d.id,
  payment_id: d.paymentId,
  mode: d.mode,
  proposed: d.proposed,
  outcome: d.outcome,
  risk: d.risk,
  fraud: d.fraud,
  hits: d.hits.map((h) => ({
    system: h.system,
    rule: h.rule,
    points: h.points,
    hard: h.hard === true,
    detail: h.detail,
  })),
  timed_out: d.timedOut,
  facts: d.facts,
  signals: d.signals,
  decided_at: d.decidedAt,
  duration_ms: d.durationMs,
});

const toBlockDto = (b: BeneficiaryBlock) => ({
  beneficiary: b.beneficiary,
  reason: b.reason,
  actor: b.actor,
  blocked_at: b.blockedAt,
});

export const operatorRoutes: FastifyPluginAsyncTypebox<OperatorRoutesOptions> = async (app, opts) => {
  const { payments, risk } = opts;
  app.addHook('onRequest', operatorAuth(opts.keyDigest));
  const hide = true;

  app.get(
    '/payments',
    {
      schema: {
        hide,
        querystring: PaymentListQuery,
        response: { 200: PaymentList, ...problems(400, 401) },
      },
    },
    async (request) => {
      const { status, cursor, limit = 50 } = request.query;
      const page = await payments.listAll({
        limit,
        ...(status ? { status } : {}),
        ...(cursor ? { cursor } : {}),
      });
      return {
        data: page.data.map((p) => payments.toDto(p)),
        links: pageLinks(`${opts.publicUrl}/operator/payments`, request.query, page.nextCursor),
      };
    },
  );

  app.get(
    '/payments/:payment_id',
    {
      schema: { hide, params: PaymentParams, response: { 200: OperatorPayment, ...problems(400, 401, 404) } },
    },
    async (request) => {
      const payment = await payments.find(request.params.payment_id);
      const decision = await payments.decisionOf(payment.id);
      return {
        payment: payments.toDto(payment),
        client_id: payment.clientId,
        customer_id: payment.customerId,
        consent_id: payment.consentId,
        review: payment.reviewActor ? { by: payment.reviewActor, note: payment.reviewNote } : null,
        status_history: payment.history.map((h) => ({
          at: h.at,
          status: h.to,
          reason: h.reason,
          actor: h.actor,
        })),
        risk_decision: toDecisionDto(decision),
      };
    },
  );

  app.post(
    '/payments/:payment_id/review',
    {
      schema: {
        hide,
        params: PaymentParams,
        body: ReviewBody,
        response: { 200: PaymentSchema, ...problems(400, 401, 404, 409) },
      },
    },
    async (request) => {
      const { decision, operator, note } = request.body;
      return payments.toDto(await payments.review(request.params.payment_id, decision, operator, note));
    },
  );

  app.get(
    '/risk/blocks',
    { schema: { hide, response: { 200: Type.Object({ data: Type.Array(BlockSchema) }), ...problems(401) } } },
    async () => ({ data: (await risk.blocks()).map(toBlockDto) }),
  );

  app.post(
    '/risk/blocks',
    { schema: { hide, body: BlockBody, response: { 201: BlockSchema, ...problems(400, 401) } } },
    async (request, reply) => {
      const { beneficiary: b, reason, operator } = request.body;
      const payee =
        b.mobile_number !== undefined && b.account_number === undefined && b.bank_code === undefined
          ? { mobileNumber: b.mobile_number }
          : b.mobile_number === undefined && b.account_number !== undefined && b.bank_code !== undefined
            ? { accountNumber: b.account_number, bankCode: b.bank_code }
            : undefined;
      if (!payee) {
        throw new AppError(
          'VALIDATION_FAILED',
          'beneficiary needs account_number with bank_code, or mobile_number',
          {
            errors: [
              { path: '/body/beneficiary', message: 'needs account_number with bank_code, or mobile_number' },
            ],
          },
        );
      }
      const block = await risk.block(beneficiaryKey(payee), reason, `operator:${operator}`);
      return reply.code(201).send(toBlockDto(block));
    },
  );

  app.delete(
    '/risk/blocks/:beneficiary',
    {
      schema: {
        hide,
        params: Type.Object({ beneficiary: Type.String({ maxLength: 60 }) }),
        querystring: Type.Object({
          operator: Operator,
          reason: Type.Optional(Type.String({ maxLength: 500 })),
        }),
        response: { 204: Type.Null(), ...problems(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const { beneficiary } = request.params;
      if (!isBeneficiaryKey(beneficiary)) {
        throw new AppError('VALIDATION_FAILED', 'Not a beneficiary key such as mobile:+254712345678', {
          errors: [
            { path: '/params/beneficiary', message: 'must be bank:<code>:<number> or mobile:<E.164>' },
          ],
        });
      }
      const { operator, reason = 'Unblocked' } = request.query;
      const removed = await risk.unblock(beneficiary, reason, `operator:${operator}`);
      if (!removed) throw new AppError('BENEFICIARY_NOT_BLOCKED', `${beneficiary} is not blocked`);
      return reply.code(204).send(null);
    },
  );
};
