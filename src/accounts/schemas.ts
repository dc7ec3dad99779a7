/** @module JSON schemas of the Accounts & Transactions API. */
import { type TSchema, Type } from 'typebox';
import { LinksSchema, MoneySchema, YEAR_1900_ON } from '../platform/index.ts';

const AccountFields = {
  id: Type.String({ examples: ['acc_01DXF6FMK0SZVACKJVE1VWM247'] }),
  type: Type.String({ examples: ['current'] }),
  currency: Type.String({ examples: ['KES'] }),
  nickname: Type.String(),
  masked_account_number: Type.String({ examples: ['•••• 4655'] }),
  status: Type.String({ examples: ['open'] }),
  opened_on: Type.String({ format: 'date' }),
};

export const AccountDetail = Type.Object({ ...AccountFields, account_number: Type.String() });
export const AccountList = Type.Object({ data: Type.Array(Type.Object(AccountFields)), links: LinksSchema });

export const BalanceSchema = Type.Object({
  account_id: Type.String(),
  current: MoneySchema,
  available: MoneySchema,
  credit_line: MoneySchema,
  as_of: Type.String({ format: 'date-time' }),
});

const Nullable = <T extends TSchema>(schema: T, description: string) =>
  Type.Union([schema, Type.Null()], { description });

export const TransactionSchema = Type.Object({
  id: Type.String({
    description: 'Stable: a pending card authorisation keeps its id when it books',
    examples: ['txn_01JD5V6Q8ZK3M2N4P5R6S7T8V9'],
  }),
  amount: MoneySchema,
  credit_debit: Type.Union([Type.Literal('credit'), Type.Literal('debit')]),
  status: Type.Union([Type.Literal('booked'), Type.Literal('pending')], {
    description: '`pending`: funds reserved by a card authorisation, not yet booked',
  }),
  booked_at: Nullable(Type.String({ format: 'date-time' }), 'When it was booked; null while pending'),
  value_date: Nullable(Type.String({ format: 'date' }), 'Null while pending'),
  authorised_at: Nullable(
    Type.String({ format: 'date-time' }),
    'When a card authorisation reserved the funds; null for lines without one',
  ),
  description: Type.String(),
  counterparty: Type.Union([Type.String(), Type.Null()]),
  balance_after: Nullable(MoneySchema, 'The booked balance after this line; null while pending'),
  reference: Type.String({
    description:
      "The bank's reference of the booking (both sides of a transfer share it); the authorisation's while pending",
  }),
  category: Nullable(Type.String(), 'Spending category, for example `groceries`'),
  merchant: Nullable(
    Type.String(),
    'The card acceptor, for card purchases and refunds; null for everything else and for lines booked before merchants were recorded',
  ),
});

export const TransactionList = Type.Object({ data: Type.Array(TransactionSchema), links: LinksSchema });

export const TransactionSyncQuery = Type.Object(
  {
    cursor: Type.Optional(
      Type.String({ maxLength: 200, description: '`next_cursor` of the previous call; omit for the first' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);

export const TransactionSync = Type.Object({
  added: Type.Array(TransactionSchema, { description: 'Transactions new to the cursor' }),
  modified: Type.Array(TransactionSchema, {
    description: 'Transactions the cursor has seen pending and that are now booked (same id)',
  }),
  removed: Type.Array(Type.Object({ id: Type.String() }), {
    description: 'Pending transactions that will not book (a released authorisation)',
  }),
  next_cursor: Type.String({ description: 'Keep it: the next call starts here' }),
  has_more: Type.Boolean({ description: 'Call again with `next_cursor` right away' }),
  links: LinksSchema,
});

export const AccountParams = Type.Object({ account_id: Type.String({ pattern: '^acc_[0-9A-Z]{26}$' }) });

const Decimal = Type.String({ pattern: '^(0|[1-9][0-9]{0,17})(\\.[0-9]{1,18})?$', maxLength: 40 });

export const TransactionQuery = Type.Object(
  {
    from: Type.Optional(
      Type.String({
        format: 'date',
        pattern: YEAR_1900_ON,
        description: 'Booked on or after this date (inclusive)',
      }),
    ),
    to: Type.Optional(
      Type.String({
        format: 'date',
        pattern: YEAR_1900_ON,
        description: 'Booked on or before this date (inclusive)',
      }),
    ),
    type: Type.Optional(Type.Union([Type.Literal('credit'), Type.Literal('debit')])),
    min_amount: Type.Optional(Decimal),
    max_amount: Type.Optional(Decimal),
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'Text in the description or counterparty' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
