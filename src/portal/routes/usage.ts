/**
 * @module `GET /portal/apps/:client_id/usage`: the app's usage over the last 24 hours and 30 days,
 * read from the gateway's metering, with its rate-limit tier.
 */
import type { FastifyInstance } from 'fastify';
import type { PortalContext } from '../context.ts';
import { usagePage } from '../pages/usage.ts';
import { tierText } from '../tier.ts';
import { type Granularity, seriesOf, windowOf } from '../usage-series.ts';
import { chromeOf, ownApp, param, signedIn } from './guard.ts';

export function usageRoutes(app: FastifyInstance, ctx: PortalContext): void {
  app.get(
    '/portal/apps/:client_id/usage',
    signedIn(ctx, async (request, reply, session) => {
      const a = await ownApp(ctx, session, param(request, 'client_id'));
      const now = new Date();
      const read = async (id: string, title: string, granularity: Granularity) => {
        const w = windowOf(granularity, now);
        const rows = await ctx.opts.usage(a.clientId, { from: w.from, to: w.to, granularity });
        return { id, title, rows, buckets: seriesOf(rows, granularity, w.periods) };
      };
      const windows = await Promise.all([
        read('last-24-hours', 'Last 24 hours', 'hour'),
        read('last-30-days', 'Last 30 days', 'day'),
      ]);
      return ctx.send(
        reply,
        200,
        usagePage(chromeOf(session), a, tierText(ctx.opts.config.rateLimits, a.rateLimitTier), windows),
      );
    }),
  );
}
