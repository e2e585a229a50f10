import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type Desk, focusedOn, openDesk } from '../helpers/browser.ts';
import { client, login } from '../helpers/test-app.ts';

type Detail = {
  id: number;
  number: string;
  status: string;
  acknowledgementVersion: number | null;
  lines: { id: number; quantity: number }[];
};

/**
 * Boulangerie Martin asks for 5,000 sacks on an order already confirmed: more than the stock promises and than its
 * credit allows. The assistant changes the quantity by keyboard, the rules refuse it for a manager, Enter submits it;
 * the order shows it waiting. The manager approves it in the queue, with a reason; the order shows the new line.
 */
describe.skipIf(!browserAvailable())('browser: a change to a confirmed order waits for a manager', () => {
  let desk: Desk;
  let adv: ReturnType<typeof client>;
  let customerId: number;
  let t65: number;

  beforeAll(async () => {
    desk = await openDesk();
    adv = client(desk.server.app, await login(desk.server.app, 'adv@demo.local'));
    const customers = (await adv.get('/api/customers?q=C020')).json<{ items: { id: number; code: string }[] }>();
    customerId = customers.items.find((c) => c.code === 'C020')!.id;
    const products = (await adv.get('/api/products?q=FAR-T65-S25')).json<{ items: { id: number; code: string }[] }>();
    t65 = products.items.find((p) => p.code === 'FAR-T65-S25')!.id;
  }, 300_000);
  afterAll(async () => desk?.close());

  async function confirmedOrder(): Promise<Detail> {
    const created = await adv.post('/api/orders', { customerId, channel: 'phone', lines: [{ productId: t65, quantity: 15 }] });
    expect(created.statusCode, created.body).toBe(201);
    const confirmed = await adv.post(`/api/orders/${created.json().id}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    return confirmed.json<Detail>();
  }

  for (const language of ['fr', 'en'] as const) {
    it(`submits by keyboard, the manager approves in the queue, the order shows the new line (${language})`, async () => {
      const order = await confirmedOrder();
      const page = await desk.open(language);
      await page.goto(`${desk.server.url}/orders/${order.id}`);
      await page.getByTestId('order-edit').waitFor();
      await page.keyboard.press('e');
      await focusedOn(page, 'order-edit-line-1-quantity');
      await page.keyboard.type('5000');
      await page.keyboard.press('Control+Enter');
      await focusedOn(page, 'order-edit-submit-approval'); // refused for a manager: the keyboard lands on the way on
      await desk.shot(page, `order-change-approval-01-refused-${language}`);
      await page.keyboard.press('Enter');
      const waiting = page.getByTestId('order-change-request');
      await waiting.waitFor();
      expect(await waiting.textContent()).toContain(
        language === 'fr' ? 'Modification en attente du responsable' : 'Change waiting for a manager',
      );
      await expect.poll(() => page.getByTestId('change-summary-FAR-T65-S25').textContent()).toContain('5');
      await desk.shot(page, `order-change-approval-02-waiting-${language}`);
      await page.close();

      const manager = await desk.open(language, 'manager@demo.local');
      await manager.goto(`${desk.server.url}/approvals`);
      const row = manager.getByTestId(`change-request-${order.number}`);
      await row.waitFor();
      await expect.poll(() => manager.getByTestId('approvals-count').textContent()).not.toBe('0');
      await desk.shot(manager, `order-change-approval-03-queue-${language}`);
      await row.getByRole('button', { name: language === 'fr' ? 'Valider la modification' : 'Approve the change' }).click();
      await focusedOn(manager, 'reason-input');
      await manager.keyboard.type(language === 'fr' ? 'Le client prend le reliquat plus tard' : 'The customer takes the rest later');
      await desk.shot(manager, `order-change-approval-04-reason-${language}`);
      await manager.keyboard.press('Control+Enter');
      await row.waitFor({ state: 'detached' });
      await manager.goto(`${desk.server.url}/orders/${order.id}`);
      await manager.getByTestId('order-detail-lines').waitFor();
      await expect.poll(() => manager.getByTestId('order-acknowledgement-version').textContent()).toContain('v2');
      expect(await manager.getByTestId('order-detail-lines').textContent()).toMatch(/5[\s\u202f\u00a0,]?000/);
      await desk.shot(manager, `order-change-approval-05-approved-${language}`);
      await manager.close();

      const after = (await adv.get(`/api/orders/${order.id}`)).json<Detail>();
      expect(after).toMatchObject({ status: 'confirmed', acknowledgementVersion: 2 });
      expect(after.lines[0].quantity).toBe(5000);
      // Back to 15 sacks (less needs nobody): Martin's credit is as it was for the next language.
      expect((await adv.patch(`/api/orders/${order.id}`, { lines: [{ id: after.lines[0].id, quantity: 15 }] })).statusCode).toBe(200);
    });
  }
});
