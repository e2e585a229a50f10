import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type Desk, focusedOn, openDesk } from '../helpers/browser.ts';

/**
 * Issue 18, items 2 and 5 — scenario 2 to the end: Pascal Martin's phone order ("10 sacs de T65, 4 de gruau, 2 sacs
 * de sucre glace, pour vendredi") is confirmed; the order page shows the gruau line's gross price, its discount with
 * the promotion's name, and its net; the acknowledgement goes to his email. A customer with no address says, in the
 * screen's language, what to do.
 */
describe.skipIf(!browserAvailable())('browser: the promotion stays on the order, the acknowledgement finds its way', () => {
  let desk: Desk;

  beforeAll(async () => {
    desk = await openDesk();
  }, 240_000);
  afterAll(() => desk?.close());

  async function phoneOrder(page: Page, customer: string, shown: string, lines: [string, string][], day: string) {
    await page.goto(`${desk.server.url}/orders/new`);
    await focusedOn(page, 'order-customer');
    await page.keyboard.type(customer);
    await page.getByText(shown).first().waitFor();
    await page.keyboard.press('Enter');
    for (const [i, [code, quantity]] of lines.entries()) {
      await focusedOn(page, `order-line-${i + 1}-product`);
      await page.keyboard.type(code);
      await page.keyboard.press('Enter');
      await focusedOn(page, `order-line-${i + 1}-quantity`);
      await page.keyboard.type(quantity);
      await page.keyboard.press('Enter');
    }
    await page.getByTestId('order-requested-date').focus();
    await page.keyboard.type(day);
    await page.keyboard.press('Control+Enter');
    await page.waitForURL(/\/orders\/\d+$/);
  }

  for (const language of ['fr', 'en'] as const) {
    it(`${language}: the gruau line shows 18,50 €, the galette promotion's 5 % and the net; the ARC goes to Pascal Martin`, async () => {
      const page = await desk.open(language);
      await phoneOrder(
        page,
        'martin',
        'Boulangerie Martin',
        [
          ['T65', '10'],
          ['FAR-T45-S25', '4'],
          ['SUC-GLA-S10', '2'],
        ],
        'vendredi',
      ); // one of his delivery days
      await expect.poll(() => page.getByTestId('order-status').first().textContent()).toBe(language === 'fr' ? 'confirmée' : 'confirmed');
      const discount = page.getByTestId('order-detail-line-2-discount');
      await expect.poll(() => discount.innerText()).toMatch(/Saison des galettes des rois −5\s?%/);
      expect(await discount.innerText()).toMatch(language === 'fr' ? /−3,70\s€/ : /−€3\.70/);
      expect(await page.getByTestId('order-detail-line-2-net').innerText()).toMatch(language === 'fr' ? /70,30\s€/ : /€70\.30/);
      const email = page.getByTestId('order-email');
      // The ARC is printed after the commit by the worker (the first one of a run loads the fonts): the page shows it
      // being prepared, then its email.
      await expect.poll(() => email.innerText(), { timeout: 20_000 }).toMatch(/pascal@boulangerie-martin\.example/);
      expect(await email.innerText()).not.toMatch(/No email address/);
      await desk.shot(page, `issue18-2-promotion-on-order-${language}`);
      await page.close();
    });

    it(`${language}: with no address at all, the order page says in ${language} what to do`, async () => {
      const db = desk.server.app.db;
      const paindore = (await db.selectFrom('customers').select('id').where('code', '=', 'C021').executeTakeFirstOrThrow()).id;
      await db.updateTable('contacts').set({ email: null }).where('customerId', '=', paindore).execute();
      const page = await desk.open(language);
      await phoneOrder(page, 'pain dor', 'Au Pain Doré', [['T65', '20']], 'mercredi'); // her one delivery day
      const error = page.getByTestId('order-email-error');
      await expect
        .poll(() => error.innerText(), { timeout: 20_000 })
        .toMatch(
          language === 'fr' ? /Non envoyé : le client n’a ni contact commandes avec e-mail/ : /Not sent: the customer has no order contact/,
        );
      expect(await error.getByRole('link').getAttribute('href')).toBe(`/customers/${paindore}`);
      await desk.shot(page, `issue18-5-no-recipient-${language}`);
      await page.close();
    });
  }
});
