/**
 * @module `GET /developer/apps/{client_id}/usage`: the app's API usage metered by the gateway, per
 * route and per hour or day — requests, errors (4xx and 5xx answers) and latency.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError, problems, YEAR_1900_ON } from '../../platform/index.ts';
import type { DeveloperService } from '../service.ts';
import { callerOf, requireDeveloper } from './bearer.ts';
import { ClientIdParams } from './schemas.ts';

export interface UsageRow {
  readonly period: string;
  readonly route: string;
  readonly requests: number;
  readonly errors: number;
  readonly latencyMsAvg: number;
  readonly latencyMsMax: number;
}

/** The gateway's usage reader: rows for `from` ≤ hour < `to`. */
export type UsageReader = (
  clientId: string,
  query: { from: string; to: string; granularity: 'hour' | 'day' },
) => Promise<UsageRow[]>;

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;
const MAX_RANGE_MS = 92 * DAY_MS;

const UsageQuery = Type.Object(
  {
    granularity: Type.Optional(Type.Enum(['hour', 'day'], { default: 'day' })),
    from: Type.Optional(
      Type.String({
        format: 'date-time',
        pattern: YEAR_1900_ON,
        description: 'Start (inclusive); default 24 hours or 30 days ago',
      }),
    ),
    to: Type.Optional(
      Type.String({
        format: 'date-time',
        pattern: YEAR_1900_ON,
        description: 'End (exclusive); default now',
      }),
    ),
  },
  { additionalProperties: false },
);

const UsageSchema = Type.Object({
  client_id: Type.String(),
  granularity: Type.Enum(['hour', 'day']),
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  totals: Type.Object({ requests: Type.Integer(), errors: Type.Integer() }),
  data: Type.Array(
    Type.Object({
      period: Type.String({ description: 'The hour (RFC 3339) or the day (YYYY-MM-DD), UTC' }),
      route: Type.String({ examples: ['GET /v1/accounts/:account_id/balance'] }),
      requests: Type.Integer(),
      errors: Type.Integer(),
      latency_ms_avg: Type.Number(),
      latency_ms_max: Type.Number(),
    }),
  ),
});

export const usageRoutes: FastifyPluginAsyncTypebox<{
  developers: DeveloperService;
  usage: UsageReader;
}> = async (app, opts) => {
  app.addHook('onRequest', requireDeveloper(opts.developers));
  app.get(
    '/:client_id/usage',
    {
      schema: {
        tags: ['developers'],
        security: [{ developerToken: [] }],
        summary: "Your app's API usage",
        description:
          'Requests, errors and latency per route and per hour or day, as metered by the gateway (counts ' +
          'reach this report within a few seconds). At most 92 days at a time.',
        params: ClientIdParams,
        querystring: UsageQuery,
        response: { 200: UsageSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const { client_id: clientId } = request.params;
      await opts.developers.getApp(callerOf(request).developer.id, clientId);
      const granularity = request.query.granularity ?? 'day';
      const to = request.query.to ? Date.parse(request.query.to) : Date.now();
      const from = request.query.from
        ? Date.parse(request.query.from)
        : to - (granularity === 'hour' ? DAY_MS : 30 * DAY_MS);
      if (!(from < to) || to - from > MAX_RANGE_MS) {
        throw new AppError('VALIDATION_FAILED', '`from` must be before `to`, at most 92 days apart', {
          errors: [{ path: '/query/from', message: 'must be before to, at most 92 days earlier' }],
        });
      }
      // Hours are metered whole: start at the beginning of `from`'s hour.
      const range = { from: new Date(from - (from % HOUR_MS)).toISOString(), to: new Date(to).toISOString() };
      const rows = await opts.usage(clientId, { ...range, granularity });
      return {
        client_id: clientId,
        granularity,
        ...range,
        totals: {
          requests: rows.reduce((n, r) => n + r.requests, 0),
          errors: rows.reduce((n, r) => n + r.errors, 0),
        },
        data: rows.map((r) => ({
          period: r.period,
          route: r.route,
          requests: r.requests,
          errors: r.errors,
          latency_ms_avg: r.latencyMsAvg,
          latency_ms_max: r.latencyMsMax,
        })),
      };
    },
  );
};
