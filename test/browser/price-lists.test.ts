import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type Desk, openDesk, pageApi } from '../helpers/browser.ts';

/**
 * Issue 16, item 3 in the browser: a manager changes a line of Boulangerie Martin's price list on the price lists
 * screen (a French decimal price in a dialog); the line says who changed it, and the next quote charges it.
 */
describe.skipIf(!browserAvailable())('browser: a price list line changed on screen', () => {
  let desk: Desk;
  let martin: number;
  let list: number;
  let product: { id: number; code: string };

  beforeAll(async () => {
    desk = await openDesk();
    const db = desk.server.app.db;
    const customer = await db.selectFrom('customers').select(['id', 'priceListId']).where('code', '=', 'C020').executeTakeFirstOrThrow();
    martin = customer.id;
    list = customer.priceListId!;
    product = await db.selectFrom('products').select(['id', 'code']).where('code', '=', 'FAR-T65-S25').executeTakeFirstOrThrow();
  }, 600_000);
  afterAll(() => desk?.close());

  it('is changed by a manager in a dialog, shown with who changed it, and prices the next quote', async () => {
    const page = await desk.open('fr', 'manager@demo.local');
    await page.goto(`${desk.server.url}/terms/price-lists?list=${list}`);
    const lines = page.getByTestId('price-list-lines');
    await lines.locator('tbody tr').first().waitFor();
    await page.getByTestId('price-list-search').fill(product.code);
    await expect.poll(() => lines.locator('tbody tr').count()).toBe(1);
    const row = lines.locator(`tr[data-product="${product.code}"]`);
    await row.getByTestId('line-edit').click();
    const form = page.getByTestId('price-line-form');
    await page.getByTestId('price-line-price').fill('17,45');
    await page.getByRole('button', { name: 'Ajouter un palier' }).click();
    await form.getByLabel('À partir de (unités)').fill('20');
    await form.getByLabel('Prix unitaire HT').last().fill('16,90');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => row.getByTestId('line-price').textContent()).toMatch(/17,45/);
    await expect.poll(() => row.getByText('dès 20 unités').count()).toBe(1);
    await expect.poll(() => row.getByTestId('line-changed').textContent()).toMatch(/modifié par Claire Dubois le/);
    await expect.poll(() => page.getByTestId('price-list-history').getByText(product.code).count()).toBeGreaterThan(0);
    await desk.shot(page, 'price-lists-fr');

    const quote = await pageApi(page)<{ lines: { unitPriceCents: number }[] }>('POST', '/api/orders/quote', {
      customerId: martin,
      channel: 'phone',
      lines: [{ productId: product.id, quantity: 10 }],
    });
    expect(quote.lines[0].unitPriceCents).toBe(1745);

    // In English, a price that is not one is named beside its field.
    const en = await desk.open('en', 'manager@demo.local');
    await en.goto(`${desk.server.url}/terms/price-lists?list=${list}`);
    const enRow = en.getByTestId('price-list-lines').locator(`tr[data-product="${product.code}"]`);
    await expect.poll(() => enRow.getByTestId('line-changed').textContent()).toMatch(/changed by Claire Dubois on/);
    await enRow.getByTestId('line-edit').click();
    await en.getByTestId('price-line-price').fill('17,4x');
    await en.getByTestId('price-line-form').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => en.getByTestId('price-line-form').locator('.mantine-TextInput-error').count()).toBe(1);
    await desk.shot(en, 'price-lists-en');
    await en.close();
    await page.close();
  });

  it('takes a product the list does not sell yet, chosen in the same dialog', async () => {
    const db = desk.server.app.db;
    // The demo's list sells every product: one is ended first, then taken back from the dialog.
    const missing = await db
      .selectFrom('products')
      .innerJoin('priceListItems', 'priceListItems.productId', 'products.id')
      .select(['products.id', 'products.code'])
      .where('priceListItems.priceListId', '=', list)
      .where('products.id', '<>', product.id)
      .orderBy('products.code')
      .executeTakeFirstOrThrow();
    const page = await desk.open('fr', 'manager@demo.local');
    await pageApi(page)('DELETE', `/api/price-lists/${list}/items/${missing.id}`);
    await page.goto(`${desk.server.url}/terms/price-lists?list=${list}`);
    await page.getByTestId('price-list-lines').locator('tbody tr').first().waitFor();
    await page.getByTestId('price-line-add').click();
    const form = page.getByTestId('price-line-form');
    // Saved without a product, the dialog asks for one before anything is sent.
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await form.getByText('obligatoire', { exact: false }).waitFor();
    await page.getByTestId('price-line-product').fill(missing.code);
    await page.getByRole('option', { name: new RegExp(missing.code) }).click();
    await page.getByTestId('price-line-price').fill('9,90');
    await desk.shot(page, 'price-lists-add-fr');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await form.waitFor({ state: 'detached' });
    const row = page.getByTestId('price-list-lines').locator(`tr[data-product="${missing.code}"]`);
    await expect.poll(() => row.getByTestId('line-price').textContent()).toMatch(/9,90/);
    const item = await db
      .selectFrom('priceListItems')
      .select('unitPriceCents')
      .where('priceListId', '=', list)
      .where('productId', '=', missing.id)
      .executeTakeFirstOrThrow();
    expect(item.unitPriceCents).toBe(990);
    await page.close();
  });

  it("changes the list's discount on the order by keyboard, read back in its history, in French and in English", async () => {
    const db = desk.server.app.db;
    const gms = (await db.selectFrom('priceLists').select('id').where('code', '=', 'PL-GMS-2026').executeTakeFirstOrThrow()).id;
    const page = await desk.open('fr', 'manager@demo.local');
    await page.goto(`${desk.server.url}/terms/price-lists?list=${gms}`);
    const panel = page.getByTestId('order-tiers');
    await expect.poll(() => panel.getByTestId('order-tiers-steps').textContent()).toMatch(/dès 24 palettes : −4/);
    await panel.getByTestId('order-tiers-edit').click();
    const form = page.getByTestId('order-tiers-form');
    // The third step (12 pallets) goes from 2,5 % to 3 %, and a fourth is typed after a click on "add".
    await form.getByLabel('Remise', { exact: true }).nth(2).fill('3');
    await form.getByRole('button', { name: 'Ajouter un palier de remise' }).click();
    await form.getByLabel('À partir de').last().click();
    await page.keyboard.type('30');
    await page.keyboard.press('Tab');
    await page.keyboard.type('5,5');
    await desk.shot(page, 'order-tiers-edit-fr');
    await page.keyboard.press('Enter');
    await form.waitFor({ state: 'detached' });
    await expect
      .poll(() => panel.getByTestId('order-tiers-steps').textContent())
      .toMatch(/dès 12 palettes : −3\s%.*dès 30 palettes : −5,5\s%/);
    const history = panel.getByTestId('order-tiers-history');
    await expect.poll(() => history.textContent()).toMatch(/Claire Dubois.*dès 12 palettes : −2,5\s%.*⟶.*dès 30 palettes : −5,5\s%/);
    await desk.shot(page, 'order-tiers-fr');
    const steps = await db
      .selectFrom('priceListOrderTierSteps')
      .select(['minValue', 'discountBp'])
      .where('priceListId', '=', gms)
      .execute();
    expect(steps).toContainEqual({ minValue: 30, discountBp: 550 });

    // In English, a discount that falls as the order grows is refused beside its step; an assistant only reads.
    const en = await desk.open('en', 'manager@demo.local');
    await en.goto(`${desk.server.url}/terms/price-lists?list=${gms}`);
    await en.getByTestId('order-tiers-edit').click();
    const enForm = en.getByTestId('order-tiers-form');
    await enForm.getByLabel('Discount', { exact: true }).last().fill('1');
    await enForm.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => enForm.locator('.mantine-TextInput-error').count()).toBe(1);
    await desk.shot(en, 'order-tiers-en');
    await en.close();
    const assistant = await desk.open('fr', 'adv@demo.local');
    await assistant.goto(`${desk.server.url}/terms/price-lists?list=${gms}`);
    await assistant.getByTestId('order-tiers-history').waitFor();
    expect(await assistant.getByTestId('order-tiers-edit').count()).toBe(0);
    await assistant.close();
    await page.close();
  });
});
