/**
 * @module JSON schemas of the consent API (snake_case, closed request bodies) and the mapping of a
 * consent to its JSON form. The OAuth grant id stays internal.
 */
import { type Static, Type } from 'typebox';
import { MoneySchema, parseAmount, toDto } from '../../platform/index.ts';
import { CONSENT_SCOPES, type Consent, type NewConsent } from '../types.ts';

const Timestamp = Type.String({ format: 'date-time' });
const Day = Type.String({ format: 'date', description: 'A booking date, `YYYY-MM-DD`' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Scope = Type.Enum([...CONSENT_SCOPES]);
const Status = Type.Enum(['awaiting_authorization', 'authorized', 'rejected', 'revoked', 'expired']);

export const ConsentIdParams = Type.Object({
  consent_id: Type.String({ pattern: '^cns_[0-9A-HJKMNP-TV-Z]{26}$', description: 'Consent id, `cns_…`' }),
});

export const CreateConsentBody = Type.Object(
  {
    scopes: Type.Array(Scope, {
      minItems: 1,
      uniqueItems: true,
      description: 'What the app asks to do; each must be granted to the app',
    }),
    expires_at: Type.String({
      format: 'date-time',
      description: 'RFC 3339; in the future and at most one year away',
    }),
    transaction_from_date: Type.Optional(Day),
    transaction_to_date: Type.Optional(Day),
    max_amount: Type.Optional({
      ...MoneySchema,
      description: 'Largest single payment allowed (payments.write only)',
    }),
  },
  { additionalProperties: false },
);

const HistoryEntrySchema = Type.Object({
  at: Timestamp,
  from: Nullable(Status),
  to: Status,
  actor: Type.String({ description: '`app:<client_id>`, `customer:<customer_id>` or `system`' }),
  reason: Type.String(),
});

export const ConsentSchema = Type.Object({
  id: Type.String({ description: 'Consent id, `cns_…`' }),
  client_id: Type.String(),
  status: Status,
  scopes: Type.Array(Scope),
  expires_at: Timestamp,
  transaction_from_date: Nullable(Day),
  transaction_to_date: Nullable(Day),
  max_amount: Nullable(Type.Object({ amount: Type.String(), currency: Type.String() })),
  customer_id: Nullable(Type.String({ description: 'Set once the customer authorised the consent' })),
  account_ids: Type.Array(Type.String(), { description: 'The accounts shared; empty until authorised' }),
  created_at: Timestamp,
  updated_at: Timestamp,
  history: Type.Array(HistoryEntrySchema, { description: 'Every status change, oldest first' }),
});

export const fromCreateBody = (b: Static<typeof CreateConsentBody>): NewConsent => ({
  scopes: b.scopes,
  expiresAt: b.expires_at,
  transactionFromDate: b.transaction_from_date ?? null,
  transactionToDate: b.transaction_to_date ?? null,
  maxAmount: b.max_amount
    ? {
        minor: parseAmount(b.max_amount.amount, b.max_amount.currency, { path: '/body/max_amount/amount' }),
        currency: b.max_amount.currency,
      }
    : null,
});

export const toConsentDto = (c: Consent) => ({
  id: c.id,
  client_id: c.clientId,
  status: c.status,
  scopes: [...c.scopes],
  expires_at: c.expiresAt,
  transaction_from_date: c.transactionFromDate,
  transaction_to_date: c.transactionToDate,
  max_amount: c.maxAmount ? toDto(c.maxAmount) : null,
  customer_id: c.customerId,
  account_ids: [...c.accountIds],
  created_at: c.createdAt,
  updated_at: c.updatedAt,
  history: c.history.map((h) => ({ at: h.at, from: h.from, to: h.to, actor: h.actor, reason: h.reason })),
});
