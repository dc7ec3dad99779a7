#!/usr/bin/env node
// The `wekeza` command: Node.js 24 runs the TypeScript sources directly.
import { main } from '../src/cli/main.ts';

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`wekeza: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
