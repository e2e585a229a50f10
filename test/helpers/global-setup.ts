import fs from 'node:fs';
import { buildStale, CHROMIUM } from './browser.ts';

/**
 * What the suites run from the build, built once here before any of them starts (and only when older than the
 * sources): the compiled CLI the command-line suites spawn, and, for the browser suites, the web app they all
 * serve. A build per suite emptied the web folder under another suite's open page.
 */
export default async function setup(): Promise<void> {
  const browsers = fs.existsSync(CHROMIUM);
  buildStale(browsers ? ['server', 'web'] : ['server']);
  if (browsers) process.env.CARNET_WEB_BUILT = '1';
}
