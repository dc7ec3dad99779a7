/**
 * @module The apps pages: list, create (the client secret shown once), overview, edit (name,
 * redirect URIs, scopes, IP allow-list), rotate the secret and delete — each destructive action
 * behind a confirmation page. Invalid input shows the form again with the problems named.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { App, AppScope, AppWithSecret } from '../../developers/index.ts';
import { isAppError } from '../../platform/index.ts';
import type { PortalContext, PortalSession } from '../context.ts';
import { messagesOf } from '../field-errors.ts';
import { checked, lines, text } from '../forms.ts';
import { type AppFormValues, appFormPage, appPage, appsPage } from '../pages/apps.ts';
import { confirmPage, secretPage } from '../pages/secrets.ts';
import { tierText } from '../tier.ts';
import { chromeOf, ownApp, param, query, signedIn } from './guard.ts';

const LABELS = {
  name: 'Name',
  redirect_uris: 'Redirect URIs',
  scopes: 'Scopes',
  ip_allowlist: 'IP allow-list',
};

const valuesOf = (body: unknown): AppFormValues => ({
  name: text(body, 'name', 200),
  redirectUris: lines(body, 'redirect_uris'),
  scopes: checked(body, 'scopes'),
  ipAllowlist: lines(body, 'ip_allowlist'),
});

const inputOf = (v: AppFormValues) => ({
  name: v.name,
  redirectUris: v.redirectUris,
  scopes: v.scopes as AppScope[],
  ipAllowlist: v.ipAllowlist,
});

const CLIENT_ID = /^app_[0-9A-HJKMNP-TV-Z]{26}$/;
export function appRoutes(app: FastifyInstance, ctx: PortalContext): void {
  const { developers } = ctx.opts;
  const crumbsOf = (a: App) =>
    [
      ['Your apps', '/portal/apps'],
      [a.name, `/portal/apps/${a.clientId}`],
    ] as const;
  const showSecret = (reply: FastifyReply, session: PortalSession, a: AppWithSecret, created: boolean) =>
    ctx.send(
      reply,
      created ? 201 : 200,
      secretPage(chromeOf(session), {
        title: created ? `${a.name} is ready` : `New secret for ${a.name}`,
        intro: created
          ? 'Your app is created. Here are its credentials.'
          : 'The secret is rotated: the previous one no longer works.',
        facts: [['Client ID', a.clientId]],
        secretLabel: 'Client secret',
        secret: a.clientSecret,
        next: created
          ? [`/portal/apps/${a.clientId}/sandbox`, 'Try it in the sandbox']
          : [`/portal/apps/${a.clientId}`, 'Back to the app'],
        breadcrumbs: crumbsOf(a),
      }),
    );
  /** Runs a create or update; invalid input shows the form again. */
  const saving = async <T>(
    reply: FastifyReply,
    work: () => Promise<T>,
    again: (errors: string[]) => string,
  ): Promise<T | FastifyReply> => {
    try {
      return await work();
    } catch (err) {
      if (isAppError(err) && err.kind === 'invalid')
        return ctx.send(reply, 400, again(messagesOf(err, LABELS)));
      throw err;
    }
  };

  app.get(
    '/portal/apps',
    signedIn(ctx, async (request, reply, session) => {
      const apps = await developers.listApps(session.developer.id);
      // Only an app id from the query string reaches the notice: a link cannot make the portal say
      // a sentence of someone else's choosing.
      const deleted = query(request, 'deleted');
      const message = query(request, 'welcome')
        ? `Welcome, ${session.developer.name}. Create your first app to get credentials.`
        : deleted && CLIENT_ID.test(deleted)
          ? `The app ${deleted} was deleted.`
          : undefined;
      return ctx.send(reply, 200, appsPage(chromeOf(session), apps, message));
    }),
  );

  app.get(
    '/portal/apps/new',
    signedIn(ctx, async (_request, reply, session) =>
      ctx.send(
        reply,
        200,
        appFormPage(chromeOf(session), {
          csrf: session.csrf,
          values: {
            name: '',
            redirectUris: [],
            scopes: ['openid', 'accounts.read', 'transactions.read'],
            ipAllowlist: [],
          },
        }),
      ),
    ),
  );

  app.post(
    '/portal/apps',
    signedIn(ctx, async (request, reply, session) => {
      const values = valuesOf(request.body);
      const created = await saving(
        reply,
        () => developers.createApp(session.developer.id, inputOf(values)),
        (errors) => appFormPage(chromeOf(session), { csrf: session.csrf, values, errors }),
      );
      return 'clientSecret' in created ? showSecret(reply, session, created, true) : created;
    }),
  );

  app.get(
    '/portal/apps/:client_id',
    signedIn(ctx, async (request, reply, session) => {
      const a = await ownApp(ctx, session, param(request, 'client_id'));
      const message = query(request, 'saved') ? 'Your changes are saved.' : undefined;
      return ctx.send(
        reply,
        200,
        appPage(chromeOf(session), a, tierText(ctx.opts.config.rateLimits, a.rateLimitTier), message),
      );
    }),
  );

  app.get(
    '/portal/apps/:client_id/edit',
    signedIn(ctx, async (request, reply, session) => {
      const a = await ownApp(ctx, session, param(request, 'client_id'));
      return ctx.send(reply, 200, appFormPage(chromeOf(session), { app: a, csrf: session.csrf, values: a }));
    }),
  );

  app.post(
    '/portal/apps/:client_id',
    signedIn(ctx, async (request, reply, session) => {
      const a = await ownApp(ctx, session, param(request, 'client_id'));
      const values = valuesOf(request.body);
      const updated = await saving(
        reply,
        () => developers.updateApp(session.developer.id, a.clientId, inputOf(values)),
        (errors) => appFormPage(chromeOf(session), { app: a, csrf: session.csrf, values, errors }),
      );
      return 'clientId' in updated ? reply.redirect(`/portal/apps/${a.clientId}?saved=1`, 303) : updated;
    }),
  );

  app.get(
    '/portal/apps/:client_id/rotate-secret',
    signedIn(ctx, async (request, reply, session) => {
      const a = await ownApp(ctx, session, param(request, 'client_id'));
      return ctx.send(
        reply,
        200,
        confirmPage(chromeOf(session), {
          title: `Rotate the secret of ${a.name}?`,
          message:
            'A new client secret is made and shown once. The current secret stops working at once: ' +
            'update your servers straight after.',
          action: `/portal/apps/${a.clientId}/rotate-secret`,
          button: 'Rotate secret',
          cancel: `/portal/apps/${a.clientId}`,
          csrf: session.csrf,
          breadcrumbs: crumbsOf(a),
        }),
      );
    }),
  );

  app.post(
    '/portal/apps/:client_id/rotate-secret',
    signedIn(ctx, async (request, reply, session) => {
      const rotated = await developers.rotateSecret(session.developer.id, param(request, 'client_id'));
      return showSecret(reply, session, rotated, false);
    }),
  );

  app.get(
    '/portal/apps/:client_id/delete',
    signedIn(ctx, async (request, reply, session) => {
      const a = await ownApp(ctx, session, param(request, 'client_id'));
      return ctx.send(
        reply,
        200,
        confirmPage(chromeOf(session), {
          title: `Delete ${a.name}?`,
          message:
            'Its credentials and tokens stop working at once, and its customers can no longer be asked for consent. This cannot be undone.',
          action: `/portal/apps/${a.clientId}/delete`,
          button: 'Delete app',
          cancel: `/portal/apps/${a.clientId}`,
          csrf: session.csrf,
          danger: true,
          breadcrumbs: crumbsOf(a),
        }),
      );
    }),
  );

  app.post(
    '/portal/apps/:client_id/delete',
    signedIn(ctx, async (request, reply, session) => {
      const a = await ownApp(ctx, session, param(request, 'client_id'));
      await developers.deleteApp(session.developer.id, a.clientId);
      return reply.redirect(`/portal/apps?deleted=${a.clientId}`, 303);
    }),
  );
}
