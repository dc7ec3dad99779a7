/**
 * @module The one place errors become HTTP answers: every error (ours, Fastify's, a validation
 * failure or an unexpected exception) is turned into an RFC 9457 `application/problem+json` document.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode, type FieldError, isAppError, statusOfKind } from '../errors/index.ts';

export const PROBLEM_TYPE_BASE = 'urn:wekeza:problem:';

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Fastify/ajv validation errors, one per bad field, each with a JSON pointer such as `/body/amount`. */
function fieldErrors(err: FastifyError): FieldError[] {
  const context = (err as { validationContext?: string }).validationContext ?? 'body';
  return ((err.validation ?? []) as AjvError[]).map((v) => {
    let path = `/${context}${v.instancePath}`;
    if (v.keyword === 'required' && typeof v.params.missingProperty === 'string') {
      path += `/${v.params.missingProperty}`;
    } else if (v.keyword === 'additionalProperties' && typeof v.params.additionalProperty === 'string') {
      path += `/${v.params.additionalProperty}`;
    }
    return { path, message: v.message ?? v.keyword };
  });
}

const CODE_OF_FASTIFY_STATUS: Record<number, ErrorCode> = {
  404: 'ROUTE_NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/** Turns any thrown value into an AppError; unknown errors become INTERNAL_ERROR and leak nothing. */
export function toAppError(err: unknown): AppError {
  if (isAppError(err)) return err;
  const fe = err as FastifyError;
  if (fe?.validation) {
    const errors = fieldErrors(fe);
    const detail = errors.map((e) => `${e.path} ${e.message}`).join('; ');
    return new AppError('VALIDATION_FAILED', detail, { errors });
  }
  const status = typeof fe?.statusCode === 'number' ? fe.statusCode : 500;
  if (status >= 400 && status < 500) {
    const code = CODE_OF_FASTIFY_STATUS[status] ?? 'MALFORMED_REQUEST';
    return new AppError(code, fe.message || undefined);
  }
  return new AppError(
    'INTERNAL_ERROR',
    'An unexpected error occurred; quote the request_id when reporting it.',
    {
      cause: err,
    },
  );
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const status = statusOfKind[error.kind];
  return reply
    .code(status)
    .type('application/problem+json')
    .send({
      type: `${PROBLEM_TYPE_BASE}${error.code.toLowerCase().replaceAll('_', '-')}`,
      title: error.title,
      status,
      detail: error.message,
      instance: request.url.split('?')[0] ?? '/',
      code: error.code,
      request_id: String(request.id),
      ...(error.errors ? { errors: error.errors } : {}),
      ...error.extra,
    });
}

export function errorHandler(this: unknown, err: unknown, request: FastifyRequest, reply: FastifyReply) {
  const appError = toAppError(err);
  if (appError.kind === 'internal') {
    request.log.error({ err }, 'unhandled error');
  } else {
    request.log.info({ code: appError.code }, 'request refused');
  }
  return sendProblem(request, reply, appError);
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  const path = request.url.split('?')[0];
  return sendProblem(request, reply, new AppError('ROUTE_NOT_FOUND', `No route ${request.method} ${path}`));
}
