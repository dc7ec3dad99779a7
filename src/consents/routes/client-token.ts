/**
 * @module The app's client-credentials access token, required on every consent route: a missing or
 * invalid token is 401 UNAUTHENTICATED with a `WWW-Authenticate: Bearer` challenge (RFC 6750); a
 * customer's token (bound to a consent or a customer) is 403 INSUFFICIENT_SCOPE. Runs on request,
 * before the body is read.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, bearerToken } from '../../platform/index.ts';

/** What the consent routes need of a verified access token (structurally identity's claims). */
export interface TokenClaims {
  readonly clientId: string;
  readonly sub: string | undefined;
  readonly consentId: string | undefined;
}

/** Verifies an access token; throws AppError UNAUTHENTICATED when it is not valid. */
export type VerifyAccessToken = (token: string) => Promise<TokenClaims>;

const clients = new WeakMap<FastifyRequest, string>();

/** True for a client-credentials token: no consent, and no subject other than the client itself. */
export const isClientToken = (claims: TokenClaims): boolean =>
  claims.consentId === undefined && (claims.sub === undefined || claims.sub === claims.clientId);

export function requireClientToken(verify: VerifyAccessToken) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const token = bearerToken(request.headers.authorization);
    if (!token) {
      reply.header('www-authenticate', 'Bearer');
      throw new AppError('UNAUTHENTICATED', "Send the app's access token: Authorization: Bearer …");
    }
    let claims: TokenClaims;
    try {
      claims = await verify(token);
    } catch (err) {
      reply.header('www-authenticate', 'Bearer error="invalid_token"');
      throw err;
    }
    if (!isClientToken(claims)) {
      reply.header('www-authenticate', 'Bearer error="insufficient_scope"');
      throw new AppError(
        'INSUFFICIENT_SCOPE',
        "Consents are managed with the app's client-credentials token, not a customer's token",
      );
    }
    clients.set(request, claims.clientId);
  };
}

/** The client id of a request that passed `requireClientToken`. */
export function clientOf(request: FastifyRequest): string {
  const clientId = clients.get(request);
  if (!clientId) throw new AppError('UNAUTHENTICATED');
  return clientId;
}
