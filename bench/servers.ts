/**
 * @module Starts a benchmark server (bench/serve.ts) in its own process and waits until it listens.
 */
import { fork } from 'node:child_process';
import { freePort } from '../src/test-support/server.ts';

export async function serve(kind: 'bare' | 'wekeza', databaseUrl: string) {
  const port = await freePort();
  const child = fork(new URL('./serve.ts', import.meta.url), [kind, databaseUrl, String(port)], {
    stdio: 'inherit',
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.disconnect() };
}
