/**
 * @module The developer-token check for protected routes: `Authorization: Bearer wdt_…` must name a
 * live session, else 401 UNAUTHENTICATED with a `WWW-Authenticate: Bearer` challenge. Runs on
 * request, before the body is read, so an unauthenticated caller learns nothing about validation.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, bearerToken } from '../../platform/index.ts';
import type { DeveloperService } from '../service.ts';
import type { Developer } from '../types.ts';

interface Caller {
  readonly developer: Developer;
  readonly token: string;
}

const callers = new WeakMap<FastifyRequest, Caller>();

export function requireDeveloper(developers: DeveloperService) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const token = bearerToken(request.headers.authorization);
    const developer = token ? await developers.authenticate(token) : null;
    if (!token || !developer) {
      reply.header(
        'www-authenticate',
        token ? 'Bearer realm="developer", error="invalid_token"' : 'Bearer realm="developer"',
      );
      throw new AppError(
        'UNAUTHENTICATED',
        token
          ? 'The developer token is not valid or has expired'
          : 'Send a developer token: Authorization: Bearer …',
      );
    }
    callers.set(request, { developer, token });
  };
}

/** The authenticated caller of a request that passed `requireDeveloper`. */
export function callerOf(request: FastifyRequest): Caller {
  const caller = callers.get(request);
  if (!caller) throw new AppError('UNAUTHENTICATED');
  return caller;
}
