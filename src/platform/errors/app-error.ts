/**
 * @module The one error type that domain code throws: a stable `code` from the catalogue,
 * a human `detail`, and optional structured `errors` (for example one per bad field).
 */
import { catalogue, type ErrorCode, type ErrorKind } from './catalogue.ts';

export interface FieldError {
  /** JSON pointer into the request, for example `/body/amount/amount`. */
  readonly path: string;
  readonly message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly kind: ErrorKind;
  readonly title: string;
  readonly errors: readonly FieldError[] | undefined;
  readonly extra: Readonly<Record<string, unknown>> | undefined;

  constructor(
    code: ErrorCode,
    detail?: string,
    options: { errors?: FieldError[]; extra?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    const { kind, title } = catalogue[code];
    super(detail ?? title, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.kind = kind;
    this.title = title;
    this.errors = options.errors;
    this.extra = options.extra;
  }
}

export const isAppError = (err: unknown): err is AppError => err instanceof AppError;
