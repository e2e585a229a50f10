import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_LINE_QUANTITY } from '../../core/orders/order-limits.ts';
import { DEMO_PARTNERS, demoInterchange, demoOrder } from '../../server/edi/demo-orders.ts';
import { ingestFile } from '../../server/edi/ingest.ts';
import { fileStoreOf } from '../../server/documents/file-store.ts';
import { browserAvailable, buildWeb, launchBrowser, type RunningServer, SCREENSHOTS, startServer } from '../helpers/browser.ts';

/**
 * An ORDERS message refused whole (a quantity beyond what an order holds) shows among the refused messages of the
 * EDI queue, its reason worded in the user's language from its code, the segment at fault highlighted.
 */
describe.skipIf(!browserAvailable())('browser: a refused EDI message in the queue', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    buildWeb();
    server = await startServer();
    browser = await launchBrowser();
    const db = server.app.db;
    const est = DEMO_PARTNERS[2];
    const today = server.app.clock.now().toISOString().slice(0, 10);
    const order = demoOrder(est, 7101, today, 1);
    const file = path.join(fileStoreOf(db), 'refused-order.edi');
    const lines = order.lines.map((l) => ({ ...l, quantity: MAX_LINE_QUANTITY + 1 }));
    fs.writeFileSync(file, demoInterchange(est, 'REFUSED-PAGE', today, [{ ...order, lines }]));
    const [r] = await ingestFile(db, file, { door: 'cli', clock: server.app.clock });
    expect(r.messages[0].status).toBe('rejected');
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(language: 'fr' | 'en'): Promise<Page> {
    const p = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: language === 'fr' ? 'fr-FR' : 'en-GB' });
    await p.addInitScript((lang) => localStorage.setItem('carnet.language', lang), language);
    await p.goto(`${server.url}/login`);
    await p.evaluate(async () => {
      await fetch('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'adv@demo.local', password: 'demo1234' }),
      });
    });
    await p.goto(`${server.url}/edi`);
    return p;
  }

  it.each([
    ['fr', /Quantité 1000001 hors limites \(au plus 1000000 unités de vente par ligne\), segment \d+/, 'Derniers messages refusés'],
    ['en', /Quantity 1000001 out of bounds \(at most 1000000 sale units on a line\), segment \d+/, 'Latest refused messages'],
  ] as const)('words the refusal in %s', async (language, reason, title) => {
    const page = await open(language);
    const card = page.getByTestId('edi-refused-message').first();
    await card.waitFor();
    expect(await page.getByText(title).isVisible()).toBe(true);
    expect(await card.innerText()).toMatch(reason);
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, `edi-refused-${language}.png`) });
    await page.close();
  });
});
