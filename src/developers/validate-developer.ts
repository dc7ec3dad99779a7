/**
 * @module Checks a developer registration: email format (stored lower-cased), password 12–200
 * characters, name 1–100. Throws VALIDATION_FAILED naming every bad field.
 */
import { AppError, type FieldError } from '../platform/index.ts';
import type { NewDeveloper } from './types.ts';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;
export const NAME_MAX = 100;
export const EMAIL_MAX = 254;

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export function validateDeveloper(input: NewDeveloper): NewDeveloper {
  const email = normaliseEmail(input.email);
  const name = input.name.trim();
  const errors: FieldError[] = [];
  if (email.length > EMAIL_MAX || !EMAIL.test(email))
    errors.push({ path: '/body/email', message: 'must be an email address' });
  if (input.password.length < PASSWORD_MIN || input.password.length > PASSWORD_MAX)
    errors.push({
      path: '/body/password',
      message: `must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`,
    });
  if (name.length < 1 || name.length > NAME_MAX)
    errors.push({ path: '/body/name', message: `must be 1 to ${NAME_MAX} characters` });
  if (errors.length > 0) {
    throw new AppError('VALIDATION_FAILED', errors.map((e) => `${e.path} ${e.message}`).join('; '), {
      errors,
    });
  }
  return { email, password: input.password, name };
}
