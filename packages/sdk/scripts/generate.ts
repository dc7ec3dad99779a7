/**
 * `npm run sdk:generate`: regenerates `src/generated/openapi.ts` from the app's OpenAPI document.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATED_PATH, openApiDocument, typesOf } from './document.ts';

const source = await typesOf(await openApiDocument());
mkdirSync(dirname(fileURLToPath(GENERATED_PATH)), { recursive: true });
writeFileSync(GENERATED_PATH, source);
console.log(`wrote ${fileURLToPath(GENERATED_PATH)} (${source.length} characters)`);
