import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type Desk, focusedOn, openDesk } from '../helpers/browser.ts';

/**
 * Issue 18, item 6 — one search, one key away: Ctrl+K from any page (even from inside a field) opens it with its
 * field focused, so nothing she types is lost; "martin" finds the customer and his orders; the arrows and Enter open one.
 */
describe.skipIf(!browserAvailable())('browser: the one search, Ctrl+K from anywhere', () => {
  let desk: Desk;

  beforeAll(async () => {
    desk = await openDesk();
  }, 240_000);
  afterAll(() => desk?.close());

  for (const language of ['fr', 'en'] as const) {
    it(`${language}: from the order entry, Ctrl+K then "martin" finds Boulangerie Martin; Enter opens his page`, async () => {
      const page = await desk.open(language);
      await page.goto(`${desk.server.url}/orders/new`);
      await focusedOn(page, 'order-customer'); // a field has the focus: Ctrl+K works from there too
      await page.keyboard.press('Control+k');
      await focusedOn(page, 'search-palette-input');
      await page.keyboard.type('martin');
      const customer = page.locator('[data-testid^="search-hit-c"]').first();
      await expect.poll(() => customer.innerText(), { timeout: 10_000 }).toMatch(/Boulangerie Martin[\s\S]*C020/);
      expect(await page.locator('[data-testid="search-hit-c"]').count()).toBe(0);
      await desk.shot(page, `issue18-6-search-${language}`);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/customers\/\d+$/);

      // From the customer's page, an order by the customer's name: the arrows walk down to the orders.
      await page.keyboard.press('Control+k');
      await focusedOn(page, 'search-palette-input');
      await page.keyboard.type('cap march');
      const order = page.locator('[data-testid^="search-hit-o"]').first();
      await expect.poll(() => order.count(), { timeout: 10_000 }).toBe(1);
      const highlighted = page.locator('[data-highlighted]');
      for (let i = 0; i < 10 && !(await highlighted.getAttribute('data-testid'))?.startsWith('search-hit-o'); i++) {
        await page.keyboard.press('ArrowDown');
      }
      expect(await highlighted.getAttribute('data-testid')).toMatch(/^search-hit-o/);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/orders\/\d+$/);
      await page.close();
    });
  }
});
