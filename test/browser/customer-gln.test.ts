import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, buildWeb, launchBrowser, logIn, type RunningServer, SCREENSHOTS, startServer } from '../helpers/browser.ts';

/**
 * Scenario: the manager edits a wholesaler's account (C013) and types Cap Marché's GLN by mistake. The save is
 * refused and the GLN field says, in French, who already holds it; nothing changes.
 */
describe.skipIf(!browserAvailable())('browser: a GLN already held by another customer', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    buildWeb();
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('refuses the save and names the holder beside the GLN field', async () => {
    const other = await server.app.db.selectFrom('customers').select(['id', 'gln']).where('code', '=', 'C013').executeTakeFirstOrThrow();
    await logIn(page, server.url, 'manager@demo.local');
    await page.goto(`${server.url}/customers/${other.id}/edit`);
    const gln = page.getByLabel('GLN', { exact: true });
    await gln.fill('3021000000019');
    await page.getByTestId('customer-save').click();
    await expect.poll(() => page.getByText('GLN déjà attribué au client C001 Cap Marché').count()).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'customer-gln-taken.png'), fullPage: true });
    expect(new URL(page.url()).pathname).toBe(`/customers/${other.id}/edit`);
    const after = await server.app.db.selectFrom('customers').select('gln').where('id', '=', other.id).executeTakeFirstOrThrow();
    expect(after.gln).toBe(other.gln);
  });
});
