import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDeliveryDate } from '../../core/calendar/delivery-date.ts';
import { parseTypedDate } from '../../core/calendar/typed-date.ts';
import { formatterFor } from '../../web/src/shared/format.ts';
import { browserAvailable, type Desk, focusedOn, openDesk } from '../helpers/browser.ts';
import { TEST_TODAY } from '../helpers/test-app.ts';

/**
 * Issue 18, item 1 — "pour vendredi": Pascal Martin (delivered Tuesdays and Fridays) gives his date the way people
 * say it; the field reads it, says when the point cannot take a date and offers the next one, and its calendar
 * shows the delivery days and is walked with the arrows.
 */
describe.skipIf(!browserAvailable())('browser: the delivery date as it is said on the phone', () => {
  let desk: Desk;
  const martin = { deliveryWeekdays: ['TUE', 'FRI'] as ('TUE' | 'FRI')[] };
  const today = () => TEST_TODAY; // the desk under test (server and pages) is pinned at TEST_NOW

  beforeAll(async () => {
    desk = await openDesk();
  }, 240_000);
  afterAll(() => desk?.close());

  async function startMartinOrder(page: Page) {
    await page.goto(`${desk.server.url}/orders/new`);
    await focusedOn(page, 'order-customer');
    await page.keyboard.type('martin');
    await page.getByText('Boulangerie Martin').first().waitFor();
    await page.keyboard.press('Enter');
    await focusedOn(page, 'order-line-1-product');
  }

  /** Types into the date field as she would (its text selected on focus), then Tab. */
  async function typeDate(page: Page, typed: string) {
    const field = page.getByTestId('order-requested-date');
    await field.focus();
    await page.keyboard.type(typed);
    await page.keyboard.press('Tab');
  }

  for (const language of ['fr', 'en'] as const) {
    const fmt = formatterFor(language);
    const order = 'day-month'; // fr-FR and en-GB both write the day first
    const friday = language === 'fr' ? 'vendredi' : 'friday';

    it(`${language}: reads "${friday}", "j+2"/"d+2", a short date, and refuses what is not a date`, async () => {
      const page = await desk.open(language);
      await startMartinOrder(page);
      const field = page.getByTestId('order-requested-date');

      await typeDate(page, friday);
      await expect.poll(() => field.inputValue()).toBe(fmt.date(parseTypedDate(friday, today(), order)));

      const plusTwo = language === 'fr' ? 'j+2' : 'd+2';
      await typeDate(page, plusTwo);
      await expect.poll(() => field.inputValue()).toBe(fmt.date(parseTypedDate(plusTwo, today(), order)));

      const nextFriday = parseTypedDate('ven', parseTypedDate('+7', today(), order)!, order)!;
      const short = `${nextFriday.slice(8, 10)}/${nextFriday.slice(5, 7)}`;
      await typeDate(page, short);
      await expect.poll(() => field.inputValue()).toBe(fmt.date(nextFriday));
      // The field's own display, typed back, is the same date.
      await typeDate(page, fmt.date(nextFriday));
      await expect.poll(() => field.inputValue()).toBe(fmt.date(nextFriday));
      await expect.poll(() => page.getByTestId('order-date-problem').count()).toBe(0);

      await typeDate(page, 'bientôt');
      const error = language === 'fr' ? /« bientôt » n’est pas une date/ : /“bientôt” is not a date/;
      await expect.poll(() => page.getByText(error).count()).toBe(1);
      expect(await field.inputValue()).toBe('bientôt'); // kept, to be corrected, not thrown away
      await desk.shot(page, `issue18-1-date-unreadable-${language}`);
      await page.close();
    });

    it(`${language}: a Wednesday says why and offers the next delivery day, in one key`, async () => {
      const page = await desk.open(language);
      await startMartinOrder(page);
      const field = page.getByTestId('order-requested-date');
      const wednesday = parseTypedDate('mer', parseTypedDate('+7', today(), order)!, order)!;
      await typeDate(page, fmt.date(wednesday).replace(/^\S+\s/, '')); // "16/12/2026"
      const problem = page.getByTestId('order-date-problem');
      const why =
        language === 'fr'
          ? /n’est pas un jour de livraison de ce point \(livré le mar\., ven\.\)/
          : /not a delivery day of this point \(delivered on Tue, Fri\)/;
      await expect.poll(() => problem.innerText()).toMatch(why);
      const next = checkDeliveryDate(wednesday, martin, null)!.next!;
      await desk.shot(page, `issue18-1-date-not-delivery-day-${language}`);
      await page.getByTestId('order-date-next').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => field.inputValue()).toBe(fmt.date(next));
      await expect.poll(() => problem.count()).toBe(0);
      await page.close();
    });

    it(`${language}: a date typed before the customer's terms have arrived is kept, not replaced by the default`, async () => {
      const page = await desk.open(language);
      // The customer's context (delivery points, earliest dates) is held until she has typed her date.
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/api/customers/*/order-context*', async (route) => {
        await held;
        await route.continue();
      });
      await startMartinOrder(page);
      const field = page.getByTestId('order-requested-date');
      const friday = parseTypedDate('ven', parseTypedDate('+14', today(), order)!, order)!;
      await typeDate(page, fmt.date(friday).replace(/^\S+\s/, ''));
      release();
      // The terms have arrived when the default delivery point is chosen.
      await expect.poll(() => page.getByTestId('order-delivery-point').inputValue()).not.toBe('');
      await expect.poll(() => field.inputValue()).toBe(fmt.date(friday));
      await page.close();
    });

    it(`${language}: the calendar opens with Alt+↓, shows the delivery days and holidays, and the arrows pick a day`, async () => {
      const page = await desk.open(language);
      await startMartinOrder(page);
      const field = page.getByTestId('order-requested-date');
      const start = parseTypedDate('ven', parseTypedDate('+7', today(), order)!, order)!;
      await typeDate(page, fmt.date(start));
      await field.focus();
      await page.keyboard.press('Alt+ArrowDown');
      const calendar = page.getByTestId('delivery-calendar');
      await calendar.waitFor();
      // The arrows walk from the chosen day: she sees it focused before she presses them.
      await page.waitForFunction(() => {
        const day = document.activeElement;
        return day?.closest('[data-testid="delivery-calendar"]') != null && day.hasAttribute('data-selected');
      });
      expect(await calendar.locator('[data-delivery-day]').count()).toBeGreaterThanOrEqual(7); // two a week, a month shown
      await desk.shot(page, `issue18-1-date-calendar-${language}`);
      // Friday → the next Tuesday: four days on.
      for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      await calendar.waitFor({ state: 'hidden' });
      const tuesday = parseTypedDate('+4', start, order)!;
      await expect.poll(() => field.inputValue()).toBe(fmt.date(tuesday));
      await focusedOn(page, 'order-requested-date');
      await page.close();
    });
  }
});
