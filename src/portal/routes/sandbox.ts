/**
 * @module `GET /portal/apps/:client_id/sandbox`: the sandbox customers and the "try it" walkthrough
 * for this app (its client id, first redirect URI and read scopes). Outside sandbox mode it says so.
 */
import type { FastifyInstance } from 'fastify';
import type { PortalContext } from '../context.ts';
import { messagePage } from '../pages/auth.ts';
import { sandboxPage } from '../pages/sandbox.ts';
import { authorizationUrl, tryItSteps } from '../try-it.ts';
import { chromeOf, ownApp, param, signedIn } from './guard.ts';

const READ_SCOPES = ['accounts.read', 'transactions.read'];
const DAY_MS = 86400_000;
/** The walkthrough's customer: salaried, with a few accounts. */
const USERNAME = 'wanjiku';

export function sandboxRoutes(app: FastifyInstance, ctx: PortalContext): void {
  app.get(
    '/portal/apps/:client_id/sandbox',
    signedIn(ctx, async (request, reply, session) => {
      const a = await ownApp(ctx, session, param(request, 'client_id'));
      const list = ctx.opts.sandboxCustomers;
      if (!list) {
        return ctx.send(
          reply,
          404,
          messagePage('No sandbox here', 'This platform does not run in sandbox mode.'),
        );
      }
      const customers = await list();
      const customer = customers.find((c) => c.username === USERNAME) ?? customers[0];
      const scopes = READ_SCOPES.filter((s) => (a.scopes as readonly string[]).includes(s));
      const redirectUri = a.redirectUris[0];
      const accountId = customer?.accounts[0]?.id;
      const missing = !scopes.includes('accounts.read')
        ? 'The walkthrough reads accounts: give the app the accounts.read scope first.'
        : !redirectUri
          ? 'The app needs a redirect URI first.'
          : undefined;
      const input =
        redirectUri && customer && accountId
          ? {
              baseUrl: ctx.opts.config.publicUrl,
              clientId: a.clientId,
              redirectUri,
              scopes,
              username: customer.username,
              accountId,
              expiresAt: `${new Date(Date.now() + 90 * DAY_MS).toISOString().slice(0, 10)}T00:00:00Z`,
            }
          : undefined;
      return ctx.send(
        reply,
        200,
        sandboxPage(chromeOf(session), {
          app: a,
          customers,
          steps: input && !missing ? tryItSteps(input) : [],
          browserUrl: input && !missing ? authorizationUrl(input) : undefined,
          missing,
        }),
      );
    }),
  );
}
