/**
 * @module Request validation: one Ajv for bodies that never coerces types (a JSON number is not a
 * decimal string, so `10.5` cannot sneak into a money field), and one for params, query and headers,
 * which arrive as strings and are coerced. Both report every error, not just the first. No input may
 * carry a NUL character (PostgreSQL's text cannot hold one): it is refused before validation.
 */
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance, FastifySchema, FastifySchemaCompiler } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors/index.ts';

// ajv and ajv-formats are CommonJS with a default export.
const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;

function newAjv(coerceTypes: boolean | 'array') {
  const ajv = new Ajv({
    allErrors: true,
    removeAdditional: false,
    useDefaults: true,
    coerceTypes,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

export function validatorCompiler(): FastifySchemaCompiler<FastifySchema> {
  const strict = newAjv(false);
  const coercing = newAjv('array');
  return ({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema as object);
}

/** Where in `value` (a parsed query, params or body) a NUL character is, if anywhere. */
export function nulAt(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (value === null || typeof value !== 'object' || depth > 16) return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return path;
    const found = nulAt(item, `${path}/${key}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

async function refuseNul(app: FastifyInstance): Promise<void> {
  // A callback-style hook: it runs on every request, and needs no promise.
  app.addHook('preValidation', (request, _reply, done) => {
    const found =
      nulAt(request.params, '/params') ?? nulAt(request.query, '/query') ?? nulAt(request.body, '/body');
    if (!found) return done();
    done(
      new AppError('VALIDATION_FAILED', `${found} contains a NUL character`, {
        errors: [{ path: found, message: 'must not contain a NUL character' }],
      }),
    );
  });
}

/** Not encapsulated: every route of the app, forms and the OAuth pages included. */
export const refuseNulPlugin = fp(refuseNul, { name: 'wekeza-refuse-nul' });
