/**
 * @module Test fixture: the real app listening on a real loopback port, with `PUBLIC_URL` set to
 * that address (OAuth clients check that the issuer is the URL they discovered).
 */
import { createServer } from 'node:net';
import type { BuildOptions } from '../app.ts';
import { startTestApp, type TestApp } from './app.ts';
import type { BackendName } from './backends.ts';

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

export interface TestServer extends TestApp {
  readonly url: string;
}

export async function startTestServer(
  backend: BackendName,
  env: Record<string, string> = {},
  build: BuildOptions = {},
): Promise<TestServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const t = await startTestApp(backend, { PORT: String(port), PUBLIC_URL: url, ...env }, {}, build);
  await t.app.listen({ port, host: '127.0.0.1' });
  return { ...t, url };
}
