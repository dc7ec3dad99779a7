/**
 * @module Reading urlencoded form fields: a trimmed string within a length limit, a list from a
 * textarea (one item per line or comma), and the checked values of a checkbox group.
 */

const raw = (body: unknown, name: string): unknown => (body as Record<string, unknown> | undefined)?.[name];

/** The field's text (trimmed), or '' when missing, not text, or longer than `max`. */
export function text(body: unknown, name: string, max = 500): string {
  const value = raw(body, name);
  return typeof value === 'string' && value.length <= max ? value.trim() : '';
}

/** The lines (or comma-separated items) of a textarea, trimmed, without blanks. */
export function lines(body: unknown, name: string, max = 8000): string[] {
  return text(body, name, max)
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The checked values of a checkbox group (one value or many). */
export function checked(body: unknown, name: string): string[] {
  const value = raw(body, name);
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.filter((v): v is string => typeof v === 'string' && v.length <= 100);
}
