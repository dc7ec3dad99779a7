/**
 * @module Public door of the developer portal at `/portal`: server-rendered pages over the developer
 * service (sign up, log in, apps, secrets), the gateway's usage metering, the sandbox and the webhook
 * service. Works without JavaScript; forms are CSRF-checked; every page carries the portal's
 * security headers and loads nothing from outside the platform.
 */
import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import { statusOfKind } from '../platform/errors/index.ts';
import { toAppError } from '../platform/http/problem.ts';
import { createPortalContext } from './context.ts';
import type { PortalOptions } from './options.ts';
import { messagePage } from './pages/auth.ts';
import { appRoutes } from './routes/apps.ts';
import { assetRoutes } from './routes/assets.ts';
import { authRoutes } from './routes/auth.ts';
import { guideRoutes } from './routes/guide.ts';
import { sandboxRoutes } from './routes/sandbox.ts';
import { usageRoutes } from './routes/usage.ts';
import { webhookRoutes } from './routes/webhooks.ts';

export type { PortalOptions, SandboxCustomerView, UsageReader, UsageRow } from './options.ts';
export { sandboxCustomerReader } from './sandbox-customers.ts';

export async function portalRoutes(app: FastifyInstance, opts: PortalOptions): Promise<void> {
  const ctx = createPortalContext(opts);
  await app.register(formbody, { bodyLimit: 16384 });
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, hide: true };
  });
  app.setErrorHandler((err, request, reply) => {
    const error = toAppError(err);
    if (error.kind === 'internal') request.log.error({ err }, 'unhandled error');
    const status = statusOfKind[error.kind];
    if (status === 404) {
      return ctx.send(reply, 404, messagePage('Not found', 'We could not find that in your account.'));
    }
    if (error.kind === 'conflict')
      return ctx.send(reply, status, messagePage('That did not work', error.message));
    const message =
      status >= 500
        ? 'Something went wrong on our side. Please try again later.'
        : 'We could not understand that request.';
    return ctx.send(reply, status, messagePage('Something went wrong', message));
  });
  assetRoutes(app);
  authRoutes(app, ctx);
  appRoutes(app, ctx);
  usageRoutes(app, ctx);
  sandboxRoutes(app, ctx);
  webhookRoutes(app, ctx);
  guideRoutes(app, ctx);
}
