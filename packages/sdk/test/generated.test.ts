import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { GENERATED_PATH, openApiDocument, typesOf } from '../scripts/document.ts';

test('the committed API types are generated from the current OpenAPI document (else: npm run sdk:generate)', async () => {
  const fresh = await typesOf(await openApiDocument());
  const committed = readFileSync(GENERATED_PATH, 'utf8');
  assert.ok(
    fresh === committed,
    'packages/sdk/src/generated/openapi.ts is stale: run `npm run sdk:generate` and commit the result',
  );
});
