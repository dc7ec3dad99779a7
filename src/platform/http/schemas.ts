/**
 * @module Schemas shared by every route: the problem document, money, pagination links, and a
 * helper that declares a route's problem responses in one line.
 */
import { type TSchema, Type } from 'typebox';

export const FieldErrorSchema = Type.Object(
  {
    path: Type.String({ description: 'JSON pointer to the bad field, for example `/body/amount/amount`' }),
    message: Type.String(),
  },
  { $id: 'FieldError' },
);

export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'A URI identifying the problem type' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.String({ description: 'The request path' }),
    code: Type.String({
      description: 'Stable machine-readable error code, for example `INSUFFICIENT_FUNDS`',
    }),
    request_id: Type.String(),
    errors: Type.Optional(Type.Array(FieldErrorSchema)),
  },
  { $id: 'Problem', description: 'RFC 9457 problem document' },
);

/**
 * A `pattern` for date and date-time strings: years 1900 to 9999, what both databases hold
 * (PostgreSQL has no year 0, and refuses such a time with an error, not an empty answer).
 */
export const YEAR_1900_ON = '^(19|[2-9][0-9])[0-9]{2}-';

export const MoneySchema = Type.Object(
  {
    amount: Type.String({
      pattern: '^-?(0|[1-9][0-9]{0,17})(\\.[0-9]{1,18})?$',
      maxLength: 40,
      description: 'Decimal string with the currency scale, for example `1500.00`',
      examples: ['1500.00'],
    }),
    currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code', examples: ['KES'] }),
  },
  { additionalProperties: false },
);

export const LinksSchema = Type.Object({
  self: Type.String(),
  next: Type.Union([Type.String(), Type.Null()]),
});

export const ListOf = <T extends TSchema>(item: T) =>
  Type.Object({ data: Type.Array(item), links: LinksSchema });

/**
 * The `links` of a list page: `self` is `url` with the request's query, `next` the same with the
 * next page's cursor (null on the last page).
 */
export function pageLinks(
  url: string,
  query: Readonly<Record<string, unknown>>,
  nextCursor: string | null | undefined,
): { self: string; next: string | null } {
  const self = new URL(url);
  for (const [k, v] of Object.entries(query)) if (v !== undefined) self.searchParams.set(k, String(v));
  if (!nextCursor) return { self: self.toString(), next: null };
  const next = new URL(self);
  next.searchParams.set('cursor', nextCursor);
  return { self: self.toString(), next: next.toString() };
}

const problemContent = { 'application/problem+json': { schema: ProblemSchema } };

/** Response schemas for a route's problem statuses, for example `...problems(400, 404)`. */
export function problems(...statuses: number[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const status of [...statuses, 500]) {
    out[String(status)] = { description: 'Problem', content: problemContent };
  }
  return out;
}
