import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote } from '../../server/customers/notes.service.ts';
import {
  browserAvailable,
  buildWeb,
  launchBrowser,
  logIn,
  type RunningServer,
  SCREENSHOTS,
  startServer,
  tabUntil,
} from '../helpers/browser.ts';
import { TEST_NOW } from '../helpers/test-app.ts';

/**
 * Boulangerie Martin (C020) calls the desk: Léa answers, types the number shown on her phone (or his name), his page
 * opens with the call timed from when she picked up and his pinned note in view; ending the call logs it as inbound,
 * and an order taken goes on to the order entry for him.
 */
describe.skipIf(!browserAvailable())('browser: an inbound call from the number or the name', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let martinId: number;
  const pinned = 'Appeler M. Martin avant 7 h : après, il est au fournil.';
  const at = (seconds: number) => new Date(Date.parse(TEST_NOW) + seconds * 1000);

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    buildWeb();
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' });
    const db = server.app.db;
    martinId = (await db.selectFrom('customers').select('id').where('code', '=', 'C020').executeTakeFirstOrThrow()).id;
    const adv = await db.selectFrom('users').select('id').where('email', '=', 'adv@demo.local').executeTakeFirstOrThrow();
    await addNote(db, martinId, { text: pinned, pinned: true }, adv.id, server.app.clock.now());
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const lastCall = () =>
    server.app.db
      .selectFrom('calls')
      .select(['customerId', 'direction', 'purpose', 'outcome', 'note', 'durationSeconds'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();

  it('finds him by his number, times the call from the pickup and logs it as inbound when she ends it', async () => {
    await logIn(page, server.url, 'adv@demo.local');
    await page.context().clock.setFixedTime(at(0));
    // By the keyboard alone: the top bar's button is on the way of Tab.
    await tabUntil(page, '[data-testid="inbound-call"]');
    await page.keyboard.press('Enter');
    const palette = page.getByTestId('inbound-call-palette');
    await expect.poll(() => palette.getByText('Appel entrant').count()).toBe(1);
    await page.keyboard.type('02 61 91 40 01');
    await expect.poll(() => page.getByTestId(`search-hit-c${martinId}`).count()).toBe(1);
    // Customers only: the number is no order's nor product's.
    await expect.poll(() => palette.getByText('Commandes').count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'inbound-call-palette-fr.png') });
    await page.keyboard.press('Enter');

    await page.waitForURL((u) => u.pathname === `/customers/${martinId}` && u.searchParams.get('call') === 'in');
    const panel = page.getByTestId('inbound-call-panel');
    await expect.poll(() => panel.count()).toBe(1);
    await expect.poll(() => page.getByTestId('pinned-notes').getByText(pinned).count()).toBe(1);
    // Two minutes and five seconds on the line: the timer counts from the pickup.
    await page.context().clock.setFixedTime(at(125));
    await expect.poll(() => panel.getByTestId('call-timer').textContent()).toBe('02:05');
    await page.getByRole('textbox', { name: 'Motif' }).click();
    await page.getByRole('option', { name: 'Information' }).click();
    // Escape leaves the field, and the keys are the call's again.
    await page.keyboard.press('Escape');
    await page.keyboard.press('6');
    await page.keyboard.press('n');
    await page.keyboard.type('Demande les horaires de livraison du samedi.');
    await page.keyboard.press('Escape');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'inbound-call-panel-fr.png') });
    await page.keyboard.press('Enter');

    await expect.poll(() => panel.count()).toBe(0);
    expect(new URL(page.url()).search).toBe('');
    expect(await lastCall()).toEqual({
      customerId: martinId,
      direction: 'in',
      purpose: 'information',
      outcome: 'handled',
      note: 'Demande les horaires de livraison du samedi.',
      durationSeconds: 125,
    });
  });

  it('finds him by his name, and an order taken opens the order entry for him', async () => {
    // Back to the server's time: a call cannot start in its future.
    await page.context().clock.setFixedTime(at(0));
    await page.getByTestId('inbound-call').click();
    await page.keyboard.type('martin');
    await expect.poll(() => page.getByTestId(`search-hit-c${martinId}`).count()).toBe(1);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('inbound-call-panel').count()).toBe(1);
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/orders/new' && u.searchParams.get('customerId') === String(martinId));
    expect(await lastCall()).toMatchObject({ customerId: martinId, direction: 'in', purpose: 'ordering', outcome: 'order-taken' });
  });

  it('looks the same in English', async () => {
    await page.evaluate(() => localStorage.setItem('carnet.language', 'en'));
    await page.goto(`${server.url}/day`);
    await page.getByRole('button', { name: 'Inbound call' }).click();
    await page.keyboard.type('+33 2 61 91 40 01');
    await expect.poll(() => page.getByTestId(`search-hit-c${martinId}`).count()).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'inbound-call-palette-en.png') });
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('inbound-call-panel');
    await expect.poll(() => panel.getByText('End the call', { exact: true }).count()).toBe(1);
    await expect.poll(() => page.getByText('Pinned note for colleagues').count()).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'inbound-call-panel-en.png') });
  });
});
