import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileReceivingAdvice } from '../../server/controls/receiving-advice.ts';
import { browserAvailable, type Desk, openDesk } from '../helpers/browser.ts';
import { client, login } from '../helpers/test-app.ts';

/**
 * Issue 16, items 5 and 6 in the browser: Cap Marché's RECADV says 78 of the 80 sacks delivered; the assistant
 * sees it on « Contrôles » beside the order and the delivery note, makes it a complaint in one click, and finds the
 * RECADV and the delivery note on the documents screen. In French and in English.
 */
describe.skipIf(!browserAvailable())('browser: documents that agree, documents found', () => {
  let desk: Desk;
  let order: { id: number; number: string };

  beforeAll(async () => {
    desk = await openDesk();
    const app = desk.server.app;
    const session = await login(app, 'adv@demo.local');
    const adv = client(app, session);
    const capMarche = await app.db.selectFrom('customers').select('id').where('code', '=', 'C001').executeTakeFirstOrThrow();
    const created = (
      await adv.post('/api/orders', {
        customerId: capMarche.id,
        channel: 'phone',
        customerRef: 'CM-PO-7781',
        lines: [{ customerCode: 'CM-204511', quantity: 80 }],
      })
    ).json();
    order = created;
    for (const step of ['confirm', 'release', 'ship']) expect((await adv.post(`/api/orders/${order.id}/${step}`)).statusCode).toBe(200);
    expect(
      (await adv.post(`/api/orders/${order.id}/deliver`, { lines: [{ lineId: created.lines[0].id, deliveredQuantity: 80 }] })).statusCode,
    ).toBe(200);
    const note = (await adv.get(`/api/orders/${order.id}`)).json().deliveries[0].deliveryNoteNumber as string;
    const text = [
      "UNB+UNOC:3+3021000000019:14+3012345000017:14+260310:1015+CMREC0310'",
      "UNH+RA000001+RECADV:D:96A:UN:EAN003'",
      "BGM+632+REC-26-0310+9'",
      "DTM+137:20260310:102'",
      "RFF+ON:CM-PO-7781'",
      `RFF+AAK:${note}'`,
      "LIN+1'",
      `PIA+5+${created.lines[0].productCode as string}:SA::91'`,
      "QTY+12:80'",
      "QTY+194:78'",
      "QTY+195:2'",
      "UNT+11+RA000001'",
      "UNZ+1+CMREC0310'",
    ].join('\n');
    await fileReceivingAdvice(app.db, text, session.userId, app.clock.now());
  }, 600_000);
  afterAll(() => desk?.close());

  it('lists the discrepancy with the documents side by side and makes it a complaint in one click', async () => {
    const page = await desk.open('fr');
    await page.goto(`${desk.server.url}/controls`);
    const card = page.getByTestId(`control-${order.number}`);
    await card.waitFor();
    await desk.shot(page, 'controls-open-fr');
    await expect.poll(() => card.getByText('78 reçus pour 80 expédiés').count()).toBe(1);
    await expect.poll(() => card.getByText('Reçu (RECADV)').count()).toBe(1);
    await desk.shot(page, 'controls-open-fr');
    await card.getByRole('button', { name: 'Ouvrir une réclamation' }).click();
    // Settled: it leaves the list to handle, and shows its complaint among those handled.
    await expect.poll(() => page.getByTestId(`control-${order.number}`).count()).toBe(0);
    await page.getByText('Traités').click();
    await expect.poll(() => page.getByTestId(`control-${order.number}`).getByText('réclamation').count()).toBeGreaterThan(0);
    await desk.shot(page, 'controls-settled-fr');

    const en = await desk.open('en');
    await en.goto(`${desk.server.url}/controls`);
    await en.getByText('Handled').click();
    await expect.poll(() => en.getByTestId(`control-${order.number}`).getByText('78 received for 80 shipped').count()).toBe(1);
    await desk.shot(en, 'controls-settled-en');
    await en.close();
    await page.close();
  });

  it("finds the order's documents, the RECADV among them, by the order number", async () => {
    for (const language of ['fr', 'en'] as const) {
      const page = await desk.open(language);
      await page.goto(`${desk.server.url}/documents`);
      await page.getByTestId('documents-search').fill(order.number);
      await page.keyboard.press('Enter');
      const table = page.getByTestId('documents-table');
      await expect.poll(() => table.getByText(language === 'fr' ? 'EDI RECADV reçu' : 'EDI RECADV received').count()).toBe(1);
      await expect.poll(() => table.getByText(language === 'fr' ? 'Bon de livraison' : 'Delivery note').count()).toBe(1);
      await desk.shot(page, `documents-${language}`);
      await page.close();
    }
  });
});
