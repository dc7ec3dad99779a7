/** @module JSON schemas of the Accounts & Transactions API. */
import { Type } from 'typebox';
import { LinksSchema, MoneySchema } from '../platform/index.ts';

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

export const TransactionSchema = Type.Object({
  id: Type.String(),
  amount: MoneySchema,
  credit_debit: Type.Union([Type.Literal('credit'), Type.Literal('debit')]),
  status: Type.Literal('booked'),
  booked_at: Type.String({ format: 'date-time' }),
  value_date: Type.String({ format: 'date' }),
  description: Type.String(),
  counterparty: Type.Union([Type.String(), Type.Null()]),
  balance_after: MoneySchema,
  category: Type.Union([Type.String(), Type.Null()]),
});

export const TransactionList = Type.Object({ data: Type.Array(TransactionSchema), links: LinksSchema });

export const AccountParams = Type.Object({ account_id: Type.String({ pattern: '^acc_[0-9A-Z]{26}$' }) });

const Decimal = Type.String({ pattern: '^(0|[1-9][0-9]{0,17})(\\.[0-9]{1,18})?$', maxLength: 40 });

export const TransactionQuery = Type.Object(
  {
    from: Type.Optional(
      Type.String({ format: 'date', description: 'Booked on or after this date (inclusive)' }),
    ),
    to: Type.Optional(
      Type.String({ format: 'date', description: 'Booked on or before this date (inclusive)' }),
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
