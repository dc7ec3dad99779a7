/**
 * The getting-started guide, run as a newcomer would: every `sh` block of docs/getting-started.md
 * except the one that starts the platform, in order, in one bash session, against a real server.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { freePort, startTestServer, type TestServer } from '../test-support/server.ts';
import { GUIDE_PATH } from './routes/guide.ts';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');

/** The guide's shell blocks, in order. */
export const shellBlocks = (markdown: string): string[] =>
  [...markdown.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '');

describe('the getting-started guide [sqlite]', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer('sqlite');
  });
  after(() => t?.close());

  test('every command runs as written: sign-up, app, consent, token, API call, webhook and payment', async () => {
    const blocks = shellBlocks(readFileSync(GUIDE_PATH, 'utf8'));
    assert.ok(blocks.length >= 9, `found ${blocks.length} blocks`);
    assert.match(
      blocks[0] ?? '',
      /npm start/,
      'the first block starts the platform (the test server does here)',
    );
    // The test's own guard: whatever happens, the receiver the guide starts does not outlive the run.
    const script = [
      'set -euo pipefail',
      "trap 'kill $RECEIVER_PID 2>/dev/null || true' EXIT",
      'RECEIVER_PID=',
      ...blocks.slice(1),
    ].join('\n');
    const { stdout } = await run('bash', ['-c', script], {
      cwd: ROOT,
      timeout: 90_000,
      env: { ...process.env, WEKEZA: t.url, RECEIVER_PORT: String(await freePort()) },
    });
    assert.match(stdout, /"email": "me@fintech\.example"/);
    assert.match(stdout, /^app_[0-9A-Z]{26}$/m);
    assert.match(stdout, /^cns_[0-9A-Z]{26}$/m);
    assert.match(stdout, /"token_type": "Bearer"/);
    assert.match(stdout, /"nickname": /);
    assert.match(stdout, /"event_type": "webhook.test"/);
    assert.match(stdout, /^verified webhook\.test msg_/m);
    assert.match(stdout, /"status": "completed"/);
    assert.match(stdout, /^verified payment\.completed msg_/m);
    assert.doesNotMatch(stdout, /refused:/);
  });
});
