import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, buildWeb, launchBrowser, logIn, type RunningServer, SCREENSHOTS, startServer } from '../helpers/browser.ts';

/**
 * Scenario: the administrator loads the plant's production plan from a spreadsheet. The import screen offers every
 * kind the server imports (planned receipts among them, typed from the server's own list); checking a file with a
 * row naming an unknown product lists that row, and nothing is written.
 */
describe.skipIf(!browserAvailable())('browser: importing planned receipts', () => {
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

  it('checks a planned-receipts file and lists its bad row', async () => {
    const warehouse = await server.app.db.selectFrom('warehouses').select('code').orderBy('id').executeTakeFirstOrThrow();
    const product = await server.app.db
      .selectFrom('products')
      .select('code')
      .where('status', '=', 'active')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const before = await server.app.db
      .selectFrom('plannedReceipts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const csv = [
      'warehouseCode,productCode,ref,date,quantity',
      `${warehouse.code},${product.code},OF-TEST-1,2030-01-22,1200`,
      `${warehouse.code},NO-SUCH-PRODUCT,OF-TEST-2,2030-01-23,500`,
    ].join('\n');

    await logIn(page, server.url, 'admin@demo.local');
    await page.goto(`${server.url}/imports`);
    await page.getByText('Réceptions prévues', { exact: true }).click();
    await page.locator('input[type=file]').setInputFiles({ name: 'plan.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-validate').click();
    await expect.poll(() => page.getByTestId('import-errors').getByText('NO-SUCH-PRODUCT').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'imports-planned-receipts.png'), fullPage: true });
    expect(await page.getByTestId('import-template').getAttribute('href')).toBe('/api/imports/planned-receipts/template.csv');
    const after = await server.app.db
      .selectFrom('plannedReceipts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
