/** @module Public door of the error catalogue. */
export { AppError, type FieldError, isAppError } from './app-error.ts';
export { catalogue, type ErrorCode, type ErrorKind, statusOfKind } from './catalogue.ts';
