/**
 * @module `POST /sandbox/authorize` (sandbox mode only): authorises a consent without a browser, for
 * fintechs' automated tests. It walks the real flow inside the app — the authorization endpoint, the
 * login page as the sandbox customer, the consent page with the chosen accounts — and answers with the
 * redirect URL exactly as the browser would have been sent to it, code and state included.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { Type } from 'typebox';
import { AppError, problems } from '../platform/index.ts';

const Body = Type.Object(
  {
    client_id: Type.String({ minLength: 1, maxLength: 100 }),
    redirect_uri: Type.String({ minLength: 1, maxLength: 2000 }),
    scope: Type.String({ minLength: 1, maxLength: 1000 }),
    state: Type.Optional(Type.String({ maxLength: 500 })),
    nonce: Type.Optional(Type.String({ maxLength: 500 })),
    code_challenge: Type.String({ minLength: 43, maxLength: 128 }),
    code_challenge_method: Type.Optional(Type.Literal('S256')),
    consent_id: Type.String({ minLength: 1, maxLength: 100 }),
    username: Type.String({ minLength: 1, maxLength: 100 }),
    account_ids: Type.Array(Type.String({ maxLength: 40 }), { minItems: 1, maxItems: 50 }),
  },
  { additionalProperties: false },
);

const Result = Type.Object({
  redirect_url: Type.String({
    description: 'Where the browser would have been redirected, with `code` and `state`',
  }),
  code: Type.Union([Type.String(), Type.Null()]),
  state: Type.Union([Type.String(), Type.Null()]),
});

const field = (page: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1] ?? '';
const errorText = (page: string) => /role="alert">([^<]*)</.exec(page)?.[1] ?? 'the page refused the request';

/** A cookie-keeping walk through the app's own endpoints, one hop at a time. */
class Walk {
  readonly #app: FastifyInstance;
  readonly #cookies = new Map<string, string>();
  constructor(app: FastifyInstance) {
    this.#app = app;
  }
  async send(options: InjectOptions): Promise<LightMyRequestResponse> {
    const cookie = [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await this.#app.inject({
      ...options,
      headers: { ...options.headers, ...(cookie ? { cookie } : {}) },
    });
    for (const c of response.cookies) {
      if (c.value) this.#cookies.set(c.name, c.value);
      else this.#cookies.delete(c.name);
    }
    return response;
  }
}

export const sandboxAuthorizeRoutes: FastifyPluginAsyncTypebox<{
  sandboxPassword(username: string): string | undefined;
}> = async (app, opts) => {
  app.post(
    '/authorize',
    {
      schema: {
        tags: ['sandbox'],
        summary: 'Authorise a consent as a sandbox customer, without a browser',
        description:
          'Takes the authorization request parameters plus the sandbox `username` and the `account_ids` to share, ' +
          'runs the real login and consent pages, and answers with the redirect URL carrying the authorization ' +
          'code. Exchange the code at the token endpoint with your PKCE verifier as usual.',
        body: Body,
        response: { 200: Result, ...problems(400, 422) },
      },
    },
    async (request) => {
      const { username, account_ids: accountIds, ...params } = request.body;
      const password = opts.sandboxPassword(username);
      if (!password) {
        throw new AppError('VALIDATION_FAILED', `${username} is not a sandbox customer`, {
          errors: [{ path: '/body/username', message: 'must be a sandbox customer' }],
        });
      }
      const fail = (detail: string): never => {
        throw new AppError('SANDBOX_AUTHORIZATION_FAILED', detail);
      };
      const walk = new Walk(app as unknown as FastifyInstance);
      const query = new URLSearchParams({ response_type: 'code', code_challenge_method: 'S256', ...params });
      let response = await walk.send({ method: 'GET', url: `/oauth2/authorize?${query}` });

      // Follow redirects inside the app; stop at the client's redirect URI or at a page.
      const follow = async () => {
        for (let hops = 0; hops < 10; hops++) {
          const location = response.headers.location;
          if (response.statusCode < 300 || response.statusCode >= 400 || typeof location !== 'string')
            return undefined;
          if (location.startsWith(params.redirect_uri)) return location;
          const next = new URL(location, 'http://sandbox.local');
          response = await walk.send({ method: 'GET', url: `${next.pathname}${next.search}` });
        }
        return fail('too many redirects');
      };
      const postForm = async (url: string, fields: Record<string, string | string[]>) => {
        const body = new URLSearchParams();
        for (const [k, v] of Object.entries(fields)) for (const item of [v].flat()) body.append(k, item);
        response = await walk.send({
          method: 'POST',
          url,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: body.toString(),
        });
      };

      let done = await follow();
      const uid = /action="\/login\/([^/"]+)\/login"/.exec(response.body)?.[1];
      if (!done && uid) {
        await postForm(`/login/${uid}/login`, { csrf: field(response.body, 'csrf'), username, password });
        if (response.statusCode !== 303) fail(`login failed: ${errorText(response.body)}`);
        done = await follow();
      }
      const consentUid = /action="\/login\/([^/"]+)\/consent"/.exec(response.body)?.[1];
      if (!done && consentUid) {
        if (response.statusCode !== 200) fail(errorText(response.body));
        await postForm(`/login/${consentUid}/consent`, {
          csrf: field(response.body, 'csrf'),
          decision: 'approve',
          account_ids: accountIds,
        });
        if (response.statusCode !== 303) fail(errorText(response.body));
        done = await follow();
      }
      if (!done) {
        const oauthError = /"error":"([^"]+)","error_description":"([^"]*)"/.exec(response.body);
        return fail(
          oauthError ? `${oauthError[1]}: ${oauthError[2]}` : 'the authorization request was refused',
        );
      }
      const redirect = new URL(done);
      const error = redirect.searchParams.get('error');
      if (error) fail(`${error}: ${redirect.searchParams.get('error_description') ?? ''}`);
      return {
        redirect_url: done,
        code: redirect.searchParams.get('code'),
        state: redirect.searchParams.get('state'),
      };
    },
  );
};
