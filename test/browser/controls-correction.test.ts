import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capMarcheReceivingAdvice } from '../../core/edi/edi.fixtures.ts';
import { fileReceivingAdvice } from '../../server/controls/receiving-advice.ts';
import { fileStoreOf } from '../../server/documents/file-store.ts';
import { ingestFile } from '../../server/edi/ingest.ts';
import { audit, browserAvailable, type Desk, openDesk } from '../helpers/browser.ts';
import { client, login } from '../helpers/test-app.ts';

/**
 * Issue 16, item 6 in the browser: Cap Marché was invoiced 80 sacks (INVOIC on delivery) and says it received 78;
 * on « Contrôles » the assistant issues the credit note from the invoice's discrepancy, confirms the amount, and
 * the decision links to the PDF. An order in French, another in English.
 */
describe.skipIf(!browserAvailable())('browser: a discrepancy becomes a corrected invoice', () => {
  let desk: Desk;
  const orders: { id: number; number: string; productId: number }[] = [];

  beforeAll(async () => {
    desk = await openDesk();
    const app = desk.server.app;
    const session = await login(app, 'adv@demo.local');
    const adv = client(app, session);
    const capMarche = await app.db.selectFrom('customers').select('id').where('code', '=', 'C001').executeTakeFirstOrThrow();
    for (const ref of ['CM-PO-9901', 'CM-PO-9902']) {
      const order = (
        await adv.post('/api/orders', {
          customerId: capMarche.id,
          channel: 'edi',
          customerRef: ref,
          lines: [{ customerCode: 'CM-204511', quantity: 80 }],
        })
      ).json();
      for (const step of ['confirm', 'release', 'ship']) expect((await adv.post(`/api/orders/${order.id}/${step}`)).statusCode).toBe(200);
      const line = order.lines[0];
      expect((await adv.post(`/api/orders/${order.id}/deliver`, { lines: [{ lineId: line.id, deliveredQuantity: 80 }] })).statusCode).toBe(
        200,
      );
      const note = (await adv.get(`/api/orders/${order.id}`)).json().deliveries[0].deliveryNoteNumber as string;
      const product = await app.db.selectFrom('products').select('gtin').where('id', '=', line.productId).executeTakeFirstOrThrow();
      const text = capMarcheReceivingAdvice({
        reference: `REC-${ref}`,
        receiptNumber: `REC-${ref}`,
        date: '2026-03-10',
        despatchNumber: note,
        orderNumber: ref,
        lines: [{ gtin: product.gtin!, buyerCode: 'CM-204511', despatched: 80, accepted: 78 }],
      });
      await fileReceivingAdvice(app.db, text, session.userId, app.clock.now());
      orders.push({ id: order.id, number: order.number, productId: line.productId });
    }
    // A receipt for a delivery note nobody knows, through the EDI folder door.
    const file = path.join(fileStoreOf(app.db), 'recadv-unknown.edi');
    fs.writeFileSync(
      file,
      capMarcheReceivingAdvice({
        reference: 'REC-UNKNOWN',
        receiptNumber: 'REC-UNKNOWN',
        date: '2026-03-10',
        despatchNumber: 'BL-INCONNU-7',
        orderNumber: 'CM-PO-0000',
        lines: [{ gtin: '3012345001212', despatched: 10, accepted: 10 }],
      }),
    );
    const [r] = await ingestFile(app.db, file, { door: 'cli', clock: app.clock });
    expect(r.messages[0]).toMatchObject({ status: 'rejected', reasonCode: 'receipt-order-unknown' });
  }, 600_000);
  afterAll(() => desk?.close());

  for (const [i, language] of (['fr', 'en'] as const).entries()) {
    it(`issues the credit note after confirming its amount, and links the decision to its PDF (${language})`, async () => {
      const words =
        language === 'fr'
          ? { button: /Émettre un avoir de .* TTC/, confirm: "Émettre l'avoir", issued: /^Avoir AV-/ }
          : { button: /Issue a .* credit note \(incl\. VAT\)/, confirm: 'Issue the credit note', issued: /^Credit note AV-/ };
      const order = orders[i];
      const key = `invoiced-over:${order.productId}`;
      const page = await desk.open(language);
      await page.goto(`${desk.server.url}/controls`);
      const card = page.getByTestId(`control-${order.number}`);
      await card.waitFor();
      const button = card.getByTestId(`correct-${key}`);
      await expect.poll(() => button.textContent()).toMatch(words.button);
      // The receipt's own gap offers no document: the invoice's carries the money.
      await expect.poll(() => card.getByTestId(`correct-received-short:${order.productId}`).count()).toBe(0);
      await desk.shot(page, `controls-correction-open-${language}`);
      await button.click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      const gross = await dialog.getByTestId('correction-gross').textContent();
      expect((await button.textContent())!.replace(/\s/g, ' ')).toContain(gross!.replace(/\s/g, ' '));
      await desk.shot(page, `controls-correction-confirm-${language}`);
      // The screen with its dialog open, as the accessibility suite audits every screen.
      expect(await audit(page)).toEqual([]);
      await dialog.getByRole('button', { name: words.confirm }).click();
      const link = card.getByTestId(`correction-pdf-${key}`);
      await link.waitFor();
      expect(await link.textContent()).toMatch(words.issued);
      expect(await link.getAttribute('href')).toMatch(/^\/api\/documents\//);
      // The PDF the link opens.
      const pdf = await page.request.get(`${desk.server.url}${(await link.getAttribute('href'))!}`);
      expect(pdf.headers()['content-type']).toContain('application/pdf');
      await expect.poll(() => card.getByTestId(`correct-${key}`).count()).toBe(0);
      await desk.shot(page, `controls-correction-issued-${language}`);
      await page.close();
    });
  }

  it.each([
    ['fr', 'Aucun bon de livraison ni commande « BL-INCONNU-7 » : RFF+AAK, segment 8'],
    ['en', 'No delivery note or order “BL-INCONNU-7”: RFF+AAK, segment 8'],
  ] as const)('shows a RECADV naming no delivery note of ours in the EDI queue, its segment named (%s)', async (language, reason) => {
    const page = await desk.open(language);
    await page.goto(`${desk.server.url}/edi`);
    const card = page.getByTestId('edi-refused-message').filter({ hasText: 'BL-INCONNU-7' }).first();
    await card.waitFor();
    await expect.poll(() => card.innerText()).toContain(reason);
    await card.scrollIntoViewIfNeeded();
    await desk.shot(page, `edi-recadv-refused-${language}`);
    await page.close();
  });
});
