import fs from 'node:fs';
import { buildWeb, CHROMIUM } from './browser.ts';

/**
 * The browser suites run in parallel and all serve dist/web: build it once, here, before any of them starts. A
 * build per suite emptied the folder under another suite's open page.
 */
export default async function setup(): Promise<void> {
  if (!fs.existsSync(CHROMIUM)) return;
  buildWeb();
  process.env.CARNET_WEB_BUILT = '1';
}
