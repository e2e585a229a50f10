import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type Desk, openDesk, SCREENSHOTS } from '../helpers/browser.ts';

/**
 * Issue 16, item 3 in the browser: a manager lists a product in Cap Marché's assortment from his page with the
 * keyboard, then takes it out with the mouse; the table says since when and by whom, the history what changed. An
 * assistant reads the listing in English without the means to change it.
 */
describe.skipIf(!browserAvailable())('browser: a customer assortment changed on screen', () => {
  let desk: Desk;
  let cap: number;
  const code = 'FAR-T65BIO-1KG';

  beforeAll(async () => {
    desk = await openDesk();
    cap = (await desk.server.app.db.selectFrom('customers').select('id').where('code', '=', 'C001').executeTakeFirstOrThrow()).id;
  }, 600_000);
  afterAll(() => desk?.close());

  it('lists a product by keyboard and takes it out by mouse, read back in its history', async () => {
    const page = await desk.open('fr', 'manager@demo.local');
    await page.goto(`${desk.server.url}/customers/${cap}`);
    const section = page.getByTestId('assortment');
    const table = section.getByTestId('assortment-products');
    await table.locator('tbody tr').first().waitFor();
    expect(await section.getByTestId('assortment-state').textContent()).toBe('restreint');
    const before = await table.locator('tbody tr').count();

    // Keyboard: into the picker, the code typed, the option taken with Enter, Tab to "Ajouter", Enter.
    await section.getByTestId('assortment-product').focus();
    await page.keyboard.type(code);
    await page.getByRole('option', { name: new RegExp(code) }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => section.getByTestId('assortment-product').inputValue()).toMatch(new RegExp(code));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const row = table.locator(`tr[data-product="${code}"]`);
    await expect.poll(() => row.getByTestId('assortment-since').textContent()).toMatch(/par Claire Dubois/);
    expect(await table.locator('tbody tr').count()).toBe(before + 1);
    const history = section.getByTestId('assortment-history');
    await expect.poll(() => history.textContent()).toMatch(new RegExp(`ajout.*\\+ ${code}`));
    // The search narrows the list to the product.
    await section.getByTestId('assortment-search').fill('biologique');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    await section.screenshot({ path: path.join(SCREENSHOTS, 'assortment-fr.png') });

    // Mouse: the bin on its row takes it out again.
    await row.getByRole('button', { name: `Retirer ${code} du référencement` }).click();
    await expect.poll(() => row.count()).toBe(0);
    await expect.poll(() => history.textContent()).toMatch(new RegExp(`retrait.*− ${code}`));
    await section.getByTestId('assortment-search').fill('');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(before);

    // An assistant reads it in English: no picker, no bin, the export at hand.
    const en = await desk.open('en');
    await en.goto(`${desk.server.url}/customers/${cap}`);
    const enSection = en.getByTestId('assortment');
    await enSection.getByTestId('assortment-history').waitFor();
    expect(await enSection.getByTestId('assortment-state').textContent()).toBe('restricted');
    await expect.poll(() => enSection.getByTestId('assortment-history').textContent()).toMatch(new RegExp(`removed.*− ${code}`));
    expect(await enSection.getByTestId('assortment-form').count()).toBe(0);
    expect(await enSection.getByTestId('assortment-remove').count()).toBe(0);
    expect(await enSection.getByTestId('assortment-export').getAttribute('href')).toBe(`/api/customers/${cap}/assortment.xlsx`);
    await enSection.screenshot({ path: path.join(SCREENSHOTS, 'assortment-en.png') });
    await en.close();
    await page.close();
  });
});
