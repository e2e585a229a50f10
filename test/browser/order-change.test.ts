import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type Desk, focusedOn, openDesk } from '../helpers/browser.ts';
import { client, login } from '../helpers/test-app.ts';

type Detail = {
  id: number;
  number: string;
  status: string;
  acknowledgementVersion: number | null;
  lines: { productCode: string; quantity: number }[];
};

/**
 * Boulangerie Martin calls: add two sacks of T55 to the order already confirmed for its next delivery. The
 * assistant opens the order, E, Enter past the lines, types the code, Enter, 2, Ctrl+Enter: the line is there, the
 * rules ran again, the customer gets the acknowledgement's version 2.
 */
describe.skipIf(!browserAvailable())('browser: changing a confirmed order', () => {
  let desk: Desk;
  let adv: ReturnType<typeof client>;
  let order: Detail;

  beforeAll(async () => {
    desk = await openDesk();
    adv = client(desk.server.app, await login(desk.server.app, 'adv@demo.local'));
    const customers = (await adv.get('/api/customers?q=C020')).json<{ items: { id: number; code: string }[] }>();
    const customerId = customers.items.find((c) => c.code === 'C020')!.id;
    const products = (await adv.get('/api/products?q=FAR-T65-S25')).json<{ items: { id: number; code: string }[] }>();
    const t65 = products.items.find((p) => p.code === 'FAR-T65-S25')!.id;
    const created = await adv.post('/api/orders', { customerId, channel: 'phone', lines: [{ productId: t65, quantity: 15 }] });
    expect(created.statusCode, created.body).toBe(201);
    const confirmed = await adv.post(`/api/orders/${created.json().id}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    order = confirmed.json<Detail>();
  }, 300_000);
  afterAll(async () => desk?.close());

  it('adds two sacks by keyboard; the order shows the line and acknowledgement v2', async () => {
    const page = await desk.open('fr');
    await page.goto(`${desk.server.url}/orders/${order.id}`);
    await page.getByTestId('order-edit').waitFor();
    await page.getByTestId('order-acknowledgement-version').waitFor();
    await desk.shot(page, 'order-change-01-confirmed-fr');
    await page.keyboard.press('e');
    await focusedOn(page, 'order-edit-line-1-quantity');
    await page.keyboard.press('Enter'); // past the only line: to the new line's product
    await focusedOn(page, 'order-line-2-product');
    await page.keyboard.type('FAR-T55-S25');
    await page.keyboard.press('Enter');
    await focusedOn(page, 'order-line-2-quantity');
    await page.keyboard.type('2');
    await desk.shot(page, 'order-change-02-editing-fr');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('order-detail-lines').waitFor();
    await expect.poll(async () => page.getByTestId('order-acknowledgement-version').textContent()).toContain('v2');
    await desk.shot(page, 'order-change-03-changed-fr');

    const after = (await adv.get(`/api/orders/${order.id}`)).json<Detail>();
    expect(after).toMatchObject({ status: 'confirmed', acknowledgementVersion: 2 });
    expect(after.lines.map((l) => [l.productCode, l.quantity])).toEqual([
      ['FAR-T65-S25', 15],
      ['FAR-T55-S25', 2],
    ]);
    await page.close();
  });

  it('shows at entry what the stock can promise, and answers a short line with one key (Alt+P: the partial quantity)', async () => {
    for (const language of ['fr', 'en'] as const) {
      const page = await desk.open(language);
      await page.goto(`${desk.server.url}/orders/new`);
      await focusedOn(page, 'order-customer');
      await page.keyboard.type('C020');
      await page.keyboard.press('Enter');
      await focusedOn(page, 'order-line-1-product');
      await page.keyboard.type('FAR-T65-S25');
      await page.keyboard.press('Enter');
      await focusedOn(page, 'order-line-1-quantity');
      await page.keyboard.type('50000');
      await page.getByTestId('order-line-1-remedies').waitFor();
      const promisable = Number(await page.getByTestId('order-line-1-available').getAttribute('data-promisable'));
      expect(promisable).toBeGreaterThan(0);
      await desk.shot(page, `order-change-06-entry-short-${language}`);
      await page.keyboard.press('Alt+KeyP');
      await expect.poll(() => page.getByTestId('order-line-1-quantity').inputValue()).toBe(String(promisable));
      await page.close();
    }
  });

  it('shows the same in English, and the editor', async () => {
    const page = await desk.open('en');
    await page.goto(`${desk.server.url}/orders/${order.id}`);
    await page.getByTestId('order-edit').waitFor();
    await desk.shot(page, 'order-change-04-changed-en');
    await page.keyboard.press('e');
    await focusedOn(page, 'order-edit-line-1-quantity');
    await desk.shot(page, 'order-change-05-editing-en');
    await page.keyboard.press('Escape');
    await page.getByTestId('order-edit').waitFor();
    await page.close();
  });
});
