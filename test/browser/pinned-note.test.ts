import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote } from '../../server/customers/notes.service.ts';
import { browserAvailable, buildWeb, launchBrowser, logIn, type RunningServer, SCREENSHOTS, startServer } from '../helpers/browser.ts';

/**
 * A colleague pinned a note on Boulangerie Martin (C020): whoever opens his page or takes his order sees it before
 * speaking to him, in French and in English.
 */
describe.skipIf(!browserAvailable())('browser: a pinned note shows on the customer page and at order entry', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const text = 'Appeler M. Martin avant 7 h : après, il est au fournil.';

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    buildWeb();
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the note on his page and when he is picked at order entry', async () => {
    const db = server.app.db;
    const martin = await db.selectFrom('customers').select('id').where('code', '=', 'C020').executeTakeFirstOrThrow();
    const adv = await db.selectFrom('users').select('id').where('email', '=', 'adv@demo.local').executeTakeFirstOrThrow();
    // Written by the service the route calls, as a colleague would have (customer-story.test.ts writes one from the page).
    await addNote(db, martin.id, { text, pinned: true, mood: 'annoyed' }, adv.id, server.app.clock.now());

    await logIn(page, server.url, 'adv@demo.local');
    await page.goto(`${server.url}/customers/${martin.id}`);
    await expect.poll(() => page.getByTestId('pinned-notes').getByText(text).count()).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'pinned-note-customer-fr.png') });

    await page.goto(`${server.url}/orders/new?customerId=${martin.id}`);
    await expect.poll(() => page.getByTestId('pinned-notes').getByText(text).count()).toBe(1);
    await expect.poll(() => page.getByText('Note épinglée pour les collègues').count()).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'pinned-note-entry-fr.png') });

    await page.evaluate(() => localStorage.setItem('carnet.language', 'en'));
    await page.reload();
    await expect.poll(() => page.getByText('Pinned note for colleagues').count()).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'pinned-note-entry-en.png') });
  });
});
