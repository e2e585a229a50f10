import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type Desk, openDesk, pageApi } from '../helpers/browser.ts';

/**
 * Issue 16, item 3 in the browser: a manager agrees a net price with Boulangerie Martin on his page; the history
 * says who did it, and the order desk prices his next order at it.
 */
describe.skipIf(!browserAvailable())('browser: a customer net price agreed on screen, then used at order entry', () => {
  let desk: Desk;
  let martin: number;
  let product: { id: number; code: string };

  beforeAll(async () => {
    desk = await openDesk();
    const db = desk.server.app.db;
    martin = (await db.selectFrom('customers').select('id').where('code', '=', 'C020').executeTakeFirstOrThrow()).id;
    product = await db.selectFrom('products').select(['id', 'code']).where('code', '=', 'FAR-T65-S25').executeTakeFirstOrThrow();
  }, 600_000);
  afterAll(() => desk?.close());

  it('is created by a manager, shown with its history, and prices the order', async () => {
    const page = await desk.open('fr', 'manager@demo.local');
    await page.goto(`${desk.server.url}/customers/${martin}`);
    const form = page.getByTestId('price-form');
    await form.waitFor();
    await page.getByTestId('price-product').fill(product.code);
    await page.getByRole('option', { name: new RegExp(product.code) }).click();
    await page.getByTestId('price-amount').fill('15,90');
    await page.getByTestId('price-add').click();
    const table = page.getByTestId('customer-prices');
    await expect.poll(() => table.getByText(product.code).count()).toBe(1);
    await expect.poll(() => table.getByText('en cours').count()).toBe(1);
    await expect.poll(() => page.getByTestId('prices-history').getByText('Claire Dubois').count()).toBeGreaterThan(0);
    await page.getByTestId('customer-prices').scrollIntoViewIfNeeded();
    await desk.shot(page, 'customer-prices-fr');

    // The order desk's quote (what order entry asks as she types) takes the agreed price over the list.
    const adv = await desk.open('en');
    await adv.goto(`${desk.server.url}/customers/${martin}`);
    await adv.getByTestId('customer-prices').scrollIntoViewIfNeeded();
    await expect.poll(() => adv.getByTestId('customer-prices').getByText('running').count()).toBe(1);
    expect(await adv.getByTestId('price-form').count()).toBe(0);
    await desk.shot(adv, 'customer-prices-en');
    const quote = await pageApi(adv)<{ lines: { unitPriceCents: number }[] }>('POST', '/api/orders/quote', {
      customerId: martin,
      channel: 'phone',
      lines: [{ productId: product.id, quantity: 10 }],
    });
    expect(quote.lines[0].unitPriceCents).toBe(1590);
    await adv.close();
    await page.close();
  });
});
