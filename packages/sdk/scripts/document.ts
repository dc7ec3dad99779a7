/**
 * @module The platform's OpenAPI document, straight from the app (in-memory SQLite, sandbox routes
 * on, nothing seeded), and the SDK's types generated from it with openapi-typescript. Used by
 * `npm run sdk:generate` and by the test that fails when the committed types are stale.
 */
import openapiTS, { astToString } from 'openapi-typescript';
import { buildApp } from '../../../src/app.ts';
import { loadConfig } from '../../../src/platform/index.ts';

export const GENERATED_PATH = new URL('../src/generated/openapi.ts', import.meta.url);

const HEADER = `/**
 * @module Types of the Wekeza Open Banking API, generated from its OpenAPI document by
 * openapi-typescript. Do not edit: run \`npm run sdk:generate\` (a test fails when this file is stale).
 */
/* biome-ignore-all lint: generated */
`;

/** The live app's OpenAPI document. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const config = loadConfig({
    DATABASE_URL: 'sqlite::memory:',
    WEKEZA_SANDBOX: 'true',
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://localhost:8080',
  });
  const app = await buildApp(config, { seed: false });
  try {
    return (await app.inject('/openapi.json')).json() as Record<string, unknown>;
  } finally {
    await app.close();
  }
}

/** The generated TypeScript source for a document. */
export async function typesOf(document: Record<string, unknown>): Promise<string> {
  const ast = await openapiTS(document as never, { alphabetize: true, exportType: false });
  return HEADER + astToString(ast);
}
