import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type Desk, openDesk, pageApi, typeOrderLine } from '../helpers/browser.ts';

/**
 * Scenario 9 settled with a gesture: "20 € off your next order". When Au Pain Doré's next order is typed, the entry
 * screen takes it off as she types (the rules run in the browser on the same context as the server), named after
 * the complaint; the saved order shows it the same, in French and English.
 */
describe.skipIf(!browserAvailable())('browser: a complaint gesture on the next order', () => {
  let desk: Desk;
  let page: Page;
  let customerId: number;
  let complaintNumber: string;
  const api = <T>(method: string, url: string, body?: unknown) => pageApi(page)<T>(method, url, body);

  beforeAll(async () => {
    desk = await openDesk();
    page = await desk.open('fr');
    const customers = await api<{ items: { id: number; code: string }[] }>('GET', '/api/customers?q=Pain%20Dor%C3%A9');
    customerId = customers.items.find((c) => c.code === 'C021')!.id;
    const complaint = await api<{ id: number; number: string }>('POST', '/api/complaints', {
      customerId,
      reason: 'late-delivery',
      description: 'Livré à 11 h au lieu de 6 h : le fournil a attendu.',
      channel: 'phone',
      mood: 'annoyed',
    });
    complaintNumber = complaint.number;
    await api('POST', `/api/complaints/${complaint.id}/resolve`, {
      outcome: 'gesture',
      amountCents: 2000,
      note: 'Vingt euros de moins sur la prochaine commande.',
    });
  }, 300_000);

  afterAll(async () => {
    await desk?.close();
  });

  it("shows the promised gesture on the customer's page, with its complaint, while it waits", async () => {
    await page.goto(`${desk.server.url}/customers/${customerId}`);
    const promised = page.getByTestId('pending-gestures');
    await expect.poll(() => promised.innerText()).toContain('20,00');
    expect(await promised.innerText()).toContain(`réclamation ${complaintNumber}`);
    await desk.shot(page, 'gesture-pending-customer-fr');
  });

  it('takes the gesture off as the next order is typed, and the saved order keeps it', async () => {
    await page.goto(`${desk.server.url}/orders/new?customerId=${customerId}`);
    await typeOrderLine(page, 1, 'FAR-T65-S25', 20);
    const totals = page.getByTestId('order-totals');
    await expect.poll(() => totals.innerText()).toContain(`Geste commercial (réclamation ${complaintNumber})`);
    expect(await totals.innerText()).toMatch(/-20,00\s€/);
    await desk.shot(page, 'gesture-entry-fr');
    await page.keyboard.press('Control+Enter');
    await page.waitForURL(/\/orders\/\d+$/);
    await expect.poll(() => page.getByTestId('order-status').first().textContent()).toBe('confirmée');
    await expect.poll(() => page.getByTestId('order-totals').innerText()).toContain(`Geste commercial (réclamation ${complaintNumber})`);
    await desk.shot(page, 'gesture-order-fr');

    const english = await desk.open('en');
    await english.goto(page.url());
    await expect.poll(() => english.getByTestId('order-totals').innerText()).toContain(`Goodwill gesture (complaint ${complaintNumber})`);
    expect(await english.getByTestId('order-totals').innerText()).toMatch(/-€20\.00/);
    await desk.shot(english, 'gesture-order-en');
  });
});
