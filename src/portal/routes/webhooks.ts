/**
 * @module The webhooks pages of an app, calling the webhook service directly for the developer's
 * own app: list, add (signing secret shown once), view with the delivery log (paged), edit, send a
 * test event, retry a delivery, rotate the secret and delete — destructive actions confirmed first.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../developers/index.ts';
import { type EventType, isAppError } from '../../platform/index.ts';
import type { Endpoint, EndpointWithSecret } from '../../webhooks/index.ts';
import type { PortalContext, PortalSession } from '../context.ts';
import { messagesOf } from '../field-errors.ts';
import { checked, text } from '../forms.ts';
import { confirmPage, secretPage } from '../pages/secrets.ts';
import {
  type EndpointFormValues,
  endpointFormPage,
  endpointPage,
  webhookCrumbs,
  webhooksPage,
} from '../pages/webhooks.ts';
import { chromeOf, ownApp, param, query, signedIn } from './guard.ts';

const LABELS = { url: 'URL', event_types: 'Event types', description: 'Description', status: 'Status' };
const PAGE = 20;
const DELIVERY_ID = /^wdl_[0-9A-HJKMNP-TV-Z]{26}$/;
const MESSAGE_ID = /^msg_[0-9A-HJKMNP-TV-Z]{26}$/;

const valuesOf = (body: unknown): EndpointFormValues => ({
  url: text(body, 'url', 2100),
  description: text(body, 'description', 600),
  eventTypes: checked(body, 'event_types'),
  status: text(body, 'status') === 'disabled' ? 'disabled' : 'enabled',
});

export function webhookRoutes(app: FastifyInstance, ctx: PortalContext): void {
  const hooks = ctx.opts.webhooks;
  const base = (a: App) => `/portal/apps/${a.clientId}/webhooks`;
  /** The developer's app and, when the route names one, its endpoint. */
  const load = async (request: FastifyRequest, session: PortalSession) => {
    const a = await ownApp(ctx, session, param(request, 'client_id'));
    const id = param(request, 'endpoint_id');
    return { a, endpoint: id ? await hooks.getEndpoint(a.clientId, id) : undefined };
  };
  const showSecret = (
    reply: FastifyReply,
    session: PortalSession,
    a: App,
    e: EndpointWithSecret,
    created: boolean,
  ) =>
    ctx.send(
      reply,
      created ? 201 : 200,
      secretPage(chromeOf(session), {
        title: created ? 'Endpoint added' : 'New signing secret',
        intro: created
          ? 'Deliveries to this endpoint are signed with the secret below.'
          : 'Deliveries are signed with the new secret now; the previous one signs too for 24 hours, so you can switch without missing one.',
        facts: [
          ['URL', e.url],
          ['Endpoint ID', e.id],
        ],
        secretLabel: 'Signing secret',
        secret: e.secret,
        next: [`${base(a)}/${e.id}`, 'Go to the endpoint'],
        breadcrumbs: webhookCrumbs(a, e),
      }),
    );
  /** What the form shows for a refusal of the webhooks service; undefined for any other error. */
  const formErrors = (err: unknown) =>
    isAppError(err) && (err.kind === 'invalid' || err.kind === 'conflict')
      ? messagesOf(err, LABELS)
      : undefined;

  app.get(
    '/portal/apps/:client_id/webhooks',
    signedIn(ctx, async (request, reply, session) => {
      const { a } = await load(request, session);
      const deleted = query(request, 'deleted') ? 'The endpoint was deleted.' : undefined;
      return ctx.send(
        reply,
        200,
        webhooksPage(chromeOf(session), a, await hooks.listEndpoints(a.clientId), deleted),
      );
    }),
  );

  app.get(
    '/portal/apps/:client_id/webhooks/new',
    signedIn(ctx, async (request, reply, session) => {
      const { a } = await load(request, session);
      const values = { url: '', description: '', eventTypes: [], status: 'enabled' } as const;
      return ctx.send(
        reply,
        200,
        endpointFormPage(chromeOf(session), { app: a, values, csrf: session.csrf }),
      );
    }),
  );

  app.post(
    '/portal/apps/:client_id/webhooks',
    signedIn(ctx, async (request, reply, session) => {
      const { a } = await load(request, session);
      const values = valuesOf(request.body);
      try {
        const created = await hooks.createEndpoint(a.clientId, {
          url: values.url,
          eventTypes: values.eventTypes as EventType[],
          description: values.description || undefined,
        });
        return showSecret(reply, session, a, created, true);
      } catch (err) {
        // The service names every problem, no event type chosen included.
        const errors = formErrors(err);
        if (!errors) throw err;
        return ctx.send(
          reply,
          400,
          endpointFormPage(chromeOf(session), { app: a, values, errors, csrf: session.csrf }),
        );
      }
    }),
  );

  app.get(
    '/portal/apps/:client_id/webhooks/:endpoint_id',
    signedIn(ctx, async (request, reply, session) => {
      const { a, endpoint } = await load(request, session);
      const e = endpoint as Endpoint;
      const before = query(request, 'before');
      const page = await hooks.listAttempts(a.clientId, e.id, {
        limit: PAGE,
        before: before && DELIVERY_ID.test(before) ? before : undefined,
      });
      // Only ids from the query string reach the notice (a link cannot put its own words there).
      const sent = MESSAGE_ID.test(query(request, 'sent') ?? '') ? query(request, 'sent') : undefined;
      const retried = /^(wdl|msg)_[0-9A-HJKMNP-TV-Z]{26}$/.test(query(request, 'retried') ?? '')
        ? query(request, 'retried')
        : undefined;
      const message = sent
        ? `A test event is on its way (message ${sent}). Its delivery appears below within seconds.`
        : retried
          ? `Delivery ${retried} will be tried again now.`
          : query(request, 'saved')
            ? 'Your changes are saved.'
            : undefined;
      return ctx.send(
        reply,
        200,
        endpointPage(chromeOf(session), {
          app: a,
          endpoint: e,
          attempts: page.attempts,
          olderBefore: page.hasMore ? page.attempts.at(-1)?.id : undefined,
          csrf: session.csrf,
          message,
        }),
      );
    }),
  );

  app.get(
    '/portal/apps/:client_id/webhooks/:endpoint_id/edit',
    signedIn(ctx, async (request, reply, session) => {
      const { a, endpoint } = await load(request, session);
      const e = endpoint as Endpoint;
      const values = { url: e.url, description: e.description, eventTypes: e.eventTypes, status: e.status };
      return ctx.send(
        reply,
        200,
        endpointFormPage(chromeOf(session), { app: a, endpoint: e, values, csrf: session.csrf }),
      );
    }),
  );

  app.post(
    '/portal/apps/:client_id/webhooks/:endpoint_id',
    signedIn(ctx, async (request, reply, session) => {
      const { a, endpoint } = await load(request, session);
      const e = endpoint as Endpoint;
      const values = valuesOf(request.body);
      try {
        await hooks.updateEndpoint(a.clientId, e.id, {
          url: values.url,
          description: values.description,
          eventTypes: values.eventTypes as EventType[],
          status: values.status,
        });
      } catch (err) {
        const errors = formErrors(err);
        if (!errors) throw err;
        return ctx.send(
          reply,
          400,
          endpointFormPage(chromeOf(session), { app: a, endpoint: e, values, errors, csrf: session.csrf }),
        );
      }
      return reply.redirect(`${base(a)}/${e.id}?saved=1`, 303);
    }),
  );

  app.post(
    '/portal/apps/:client_id/webhooks/:endpoint_id/test',
    signedIn(ctx, async (request, reply, session) => {
      const { a, endpoint } = await load(request, session);
      const message = await hooks.sendTest(a.clientId, (endpoint as Endpoint).id);
      return reply.redirect(`${base(a)}/${message.endpointId}?sent=${message.id}#deliveries`, 303);
    }),
  );

  app.post(
    '/portal/apps/:client_id/webhooks/:endpoint_id/deliveries/:delivery_id/retry',
    signedIn(ctx, async (request, reply, session) => {
      const { a, endpoint } = await load(request, session);
      const id = param(request, 'delivery_id');
      await hooks.retry(a.clientId, id);
      return reply.redirect(
        `${base(a)}/${(endpoint as Endpoint).id}?retried=${encodeURIComponent(id)}#deliveries`,
        303,
      );
    }),
  );

  const confirm = (action: 'rotate-secret' | 'delete') =>
    signedIn(ctx, async (request, reply, session) => {
      const { a, endpoint } = await load(request, session);
      const e = endpoint as Endpoint;
      const rotate = action === 'rotate-secret';
      return ctx.send(
        reply,
        200,
        confirmPage(chromeOf(session), {
          title: rotate ? 'Rotate the signing secret?' : `Delete the endpoint ${e.url}?`,
          message: rotate
            ? 'A new signing secret is made and shown once. The current one keeps signing too for 24 hours.'
            : 'It receives nothing more, and its pending deliveries are cancelled. This cannot be undone.',
          action: `${base(a)}/${e.id}/${action}`,
          button: rotate ? 'Rotate signing secret' : 'Delete endpoint',
          cancel: `${base(a)}/${e.id}`,
          csrf: session.csrf,
          danger: !rotate,
          breadcrumbs: webhookCrumbs(a, e),
        }),
      );
    });
  app.get('/portal/apps/:client_id/webhooks/:endpoint_id/rotate-secret', confirm('rotate-secret'));
  app.get('/portal/apps/:client_id/webhooks/:endpoint_id/delete', confirm('delete'));

  app.post(
    '/portal/apps/:client_id/webhooks/:endpoint_id/rotate-secret',
    signedIn(ctx, async (request, reply, session) => {
      const { a, endpoint } = await load(request, session);
      return showSecret(
        reply,
        session,
        a,
        await hooks.rotateSecret(a.clientId, (endpoint as Endpoint).id),
        false,
      );
    }),
  );

  app.post(
    '/portal/apps/:client_id/webhooks/:endpoint_id/delete',
    signedIn(ctx, async (request, reply, session) => {
      const { a, endpoint } = await load(request, session);
      await hooks.deleteEndpoint(a.clientId, (endpoint as Endpoint).id);
      return reply.redirect(`${base(a)}?deleted=1`, 303);
    }),
  );
}
