import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, buildWeb, launchBrowser, logIn, type RunningServer, SCREENSHOTS, startServer } from '../helpers/browser.ts';

// Scenario 12 (/work/shared/SCENARIOS.md): the buyer of Pause Croustille orders alone from the portal, in French.
describe.skipIf(!browserAvailable())('browser: a customer orders alone on the portal', () => {
  let browser: Browser;
  let server: RunningServer;

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    buildWeb();
    browser = await launchBrowser();
    server = await startServer();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('orders with the franco message, reorders, downloads the acknowledgement, and sees nothing of another customer', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' });
    await logIn(page, server.url, 'achats@pause-croustille.demo');
    await page.waitForURL((url) => url.pathname === '/portal');
    await page.getByRole('heading', { name: /Commander — Pause Croustille/ }).waitFor();
    // Never the desk's navigation.
    expect(await page.getByRole('link', { name: 'Clients' }).count()).toBe(0);
    const quantity = page.getByLabel(/^Quantité de /).first();
    await quantity.fill('1');
    const basket = page.getByText('Votre commande').locator('..');
    await expect.poll(async () => (await basket.innerText()).toLowerCase(), { timeout: 15_000 }).toContain('franco');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'portal-order-fr.png') });
    await quantity.fill('40');
    await expect.poll(async () => page.getByRole('button', { name: 'Passer la commande' }).isEnabled(), { timeout: 15_000 }).toBe(true);
    await page.getByRole('button', { name: 'Passer la commande' }).click();
    await page.waitForURL(/\/portal\/orders\/\d+$/);
    await page.getByRole('heading', { name: /^Commande / }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'portal-order-detail-fr.png') });
    const download = page.getByRole('link', { name: /\.pdf$/ }).first();
    await expect.poll(() => download.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toMatch(/\.pdf$/);
    await page.getByRole('link', { name: 'Commander à nouveau' }).click();
    await expect
      .poll(
        () =>
          page
            .getByLabel(/^Quantité de /)
            .first()
            .inputValue(),
        { timeout: 15_000 },
      )
      .toBe('40');
    for (const url of ['/portal', '/portal/orders']) {
      await page.goto(`${server.url}${url}`);
      await page.getByRole('heading').first().waitFor();
      await page.waitForLoadState('networkidle');
      const text = await page.locator('body').innerText();
      for (const other of ['Au Pain Doré', 'Cap Marché', 'Maison Lefèvre']) expect(text).not.toContain(other);
    }
    await page.screenshot({ path: path.join(SCREENSHOTS, 'portal-orders-fr.png') });
    // A buyer who types a desk address lands back on her portal.
    await page.goto(`${server.url}/customers`);
    await page.waitForURL((url) => url.pathname === '/portal');
    const en = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    await logIn(en, server.url, 'commandes@paindore.demo');
    await en.waitForURL((url) => url.pathname === '/portal');
    await en.getByRole('heading', { name: /Au Pain Doré/ }).waitFor();
    await en
      .getByRole('button', { name: /EN|English/ })
      .first()
      .click()
      .catch(() => undefined);
    await en.screenshot({ path: path.join(SCREENSHOTS, 'portal-order-en.png') });
  }, 180_000);
});
