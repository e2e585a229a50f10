import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type Desk, openDesk } from '../helpers/browser.ts';

/**
 * Issue 13: the customer's call rhythm is set on his page. Boulangerie Martin is called on Monday and Thursday at
 * 10:00; he asks to be called on Friday too, a quarter of an hour later: his page says so, and so does the API.
 */
describe.skipIf(!browserAvailable())('browser: a customer’s call rhythm', () => {
  let desk: Desk;
  let page: Page;
  let martin: number;

  beforeAll(async () => {
    desk = await openDesk();
    martin = (
      await desk.server.app.db.selectFrom('customers').select('id').where('name', '=', 'Boulangerie Martin').executeTakeFirstOrThrow()
    ).id;
    page = await desk.open('fr');
  }, 240_000);

  afterAll(async () => {
    await desk?.close();
  });

  it('shows his days in words, then adds Friday a quarter of an hour later', async () => {
    await page.goto(new URL(`/customers/${martin}`, page.url()).href);
    const text = page.getByTestId('call-rhythm-text');
    await expect
      .poll(() => text.innerText())
      .toBe('Nous l’appelons : lundi, jeudi, 10:00–10:30 (prise de commande) · demander Pascal Martin');

    await page.getByTestId('call-rhythm-edit').click();
    await page.getByRole('dialog').getByText('ven.', { exact: true }).click();
    await page.getByTestId('rhythm-from').fill('10:15');
    await page.getByTestId('rhythm-to').fill('10:45');
    await desk.shot(page, 'call-rhythm-edit-fr');
    await page.getByTestId('rhythm-save').click();
    await expect
      .poll(() => text.innerText())
      .toBe('Nous l’appelons : lundi, jeudi, vendredi, 10:15–10:45 (prise de commande) · demander Pascal Martin');
    await desk.shot(page, 'call-rhythm-fr');
    const saved = await page.evaluate((id) => fetch(`/api/customers/${id}/call-rhythm`).then((r) => r.json()), martin);
    expect(saved.rhythm).toMatchObject({ weekdays: ['MON', 'THU', 'FRI'], from: '10:15', to: '10:45', purpose: 'ordering' });
  });

  it('says which field is wrong: a window that ends before it starts', async () => {
    await page.getByTestId('call-rhythm-edit').click();
    await page.getByTestId('rhythm-to').fill('09:00');
    await page.getByTestId('rhythm-save').click();
    await expect.poll(() => page.getByRole('dialog').innerText()).toContain('ne peut pas précéder le début');
    await desk.shot(page, 'call-rhythm-error-fr');
    expect(await page.getByRole('dialog').count()).toBe(1);
  });

  it('reads the same in English', async () => {
    const en = await desk.open('en');
    await en.goto(new URL(`/customers/${martin}`, en.url()).href);
    await expect
      .poll(() => en.getByTestId('call-rhythm-text').innerText())
      .toBe('We call him: Monday, Thursday, Friday, 10:15–10:45 (order taking) · ask for Pascal Martin');
    await desk.shot(en, 'call-rhythm-en');
    await en.close();
  });
});
