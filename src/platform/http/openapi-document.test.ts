/**
 * The API reference's document: valid OpenAPI 3.1 (checked with the specification's own JSON schema,
 * offline), and complete — every /v1, /developer and /sandbox route the app serves is documented with
 * a summary, its authentication, its error answers as problem documents, and examples.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { startTestApp, type TestApp } from '../../test-support/app.ts';

type Operation = {
  summary?: string;
  tags?: string[];
  security?: unknown[];
  requestBody?: { content: Record<string, { example?: unknown; schema?: { examples?: unknown[] } }> };
  responses: Record<string, { content?: Record<string, { example?: unknown; schema?: unknown }> }>;
};

const API = /^\/(v1|developer|sandbox)\//;
/** The routes anyone may call: sign-up, log-in and the sandbox helpers. */
const PUBLIC = new Set(['POST /developer/register', 'POST /developer/login']);

/** `METHOD /path/{param}` for every route the app serves, from Fastify's route tree. */
function servedRoutes(tree: string): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│ ]*)[├└]── (.+?) \(([A-Z, ]+)\)$/.exec(line);
    if (!m) continue;
    const depth = (m[1]?.length ?? 0) / 4;
    stack.length = depth;
    stack.push(m[2] ?? '');
    const path = stack.join('').replace(/:(\w+)/g, '{$1}');
    for (const method of (m[3] ?? '').split(', ')) {
      if (!['HEAD', 'OPTIONS'].includes(method)) routes.push(`${method} ${path}`);
    }
  }
  return routes;
}

describe('the OpenAPI document at /openapi.json', () => {
  let t: TestApp;
  let doc: { openapi: string; paths: Record<string, Record<string, Operation>> };
  before(async () => {
    t = await startTestApp('sqlite');
    doc = (await t.app.inject('/openapi.json')).json();
  });
  after(() => t?.close());

  test('validates against the OpenAPI 3.1 schema', async () => {
    assert.equal(doc.openapi, '3.1.0');
    const result = await new Validator().validate(doc as never);
    assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2)?.slice(0, 3000));
  });

  test('documents every /v1, /developer and /sandbox route the app serves', () => {
    const served = servedRoutes(t.app.printRoutes({ commonPrefix: false })).filter((r) =>
      API.test(r.split(' ')[1] ?? ''),
    );
    assert.ok(served.length > 30, served.join('\n'));
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, item]) =>
        Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`),
      ),
    );
    assert.deepEqual(
      served.filter((r) => !documented.has(r)),
      [],
      'routes served but missing from the reference',
    );
  });

  test('every operation has a summary, a tag, its authentication, problem documents for errors, and examples', () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      if (!API.test(path)) continue;
      for (const [method, op] of Object.entries(item)) {
        const name = `${method.toUpperCase()} ${path}`;
        assert.ok(op.summary, `${name}: summary`);
        assert.ok(op.tags?.length, `${name}: tag`);
        const open = PUBLIC.has(name) || path.startsWith('/sandbox/');
        assert.equal(Boolean(op.security?.length), !open, `${name}: security`);
        const statuses = Object.keys(op.responses);
        assert.ok(
          statuses.some((s) => s.startsWith('2')),
          `${name}: a success answer`,
        );
        const errors = statuses.filter((s) => /^[45]/.test(s));
        assert.ok(errors.length, `${name}: its errors`);
        for (const status of errors) {
          assert.ok(
            op.responses[status]?.content?.['application/problem+json'],
            `${name} ${status}: a problem document`,
          );
        }
        const json = Object.entries(op.responses)
          .filter(([s]) => s.startsWith('2'))
          .map(([, r]) => r.content?.['application/json'])
          .filter((m) => m !== undefined);
        for (const media of [...json, op.requestBody?.content['application/json']].filter(
          (m) => m !== undefined,
        )) {
          assert.ok(
            media.example !== undefined ||
              (media.schema as { examples?: unknown[] } | undefined)?.examples?.length,
            `${name}: an example`,
          );
        }
      }
    }
  });
});
