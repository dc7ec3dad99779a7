/** @module JSON schemas of the Payments API (closed request bodies, snake_case). */
import { Type } from 'typebox';
import { LinksSchema, MoneySchema } from '../platform/index.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T, description?: string) =>
  Type.Union([schema, Type.Null()], description ? { description } : {});

export const Status = Type.Union(
  [
    Type.Literal('pending'),
    Type.Literal('under_review'),
    Type.Literal('completed'),
    Type.Literal('rejected'),
  ],
  { description: '`pending → under_review → completed | rejected`, or `pending → completed | rejected`' },
);
const IsoStatus = Type.String({
  description:
    'ISO 20022 status: PDNG (pending, or under review), ACSP (accepted, settlement in process), ACSC (settled), RJCT (rejected)',
  examples: ['ACSC'],
});

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.String({
    minLength: 1,
    maxLength: 40,
    pattern: '^[\\x21-\\x7E]+$',
    description:
      'Required. 1–40 printable characters, unique per payment for your app: a retry with the same key and body gets the first answer again; the same key with another body is a 422; while the first is in progress, a 409. Keys are kept at least 24 hours.',
  }),
});

export const CreatePaymentBody = Type.Object(
  {
    debtor_account_id: Type.String({
      pattern: '^acc_[0-9A-HJKMNP-TV-Z]{26}$',
      description: 'The account to pay from; the consent must cover it',
    }),
    creditor: Type.Object(
      {
        name: Type.String({ minLength: 1, maxLength: 140 }),
        account_number: Type.Optional(
          Type.String({ pattern: '^[0-9]{6,20}$', description: 'With `bank_code`: a bank account' }),
        ),
        bank_code: Type.Optional(
          Type.String({
            pattern: '^[0-9]{2,6}$',
            description: "The creditor's bank; this bank's own code credits the account inside the bank",
          }),
        ),
        mobile_number: Type.Optional(
          Type.String({
            pattern: '^\\+[1-9][0-9]{7,14}$',
            description: 'Instead of an account: a mobile-money wallet (E.164, e.g. `+254712345678`)',
          }),
        ),
      },
      { additionalProperties: false },
    ),
    amount: MoneySchema,
    reference: Type.String({
      minLength: 1,
      maxLength: 35,
      description: 'Your reference for the payment (ISO 20022 end-to-end id length)',
    }),
    description: Type.Optional(Type.String({ minLength: 1, maxLength: 140 })),
  },
  { additionalProperties: false },
);

const HistoryEntry = Type.Object({
  at: Type.String({ format: 'date-time' }),
  status: Status,
  iso_status: IsoStatus,
  reason_code: Nullable(Type.String()),
  reason: Type.String(),
});

export const PaymentSchema = Type.Object({
  id: Type.String({ examples: ['pay_01JD5V6Q8ZK3M2N4P5R6S7T8V9'] }),
  status: Status,
  iso_status: IsoStatus,
  status_reason: Nullable(
    Type.Object({
      code: Type.String({ examples: ['INSUFFICIENT_FUNDS'] }),
      iso_code: Type.String({ description: 'ISO 20022 status reason', examples: ['AM04'] }),
      detail: Type.String(),
    }),
    'Why the payment was rejected',
  ),
  debtor_account_id: Type.String(),
  creditor: Type.Object({
    name: Type.String(),
    account_number: Type.Optional(Type.String()),
    bank_code: Type.Optional(Type.String()),
    mobile_number: Type.Optional(Type.String()),
  }),
  amount: MoneySchema,
  fee: MoneySchema,
  reference: Type.String(),
  description: Nullable(Type.String()),
  status_history: Type.Array(HistoryEntry, { description: 'Every status change, oldest first' }),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
  links: Type.Object({ self: Type.String() }),
});

export const PaymentParams = Type.Object({
  payment_id: Type.String({ pattern: '^pay_[0-9A-HJKMNP-TV-Z]{26}$', description: 'Payment id, `pay_…`' }),
});

export const PaymentListQuery = Type.Object({
  status: Type.Optional(Status),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
});

export const PaymentList = Type.Object({ data: Type.Array(PaymentSchema), links: LinksSchema });
