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

/**
 * Runs a browser test's body; should Chromium itself exit during it (seen once in many full runs,
 * cause unknown, and no failure of the pages under test), relaunches it and runs the body once more,
 * with the attempt number so that it can pick fresh names. Any failure while Chromium is alive, or
 * a second exit, fails the test.
 */
export async function survivingBrowserExit(
  browser: { get(): Browser; set(relaunched: Browser): void },
  body: (attempt: number) => Promise<void>,
): Promise<void> {
  try {
    await body(1);
  } catch (err) {
    if (browser.get().isConnected()) throw err;
    process.stderr.write(`Chromium exited during the test (${String(err)}); relaunched, running it again\n`);
    browser.set(await launchChromium());
    await body(2);
  }
}
