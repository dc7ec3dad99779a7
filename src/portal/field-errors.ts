/**
 * @module A domain error, in the words of the form that caused it: each field error becomes
 * "Field label: message" (the label from the form's own names), else the error's detail.
 */
import type { AppError } from '../platform/index.ts';

export function messagesOf(err: AppError, labels: Readonly<Record<string, string>>): string[] {
  if (!err.errors?.length) return [err.message];
  return err.errors.map((e) => {
    const [, , field = '', index] = e.path.split('/');
    const label = labels[field] ?? field;
    return `${label}${index !== undefined ? ` (item ${Number(index) + 1})` : ''}: ${e.message}`;
  });
}
