/**
 * @module Examples for the API reference: every JSON request body and success response that has no
 * example of its own gets one, built from its schema (a property's `examples`, `default`, `const`
 * or first `enum` value, else a value of its type and format, ids from their `pre_…` pattern).
 * Applied to the generated OpenAPI document; the route schemas stay as they are.
 */

type Schema = Record<string, unknown>;
type Document = {
  paths?: Record<string, Record<string, Schema>>;
  components?: { schemas?: Record<string, Schema> };
};

const ID_SUFFIX = '01JD5V6Q8ZK3M2N4P5R6S7T8V9';
const BY_FORMAT: Record<string, string> = {
  'date-time': '2026-01-15T09:30:00Z',
  date: '2026-01-15',
  email: 'dev@fintech.example',
  uri: 'https://budget.example/callback',
  url: 'https://budget.example/callback',
};

/** Plausible strings for common property names (the hint), when the schema gives none. */
const BY_NAME: Record<string, string> = {
  name: 'Budget Buddy',
  email: 'dev@fintech.example',
  url: 'https://hooks.fintech.example/wekeza',
  redirect_uris: 'https://budget.example/callback',
  ip_allowlist: '203.0.113.0/24',
  rate_limit_tier: 'standard',
  description: 'Groceries',
  reference: 'INV-2026-001',
  token: 'wdt_example-developer-token',
  client_secret: 'wks_example-client-secret-shown-once',
  secret: 'whsec_ZXhhbXBsZS1zaWduaW5nLXNlY3JldA==',
  currency: 'KES',
  amount: '1500.00',
};

function exampleOf(schema: Schema | undefined, doc: Document, depth = 0, hint = ''): unknown {
  if (!schema || depth > 10) return undefined;
  if (typeof schema.$ref === 'string') {
    return exampleOf(doc.components?.schemas?.[schema.$ref.split('/').at(-1) ?? ''], doc, depth + 1, hint);
  }
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  for (const key of ['example', 'default', 'const'] as const)
    if (schema[key] !== undefined) return schema[key];
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key] as Schema[] | undefined;
    if (options) return exampleOf(options.find((o) => o.type !== 'null') ?? options[0], doc, depth + 1, hint);
  }
  if (Array.isArray(schema.allOf)) {
    return Object.assign({}, ...(schema.allOf as Schema[]).map((s) => exampleOf(s, doc, depth + 1)));
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type ?? (schema.properties ? 'object' : undefined)) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      return Object.fromEntries(
        Object.entries(properties).map(([k, v]) => [k, exampleOf(v, doc, depth + 1, k)]),
      );
    }
    case 'array': {
      const item = exampleOf(schema.items as Schema | undefined, doc, depth + 1, hint);
      return item === undefined ? [] : [item];
    }
    case 'string': {
      // An id: its prefix from the pattern (`^app_…`) or the description (`app_…`).
      const prefix =
        (typeof schema.pattern === 'string' ? /^\^\(?([a-z]{2,4})_/.exec(schema.pattern)?.[1] : undefined) ??
        (typeof schema.description === 'string'
          ? /`([a-z]{2,4})_…`/.exec(schema.description)?.[1]
          : undefined);
      if (prefix) return `${prefix}_${ID_SUFFIX}`;
      return BY_FORMAT[String(schema.format)] ?? BY_NAME[hint] ?? 'string';
    }
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 0;
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return undefined;
  }
}

/** Adds an example to a JSON media object that has none (neither on itself nor on its schema). */
function fill(media: Schema | undefined, doc: Document): void {
  if (!media || media.example !== undefined || media.examples !== undefined) return;
  const schema = media.schema as Schema | undefined;
  if (!schema || Array.isArray(schema.examples)) return;
  const example = exampleOf(schema, doc);
  if (example !== undefined) media.example = example;
}

export function withExamples<T extends Document>(doc: T): T {
  for (const item of Object.values(doc.paths ?? {})) {
    for (const operation of Object.values(item)) {
      const body = operation.requestBody as { content?: Record<string, Schema> } | undefined;
      fill(body?.content?.['application/json'], doc);
      const responses = (operation.responses ?? {}) as Record<string, { content?: Record<string, Schema> }>;
      for (const [status, response] of Object.entries(responses)) {
        if (status.startsWith('2')) fill(response.content?.['application/json'], doc);
      }
    }
  }
  return doc;
}
