import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ORDER_LINES } from '../../core/orders/order-limits.ts';
import { DEMO_PARTNERS, demoInterchange, demoOrder } from '../../server/edi/demo-orders.ts';
import { ingestFile } from '../../server/edi/ingest.ts';
import { fileStoreOf } from '../../server/documents/file-store.ts';
import { browserAvailable, buildWeb, launchBrowser, type RunningServer, SCREENSHOTS, startServer } from '../helpers/browser.ts';

/**
 * The largest order an EDI partner may send (MAX_ORDER_LINES lines, quantities off their multiples, so a rounding is
 * proposed on many of them), opened on its page: every line shown, its findings and suggestions beside them.
 */
describe.skipIf(!browserAvailable())('browser: the page of an EDI order of the largest size', () => {
  let server: RunningServer;
  let browser: Browser;
  let orderId: number;

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    buildWeb();
    server = await startServer();
    browser = await launchBrowser();
    const db = server.app.db;
    const est = DEMO_PARTNERS[2]; // Les Marchés de l'Est do not auto-confirm: the order stays a draft
    const today = server.app.clock.now().toISOString().slice(0, 10);
    const order = demoOrder(est, 7001, today, MAX_ORDER_LINES);
    const file = path.join(fileStoreOf(db), 'large-order.edi');
    fs.writeFileSync(
      file,
      demoInterchange(est, 'LARGE-PAGE', today, [{ ...order, lines: order.lines.map((l, i) => ({ ...l, quantity: 7 + (i % 13) })) }]),
    );
    const [r] = await ingestFile(db, file, { door: 'cli', clock: server.app.clock });
    orderId = r.messages[0].orderId!;
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(`shows all ${MAX_ORDER_LINES} lines with the rules' findings and suggestions`, async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'fr-FR' });
    await page.goto(`${server.url}/login`);
    await page.evaluate(async () => {
      await fetch('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'adv@demo.local', password: 'demo1234' }),
      });
    });
    await page.goto(`${server.url}/orders/${orderId}`);
    await page.getByTestId('order-detail-lines').waitFor();
    expect(await page.getByTestId('order-detail-lines').locator('tbody tr').count()).toBe(MAX_ORDER_LINES);
    await expect.poll(() => page.getByTestId('order-suggestions').locator('[data-kind^="round"]').count()).toBeGreaterThan(100);
    expect(await page.getByTestId('order-findings').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'large-edi-order.png') });
    await page.close();
  });
});
