/**
 * @module The gateway check in front of customer data: a valid access token (signature, issuer,
 * audience, expiry, active app), bound to a consent that is authorised and unexpired right now, and
 * carrying the scope the route needs. Failures follow RFC 6750: 401 `invalid_token` with a
 * `WWW-Authenticate: Bearer` challenge, 403 `insufficient_scope`. Runs on request, before any body.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Consent } from '../consents/index.ts';
import type { AccessTokenVerifier } from '../identity/index.ts';
import { AppError, bearerToken } from '../platform/index.ts';

export interface CustomerAccess {
  readonly clientId: string;
  readonly customerId: string;
  readonly consent: Consent;
}

export interface CustomerAccessOptions {
  readonly verifyAccessToken: AccessTokenVerifier;
  readonly consents: { get(consentId: string): Promise<Consent> };
}

const grants = new WeakMap<FastifyRequest, CustomerAccess>();

/** An onRequest hook that admits only a customer token whose live consent covers `scope`. */
export function requireCustomerAccess(options: CustomerAccessOptions, scope: string) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const invalid = (detail: string): never => {
      reply.header('www-authenticate', 'Bearer error="invalid_token"');
      throw new AppError('UNAUTHENTICATED', detail, { extra: { error: 'invalid_token' } });
    };
    const token = bearerToken(request.headers.authorization);
    if (!token) {
      reply.header('www-authenticate', 'Bearer');
      throw new AppError('UNAUTHENTICATED', "Send the customer's access token: Authorization: Bearer …");
    }
    const claims = await options
      .verifyAccessToken(token)
      .catch(() => invalid('The access token is not valid'));
    if (!claims.consentId || !claims.sub)
      return invalid('This API needs a customer access token bound to a consent');
    const consent = await options.consents.get(claims.consentId).catch(() => undefined);
    if (
      consent?.status !== 'authorized' ||
      consent.clientId !== claims.clientId ||
      consent.customerId !== claims.sub
    ) {
      return invalid('The consent behind this token is no longer authorised');
    }
    if (!claims.scopes.includes(scope) || !consent.scopes.includes(scope as never)) {
      reply.header('www-authenticate', `Bearer error="insufficient_scope", scope="${scope}"`);
      throw new AppError('INSUFFICIENT_SCOPE', `This needs the ${scope} scope`, {
        extra: { error: 'insufficient_scope' },
      });
    }
    grants.set(request, { clientId: claims.clientId, customerId: claims.sub, consent });
  };
}

/** What a request that passed `requireCustomerAccess` may see. */
export function accessOf(request: FastifyRequest): CustomerAccess {
  const access = grants.get(request);
  if (!access) throw new AppError('UNAUTHENTICATED');
  return access;
}
