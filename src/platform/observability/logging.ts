/**
 * @module Logging: pino JSON, a request id on every line (taken from a sane `x-request-id`,
 * otherwise generated, and echoed back), and redaction of credentials and personal data.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyServerOptions } from 'fastify';

const SENSITIVE = [
  'password',
  'password_hash',
  'secret',
  'client_secret',
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'authorization',
  'account_number',
  'accountNumber',
  'cookie',
];

export const redactPaths: string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  ...SENSITIVE.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

const SANE_REQUEST_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: redactPaths, censor: '[redacted]' },
    serializers: {
      req: (req) => ({
        method: req.method,
        // The query string can carry codes and tokens: log the path only.
        path: String(req.url).split('?')[0],
        remote_address: req.ip,
      }),
      res: (res) => ({ status_code: res.statusCode }),
    },
  };
}
