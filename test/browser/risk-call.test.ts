import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRiskScan } from '../../server/risks/risk-scan.ts';
import { browserAvailable, buildWeb, launchBrowser, logIn, type RunningServer, SCREENSHOTS, startServer } from '../helpers/browser.ts';

/**
 * Scenario 4: the croissants and the 1 kg T45 packs will be short for Cap Marché. The assistant opens the risk from
 * the board, calls the order contact, the customer takes the short delivery on time (his settings accept a partial
 * delivery, not a backorder), Carnet applies it and the risk leaves the board.
 */
describe.skipIf(!browserAvailable())('browser: from a risk to the customer decision', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const digits = (s: string) => s.replace(/\D/g, '');

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    buildWeb();
    server = await startServer();
    await runRiskScan(server.app.db, server.app.clock.now());
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens the risk from the board and shows the call: contact, situation, script, options ranked', async () => {
    await logIn(page, server.url, 'adv@demo.local');
    await page.goto(`${server.url}/risks`);
    const row = page.getByTestId('risks-table').locator('tbody tr', { hasText: 'FAR-T45-1KG' }).first();
    await row.waitFor();
    await shot('risk-01-board');
    await row.click();
    await page.waitForURL(/\/risks\/\d+$/);
    const call = page.getByTestId('risk-call');
    await call.waitFor();
    expect(await page.getByTestId('risk-call-phone').getAttribute('href')).toMatch(/^tel:/);
    expect(await page.getByTestId('risk-situation').innerText()).toMatch(/il manquera 60/);
    expect(await page.getByTestId('risk-option-partial-cancel').textContent()).toContain('accepté par le client');
    expect(await page.getByTestId('risk-option-postpone').textContent()).toContain('hors accord');
    await shot('risk-02-call-fr');
    await page.evaluate(() => localStorage.setItem('carnet.language', 'en'));
    await page.reload();
    await page.getByTestId('risk-option-partial-cancel').waitFor();
    expect(await page.getByTestId('risk-situation').innerText()).toMatch(/60 .* will be missing/);
    await shot('risk-03-call-en');
    await page.evaluate(() => localStorage.setItem('carnet.language', 'fr'));
    await page.reload();
  });

  it('records the choice: the order shows the shorter line, the risk is gone from the board', async () => {
    const riskId = Number(new URL(page.url()).pathname.split('/').pop());
    const risk = await page.evaluate((id) => fetch(`/api/risks/${id}`).then((r) => r.json()), riskId);
    await page.getByTestId('risk-note').fill('Accord de Mme Roux au téléphone');
    await page.getByTestId('risk-option-partial-cancel').getByRole('button').click();
    await page.waitForURL(/\/orders\/\d+$/);
    const line = page.getByTestId('order-detail-lines').locator('tbody tr', { hasText: 'FAR-T45-1KG' });
    await expect.poll(async () => digits(await line.locator('td').nth(3).innerText())).toBe(String(risk.lineQuantity - 60));
    await shot('risk-04-order-updated');
    await page.goto(`${server.url}/risks`);
    await page.getByTestId('risks-table').waitFor();
    await expect
      .poll(() =>
        page.getByTestId('risks-table').locator('tbody tr', { hasText: risk.orderNumber }).filter({ hasText: 'FAR-T45-1KG' }).count(),
      )
      .toBe(0);
    await shot('risk-05-board-after');
  });

  it('delivers a released order from another warehouse: the cassonade short at the depot leaves from the mill instead', async () => {
    await page.goto(`${server.url}/risks`);
    const row = page.getByTestId('risks-table').locator('tbody tr', { hasText: 'SUC-CAS-500' }).first();
    await row.waitFor();
    await row.click();
    await page.waitForURL(/\/risks\/\d+$/);
    const option = page.getByTestId('risk-option-other-warehouse');
    await option.waitFor();
    expect(await page.getByTestId('risk-warehouse').innerText()).toContain('WH-SUCRE');
    expect(await option.textContent()).toContain('WH-MOULIN');
    await shot('risk-06-call-other-warehouse');
    await option.getByRole('button').click();
    await page.waitForURL(/\/orders\/\d+$/);
    const delivery = page.getByTestId('order-deliveries').locator('tbody tr', { hasText: 'SUC-CAS-500' });
    await expect.poll(async () => (await delivery.count()) === 1 && (await delivery.innerText())).toContain('Moulin de Saint-Fiacre');
    expect(await page.getByTestId('order-deliveries').locator('tbody tr', { hasText: 'SUC-MOR-1KG' }).innerText()).toContain(
      'Sucres du Val',
    );
    await shot('risk-07-order-from-the-mill');
  });
});
