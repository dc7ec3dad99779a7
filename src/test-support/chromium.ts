/**
 * @module Test fixture: Debian's Chromium driven by playwright-core (a tool's own browser download
 * does not work here). Browser tests skip, saying why, only when Chromium is missing outside CI;
 * under CI they must run (`.ci/run` installs Chromium). Screenshots go to `test-artifacts/`.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts');

/** The `skip` option of a browser test suite. */
export const skipWithoutChromium: string | false =
  !existsSync(CHROMIUM) && !process.env.CI
    ? `Chromium is not installed at ${CHROMIUM} (apt-get install chromium); this test is required under CI`
    : false;

/** Headless Chromium with no network of its own (no updates, sync or QUIC); makes the artefacts folder. */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}
