/**
 * @module Test fixture: the operator's `wekeza` command as a separate process, on the same database
 * (and Redis) as a running test app — as an operator would run it next to the platform.
 */
import { spawn } from 'node:child_process';
import type { Config } from '../platform/index.ts';
import { TEST_MASTER_KEY } from './app.ts';

export const BIN = new URL('../../bin/wekeza.js', import.meta.url).pathname;

/** Runs `wekeza <args>` against the app's database; the exit code and everything it printed. */
export function runCli(
  config: Pick<Config, 'database'>,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const db = config.database;
    const child = spawn(process.execPath, [BIN, ...args], {
      env: {
        ...process.env,
        LOG_LEVEL: 'silent',
        DATABASE_URL: db.kind === 'sqlite' ? `sqlite:${db.path}` : db.url,
        WEKEZA_MASTER_KEY: TEST_MASTER_KEY,
        ...env,
      },
    });
    let output = '';
    child.stdout.on('data', (c) => {
      output += c;
    });
    child.stderr.on('data', (c) => {
      output += c;
    });
    child.on('exit', (code) => resolve({ code, output }));
  });
}
