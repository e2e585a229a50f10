import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRiskScan } from '../../server/risks/risk-scan.ts';
import { browserAvailable, type Desk, focusedOn, focusRingShown, openDesk, tabUntil } from '../helpers/browser.ts';

/**
 * Issue 19, § 2: each screen's main action with the keyboard alone, in a visible focus order with a visible focus
 * ring; the rows that open something walked with the arrows; dialogs keep the focus and give it back; `?` lists
 * the shortcuts.
 */

/** The list screens whose rows open a record: where Enter on a row leads. */
const ROW_LISTS: { path: string; opens: RegExp; user?: string }[] = [
  { path: '/risks', opens: /\/risks\/\d+$/ },
  { path: '/orders', opens: /\/orders\/\d+$/ },
  { path: '/complaints', opens: /\/complaints\/\d+$/ },
  { path: '/customers', opens: /\/customers\/\d+$/ },
  { path: '/products', opens: /\/products\/\d+$/ },
  { path: '/penalties', opens: /\/penalties\/\d+$/ },
  { path: '/terms/promotions', opens: /\/terms\/promotions\/\d+$/, user: 'manager@demo.local' },
];

const focusedRow = (page: Page) =>
  page.evaluate(() => {
    const row = document.activeElement;
    if (!row?.matches('[data-action-row]')) return -1;
    return [...row.parentElement!.querySelectorAll(':scope > [data-action-row]')].indexOf(row);
  });

describe.skipIf(!browserAvailable())('browser: everything by keyboard', () => {
  let desk: Desk;

  beforeAll(async () => {
    desk = await openDesk();
    await runRiskScan(desk.server.app.db, desk.server.app.clock.now());
  }, 300_000);

  afterAll(async () => {
    await desk?.close();
  });

  it('logs in from the keyboard: the e-mail field has the focus, Tab to the password, Enter', async () => {
    const page = await desk.open('fr', null);
    try {
      await page.locator('input[type="email"]').waitFor();
      await page.keyboard.type('adv@demo.local');
      await page.keyboard.press('Tab');
      await page.keyboard.type('demo1234');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/day$/); // an assistant lands on her day
    } finally {
      await page.close();
    }
  });

  it('skips the menu: the first Tab shows "Aller au contenu", Enter puts the focus in the screen', async () => {
    const page = await desk.open('fr');
    try {
      await page.goto(`${desk.server.url}/orders`);
      await page.locator('tbody tr').first().waitFor();
      await page.keyboard.press('Tab');
      const skip = page.locator('.skip-link');
      expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await skip.isVisible()).toBe(true);
      expect(await skip.innerText()).toBe('Aller au contenu');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'main');
      // The next Tab is in the screen, past the menu's fifteen entries.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    } finally {
      await page.close();
    }
  });

  for (const list of ROW_LISTS) {
    it(`walks the rows of ${list.path} with the arrows and opens one with Enter`, async () => {
      const page = await desk.open('fr', list.user);
      try {
        await page.goto(`${desk.server.url}${list.path}`);
        await page.locator('[data-action-row]').nth(1).waitFor();
        await tabUntil(page, '[data-action-row]');
        expect(await focusedRow(page)).toBe(0);
        expect(await focusRingShown(page)).toBe(true);
        await page.keyboard.press('ArrowDown');
        expect(await focusedRow(page)).toBe(1);
        await page.keyboard.press('End');
        const last = (await page.locator('[data-action-row]').count()) - 1;
        expect(await focusedRow(page)).toBe(last);
        await page.keyboard.press('Home');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowUp');
        await page.keyboard.press('ArrowDown');
        expect(await focusedRow(page)).toBe(1);
        await page.keyboard.press('Enter');
        await page.waitForURL(list.opens);
      } finally {
        await page.close();
      }
    });
  }

  it('lists the shortcuts on ?, keeps the focus in the dialog and gives it back on Escape', async () => {
    const page = await desk.open('en');
    try {
      await page.goto(`${desk.server.url}/risks`);
      await page.locator('[data-action-row]').first().waitFor();
      await tabUntil(page, '[data-action-row]');
      await page.keyboard.press('?');
      const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await help.waitFor();
      expect(await help.innerText()).toContain('new order');
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press('Tab');
        expect(await help.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
      }
      await page.keyboard.press('Escape');
      await help.waitFor({ state: 'hidden' });
      await page.waitForFunction(() => document.activeElement?.matches('[data-action-row]'));
      expect(await focusedRow(page)).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('opens the one search with Ctrl+K and gives the focus back where it was on Escape', async () => {
    const page = await desk.open('fr');
    try {
      await page.goto(`${desk.server.url}/customers`);
      await page.locator('[data-action-row]').nth(2).waitFor();
      await tabUntil(page, '[data-action-row]');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Control+k');
      await focusedOn(page, 'search-palette-input');
      await page.keyboard.press('Escape');
      await page.getByTestId('search-palette').waitFor({ state: 'hidden' });
      await page.waitForFunction(() => document.activeElement?.matches('[data-action-row]'));
      expect(await focusedRow(page)).toBe(1);
    } finally {
      await page.close();
    }
  });

  it('takes an order from the keyboard: Alt+N, the customer, a line, the calendar by Alt+↓, Ctrl+Enter', async () => {
    const page = await desk.open('fr');
    try {
      await page.goto(`${desk.server.url}/orders`);
      await page.locator('tbody tr').first().waitFor();
      await page.keyboard.press('Alt+n');
      await focusedOn(page, 'order-customer');
      await page.keyboard.type('martin');
      await page.getByText('Boulangerie Martin').first().waitFor();
      await page.keyboard.press('Enter');
      await focusedOn(page, 'order-line-1-product');
      await page.keyboard.type('FAR-T45-S25');
      await page.keyboard.press('Enter');
      await focusedOn(page, 'order-line-1-quantity');
      await page.keyboard.type('2');
      await page.keyboard.press('Enter');
      await focusedOn(page, 'order-line-2-product');
      // Back up to the delivery date: its calendar opens from the keyboard, takes the focus, Escape gives it back.
      await page.keyboard.down('Shift');
      await tabUntil(page, '[data-testid="order-requested-date"]');
      await page.keyboard.up('Shift');
      expect(await focusRingShown(page)).toBe(true);
      await page.keyboard.press('Alt+ArrowDown');
      await page.getByTestId('delivery-calendar').waitFor();
      await page.waitForFunction(() => document.querySelector('[data-testid="delivery-calendar"]')?.contains(document.activeElement));
      await page.keyboard.press('Escape');
      await focusedOn(page, 'order-requested-date');
      await page.keyboard.press('Control+Enter');
      await page.waitForURL(/\/orders\/\d+$/);
      await page.getByTestId('order-number').waitFor();
    } finally {
      await page.close();
    }
  });
});
