import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type Desk, openDesk, pageApi } from '../helpers/browser.ts';

/**
 * Scenario 9, the end of it: Au Pain Doré's torn sacks get their photos (thumbnails shown), are settled by a
 * free-of-charge replacement on the next possible date, and the answer drafted in French from that outcome goes out
 * (printed: to the outbox). The keyboard drives the form; the screens are looked at in French and English.
 */
describe.skipIf(!browserAvailable())('browser: photos, a replacement and the answer', () => {
  let desk: Desk;
  let page: Page;
  let complaintId: number;
  const api = <T>(method: string, url: string, body?: unknown) => pageApi(page)<T>(method, url, body);

  beforeAll(async () => {
    desk = await openDesk();
    page = await desk.open('fr');
    const customers = await api<{ items: { id: number; code: string }[] }>('GET', '/api/customers?q=Pain%20Dor%C3%A9');
    const customerId = customers.items.find((c) => c.code === 'C021')!.id;
    const orders = await api<{ items: { id: number; promisedDate: string }[] }>(
      'GET',
      `/api/orders?customerId=${customerId}&status=closed`,
    );
    const last = orders.items.sort((a, b) => b.promisedDate.localeCompare(a.promisedDate))[0];
    const order = await api<{ id: number; lines: { id: number; productCode: string }[]; deliveries: { id: number }[] }>(
      'GET',
      `/api/orders/${last.id}`,
    );
    const line = order.lines.find((l) => l.productCode === 'FAR-T55-S25')!;
    complaintId = (
      await api<{ id: number }>('POST', '/api/complaints', {
        customerId,
        orderId: order.id,
        deliveryId: order.deliveries[0].id,
        lines: [{ orderLineId: line.id, quantity: 3 }],
        reason: 'damaged-packaging',
        description: 'Trois sacs de T55 arrivés déchirés.',
        channel: 'phone',
        mood: 'annoyed',
        reservesMade: true,
      })
    ).id;
  }, 300_000);

  afterAll(async () => {
    await desk?.close();
  });

  it('adds two photos and shows their thumbnails', async () => {
    await page.goto(`${desk.server.url}/complaints/${complaintId}`);
    await page.getByTestId('complaint-photos').waitFor();
    const photo = (r: number) =>
      sharp({ create: { width: 1200, height: 900, channels: 3, background: { r, g: 170, b: 120 } } })
        .jpeg()
        .toBuffer();
    await page.locator('[data-testid="complaint-photos"] input[type="file"]').setInputFiles([
      { name: 'sac-1.jpg', mimeType: 'image/jpeg', buffer: await photo(200) },
      { name: 'sac-2.jpg', mimeType: 'image/jpeg', buffer: await photo(120) },
    ]);
    await expect.poll(() => page.getByTestId('complaint-photo').count()).toBe(2);
    await expect
      .poll(() =>
        page
          .locator('[data-testid="complaint-photo"] img')
          .evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).naturalWidth > 0)),
      )
      .toBe(true);
  });

  it('settles it by a replacement with the keyboard, then prints the answer drafted from it', async () => {
    await page.getByTestId('resolve-outcome').focus();
    await page.keyboard.press('Home'); // Remplacement, the first outcome
    await page.keyboard.press('Tab');
    await page.keyboard.type('Nous vous renvoyons les trois sacs gratuitement.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByTestId('replacement-order').waitFor();
    expect(await page.getByTestId('replacement-order').innerText()).toMatch(/Commande de remplacement/);
    const text = page.getByTestId('complaint-reply-text');
    await expect.poll(() => text.inputValue()).toContain('Nous vous envoyons gratuitement la marchandise de remplacement');
    await desk.shot(page, 'complaint-11-replacement-fr');
    await page.getByTestId('complaint-reply-print').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('complaint-reply-sent').waitFor();
    expect(await page.getByTestId('complaint-reply-sent').innerText()).toContain('Réponse imprimée');

    const en = await desk.open('en');
    await en.goto(`${desk.server.url}/complaints/${complaintId}`);
    await en.getByTestId('complaint-reply-sent').waitFor();
    expect(await en.getByTestId('complaint-photos').innerText()).toContain('Photos and files');
    expect(await en.getByTestId('replacement-order').innerText()).toContain('Replacement order');
    await desk.shot(en, 'complaint-12-replacement-en');
  });
});
