/**
 * @module The customer interactions that oidc-provider sends the browser to: the login page (with
 * per-account lockout) and the consent page (which binds the app's consent to this customer, the
 * accounts they tick, and a new OAuth grant). Outside the provider's mount; forms carry CSRF tokens.
 */
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type Provider from 'oidc-provider';
import type { InteractionResults } from 'oidc-provider';
import { Type } from 'typebox';
import type { Consent } from '../../consents/types.ts';
import { isAppError } from '../../platform/index.ts';
import type { IdentityDeps } from '../deps.ts';
import type { IdentityTables } from '../tables.ts';
import { csrfToken, validCsrf } from './csrf.ts';
import { clearFailures, takeAttempt } from './lockout.ts';
import { consentPage, errorPage, loginPage } from './pages.ts';

export interface InteractionOptions {
  readonly provider: Provider;
  readonly deps: IdentityDeps;
  readonly db: Kysely<IdentityTables>;
  readonly csrfKey: Buffer;
  /** The API audience: the resource the consent's scopes are granted for. */
  readonly audience: string;
}

type Details = Awaited<ReturnType<Provider['interactionDetails']>>;

const Params = Type.Object({ uid: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }) });
const LoginBody = Type.Object({
  csrf: Type.Optional(Type.String({ maxLength: 100 })),
  username: Type.String({ minLength: 1, maxLength: 100 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
});
const ConsentBody = Type.Object({
  csrf: Type.Optional(Type.String({ maxLength: 100 })),
  decision: Type.Union([Type.Literal('approve'), Type.Literal('deny')]),
  account_ids: Type.Optional(
    Type.Union([
      Type.String({ maxLength: 40 }),
      Type.Array(Type.String({ maxLength: 40 }), { maxItems: 50 }),
    ]),
  ),
});

const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
};

const IDENTITY_SCOPES = ['profile', 'email', 'phone'];
const OIDC_SCOPES = ['openid', 'offline_access', ...IDENTITY_SCOPES];

export async function interactionRoutes(app: FastifyInstance, opts: InteractionOptions): Promise<void> {
  const { provider, deps, db, csrfKey, audience } = opts;
  await app.register(formbody, { bodyLimit: 8192 });

  const send = (reply: FastifyReply, status: number, body: string) =>
    reply.code(status).headers(SECURITY_HEADERS).type('text/html; charset=utf-8').send(body);

  /** The interaction of this browser (its cookie) with this uid, or undefined. */
  const detailsOf = async (
    request: FastifyRequest,
    reply: FastifyReply,
    uid: string,
  ): Promise<Details | undefined> => {
    try {
      const details = await provider.interactionDetails(request.raw, reply.raw);
      return details.uid === uid ? details : undefined;
    } catch {
      return undefined;
    }
  };
  const expired = (reply: FastifyReply) =>
    send(
      reply,
      400,
      errorPage(
        'This login link has expired or was opened in another browser. Go back to the app and start again.',
      ),
    );

  const finish = async (
    request: FastifyRequest,
    reply: FastifyReply,
    result: InteractionResults,
    merge: boolean,
  ) => {
    reply.hijack();
    await provider.interactionFinished(request.raw, reply.raw, result, { mergeWithLastSubmission: merge });
  };

  const appName = async (details: Details) =>
    (await deps.clients.findClient(String(details.params.client_id)))?.name ?? 'An app';

  /** The consent this authorisation is for, if it can be authorised by this customer now. */
  const consentFor = async (details: Details): Promise<{ consent: Consent | null; problem?: string }> => {
    const consentId = details.params.consent_id;
    if (typeof consentId !== 'string') return { consent: null };
    try {
      const consent = await deps.consents().get(consentId);
      if (consent.clientId !== details.params.client_id)
        return { consent: null, problem: 'This consent belongs to another app.' };
      if (consent.status !== 'awaiting_authorization') {
        return {
          consent: null,
          problem: 'This consent can no longer be authorised. Go back to the app and start again.',
        };
      }
      // An authorisation asking for account access the consent does not give would be authorised
      // and then asked again for the rest (and refused): refused before anything is decided.
      const beyond = String(details.params.scope ?? '')
        .split(' ')
        .filter((s) => s && !OIDC_SCOPES.includes(s) && !consent.scopes.includes(s as never));
      if (beyond.length > 0) {
        return {
          consent: null,
          problem: `The app asked for more than this consent allows (${beyond.join(', ')}). Go back to the app and start again.`,
        };
      }
      return { consent };
    } catch {
      return { consent: null, problem: 'The app asked for a consent that does not exist.' };
    }
  };

  const renderConsent = async (reply: FastifyReply, details: Details, status: number, error?: string) => {
    const { consent, problem } = await consentFor(details);
    const customerId = details.session?.accountId ?? '';
    const accounts = consent
      ? (await deps.customers.accounts(customerId)).filter((a) => a.status === 'open')
      : [];
    const requested = String(details.params.scope ?? '').split(' ');
    return send(
      reply,
      problem ? 400 : status,
      consentPage({
        uid: details.uid,
        csrf: csrfToken(csrfKey, details.uid),
        appName: await appName(details),
        consent,
        identityScopes: requested.filter((s) => IDENTITY_SCOPES.includes(s)),
        accounts,
        ...((problem ?? error) ? { error: problem ?? error } : {}),
      }),
    );
  };

  app.get('/login/:uid', { schema: { hide: true, params: Params } }, async (request, reply) => {
    const { uid } = request.params as { uid: string };
    const details = await detailsOf(request, reply, uid);
    if (!details) return expired(reply);
    if (details.prompt.name === 'login') {
      return send(
        reply,
        200,
        loginPage({ uid, csrf: csrfToken(csrfKey, uid), appName: await appName(details) }),
      );
    }
    return renderConsent(reply, details, 200);
  });

  app.post(
    '/login/:uid/login',
    { schema: { hide: true, params: Params, body: LoginBody } },
    async (request, reply) => {
      const { uid } = request.params as { uid: string };
      const body = request.body as { csrf?: string; username: string; password: string };
      const details = await detailsOf(request, reply, uid);
      if (details?.prompt.name !== 'login') return expired(reply);
      const again = (status: number, error: string) =>
        send(
          reply,
          status,
          loginPage({
            uid,
            csrf: csrfToken(csrfKey, uid),
            appName: 'The app',
            error,
            username: body.username,
          }),
        );
      if (!validCsrf(csrfKey, uid, body.csrf))
        return again(403, 'Your session has expired. Please try again.');
      const username = body.username.trim().toLowerCase();
      if (!(await takeAttempt(db, username))) {
        return again(429, 'Too many failed attempts. Your account is locked for 15 minutes.');
      }
      const customer = await deps.customers.authenticate(username, body.password);
      if (!customer) return again(401, 'The username or password is not correct.');
      await clearFailures(db, username);
      await finish(request, reply, { login: { accountId: customer.id } }, false);
    },
  );

  app.post(
    '/login/:uid/consent',
    { schema: { hide: true, params: Params, body: ConsentBody } },
    async (request, reply) => {
      const { uid } = request.params as { uid: string };
      const body = request.body as {
        csrf?: string;
        decision: 'approve' | 'deny';
        account_ids?: string | string[];
      };
      const details = await detailsOf(request, reply, uid);
      if (details?.prompt.name !== 'consent' || !details.session) return expired(reply);
      if (!validCsrf(csrfKey, uid, body.csrf))
        return renderConsent(reply, details, 403, 'Your session has expired. Please try again.');
      const clientId = String(details.params.client_id);
      const customerId = details.session.accountId;
      const { consent, problem } = await consentFor(details);

      if (body.decision === 'deny') {
        if (consent)
          await deps
            .consents()
            .reject(consent.id, { clientId, customerId })
            .catch(() => undefined);
        return finish(
          request,
          reply,
          { error: 'access_denied', error_description: 'The customer denied the request' },
          false,
        );
      }
      if (problem) return renderConsent(reply, details, 400);

      const prompt = details.prompt.details as {
        missingOIDCScope?: string[];
        missingOIDCClaims?: string[];
        missingResourceScopes?: Record<string, string[]>;
      };
      const resourceScopes = Object.entries(prompt.missingResourceScopes ?? {});
      if (!consent && resourceScopes.some(([, scopes]) => scopes.length > 0)) {
        return renderConsent(reply, details, 400, 'The app asked for account access without a consent.');
      }
      // A new grant holds everything this request asks for (not only what the session lacks): it
      // belongs to this consent alone, so revoking the consent revokes exactly it.
      const grant = new provider.Grant({ accountId: customerId, clientId });
      const requested = String(details.params.scope ?? '')
        .split(' ')
        .filter(Boolean);
      // The consent's scopes count as granted only as far as the consent covers them.
      const apiScopes = requested.filter((s) => consent?.scopes.includes(s as never));
      const oidcScopes = [...requested.filter((s) => OIDC_SCOPES.includes(s)), ...apiScopes];
      if (oidcScopes.length) grant.addOIDCScope(oidcScopes.join(' '));
      if (prompt.missingOIDCClaims?.length) grant.addOIDCClaims(prompt.missingOIDCClaims);
      if (apiScopes.length) grant.addResourceScope(audience, apiScopes.join(' '));
      const grantId = await grant.save();
      if (consent) {
        const accountIds = [body.account_ids ?? []].flat();
        try {
          if (accountIds.length === 0) throw new Error('no accounts');
          await deps.consents().authorize(consent.id, { clientId, customerId, accountIds, grantId });
        } catch (err) {
          await grant.destroy();
          const message =
            accountIds.length === 0
              ? 'Choose at least one account to share.'
              : isAppError(err)
                ? err.message
                : 'The consent could not be authorised.';
          return renderConsent(reply, details, 400, message);
        }
      }
      await finish(request, reply, { consent: { grantId } }, true);
    },
  );
}
