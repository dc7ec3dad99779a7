/**
 * @module Who may call the operator API: a bearer key whose SHA-256 digest equals the configured
 * one (`WEKEZA_OPERATOR_KEY`, kept only as its digest), compared in constant time. The operator
 * names themselves in each decision they make; the key proves they are an operator.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, bearerToken, digest, equalDigests } from '../platform/index.ts';

export function operatorAuth(keyDigest: string) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const key = bearerToken(request.headers.authorization);
    if (!key || !equalDigests(digest(key), keyDigest)) {
      reply.header('www-authenticate', 'Bearer realm="operator"');
      throw new AppError('UNAUTHENTICATED', 'Send the operator key: Authorization: Bearer …');
    }
  };
}
