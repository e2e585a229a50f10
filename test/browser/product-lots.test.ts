import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type Desk, openDesk } from '../helpers/browser.ts';

/** Issue 16, item 3 in the browser: a manager corrects a lot's quantity and DDM on the product page after a count. */
describe.skipIf(!browserAvailable())('browser: a lot corrected on the product page', () => {
  let desk: Desk;
  let product: number;

  beforeAll(async () => {
    desk = await openDesk();
    product = (await desk.server.app.db.selectFrom('products').select('id').where('code', '=', 'FAR-T45-1KG').executeTakeFirstOrThrow()).id;
  }, 600_000);
  afterAll(() => desk?.close());

  it('is corrected by a manager in French, read in English, audited', async () => {
    const page = await desk.open('fr', 'manager@demo.local');
    await page.goto(`${desk.server.url}/products/${product}`);
    const table = page.getByTestId('product-lots');
    const row = table.locator('tbody tr').first();
    await row.getByRole('button', { name: 'Corriger' }).click();
    await page.getByTestId('lot-quantity').fill('123');
    await page.getByTestId('lot-best-before').fill('30/09/26');
    await page.keyboard.press('Tab');
    await page.getByTestId('lot-save').click();
    await expect.poll(() => table.getByText('123', { exact: true }).count()).toBe(1);
    expect(await table.innerText()).toContain('30/09/2026');
    // The correction read back under the table: who, the lot and its warehouse, before and after.
    const history = page.getByTestId('lots-history');
    await expect.poll(() => history.textContent()).toMatch(/Claire Dubois.*correction.*L26\w+.*⟶ 123 · DDM .*30\/09\/2026/);
    await table.scrollIntoViewIfNeeded();
    await desk.shot(page, 'product-lots-fr');
    const audited = await desk.server.app.db.selectFrom('auditEvents').select('afterJson').where('entityType', '=', 'stock_lot').execute();
    expect(JSON.parse(audited[0].afterJson!)).toMatchObject({ quantity: 123, bestBefore: '2026-09-30' });

    const en = await desk.open('en');
    await en.goto(`${desk.server.url}/products/${product}`);
    await en.getByTestId('product-lots').getByText('123', { exact: true }).waitFor();
    expect(await en.getByTestId('product-lots').getByRole('button', { name: 'Correct' }).count()).toBe(0);
    await expect.poll(() => en.getByTestId('lots-history').textContent()).toMatch(/corrected.*⟶ 123 · best before .*2026/);
    expect(await en.getByTestId('lots-export').getAttribute('href')).toBe(`/api/stock-lots.xlsx?productId=${product}`);
    await en.getByTestId('product-lots').scrollIntoViewIfNeeded();
    await desk.shot(en, 'product-lots-en');
    await en.close();
    await page.close();
  });
});
