import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileStoreOf } from '../../server/documents/file-store.ts';
import { DEMO_PARTNERS, demoInterchange, demoLine, demoOrder } from '../../server/edi/demo-orders.ts';
import { ingestFile } from '../../server/edi/ingest.ts';
import { browserAvailable, type Desk, openDesk } from '../helpers/browser.ts';

const CAP = DEMO_PARTNERS[0];
const ORDER = `${CAP.customer}-PO-0007301`;

/**
 * Issue 18, item 3 — the mapped EDI order goes on. Cap Marché's Saran warehouse orders a line under its own code
 * with its own wording: the assistant picks the product that wording names (proposed first), the product is
 * outside Cap Marché's agreed assortment, the card says a manager must approve and offers the assistant nothing
 * to click; the manager adds it to the assortment, and the order — Cap Marché confirms on its own — is confirmed
 * and leaves the queue.
 */
describe.skipIf(!browserAvailable())('browser: a mapped product outside the assortment, assistant then manager', () => {
  let desk: Desk;

  beforeAll(async () => {
    desk = await openDesk();
    const db = desk.server.app.db;
    const today = desk.server.app.clock.now().toISOString().slice(0, 10);
    const order = {
      ...demoOrder(CAP, 7301, today, 1),
      lines: [
        demoLine(CAP.items[2], 1, 90, 'gtin'),
        { lineNumber: 2, gtin: '', buyerCode: 'CM-777301', description: 'FARINE T65 BIO 1KG X10', quantity: 20 },
      ],
    };
    const file = path.join(fileStoreOf(db), 'not-listed-order.edi');
    fs.writeFileSync(file, demoInterchange(CAP, 'NOTLISTED-PAGE', today, [order]));
    const [r] = await ingestFile(db, file, { door: 'cli', clock: desk.server.app.clock });
    expect(r.messages[0].status).toBe('queued');
  }, 300_000);

  afterAll(async () => {
    await desk?.close();
  });

  it('the assistant maps the code from the proposed products, then sees a manager must approve (fr, en)', async () => {
    const page = await desk.open('fr');
    await page.goto(`${desk.server.url}/edi`);
    const card = page.getByTestId('edi-message').filter({ hasText: ORDER });
    await card.waitFor();
    expect(await card.getByTestId('edi-finding-unknown-product').innerText()).toContain('Libellé du client : « FARINE T65 BIO 1KG X10 »');
    await card.getByTestId('edi-product-picker').click();
    const first = page.getByRole('option').first();
    await expect.poll(() => first.innerText()).toContain('FAR-T65BIO-1KG');
    await desk.shot(page, 'issue18-3-picker-proposed-fr');
    await first.click();
    await card.getByRole('button', { name: 'Associer (mémorisé)' }).click();

    const finding = card.getByTestId('edi-finding-not-listed');
    await finding.waitFor();
    expect(await finding.getByTestId('edi-who-acts').innerText()).toBe('Un responsable doit valider');
    expect(await finding.getByTestId('edi-answer-add-to-listing').count()).toBe(0);
    expect(await finding.getByTestId('edi-answer-approve-once').count()).toBe(0);
    await desk.shot(page, 'issue18-3-assistant-waits-fr');
    await page.close();

    const en = await desk.open('en');
    await en.goto(`${desk.server.url}/edi`);
    const enFinding = en.getByTestId('edi-message').filter({ hasText: ORDER }).getByTestId('edi-finding-not-listed');
    await enFinding.waitFor();
    expect(await enFinding.getByTestId('edi-who-acts').innerText()).toBe('A manager must approve');
    await desk.shot(en, 'issue18-3-assistant-waits-en');
    await en.close();
  });

  it('the manager adds the product to the assortment: the order is confirmed and leaves the queue (en, fr)', async () => {
    const en = await desk.open('en', 'manager@demo.local');
    await en.goto(`${desk.server.url}/edi`);
    const enFinding = en.getByTestId('edi-message').filter({ hasText: ORDER }).getByTestId('edi-finding-not-listed');
    await enFinding.getByTestId('edi-answer-add-to-listing').waitFor();
    expect(await enFinding.getByTestId('edi-answer-approve-once').innerText()).toBe('Approve for this order');
    await desk.shot(en, 'issue18-3-manager-answers-en');
    await en.close();

    const page = await desk.open('fr', 'manager@demo.local');
    await page.goto(`${desk.server.url}/edi`);
    const card = page.getByTestId('edi-message').filter({ hasText: ORDER });
    const finding = card.getByTestId('edi-finding-not-listed');
    await finding.getByTestId('edi-answer-add-to-listing').click();
    const form = page.getByTestId('reason-form');
    await form.waitFor();
    expect(await form.innerText()).toContain('FAR-T65BIO-1KG rejoint l’assortiment référencé de');
    await page.getByTestId('reason-input').fill('Référencé à la demande de Cap Marché (entrepôt de Saran)');
    await desk.shot(page, 'issue18-3-manager-lists-fr');
    await page.getByTestId('reason-submit').click();
    await expect.poll(() => page.getByTestId('edi-message').filter({ hasText: ORDER }).count()).toBe(0);

    const db = desk.server.app.db;
    const order = await db
      .selectFrom('orders')
      .innerJoin('ediMessages', 'ediMessages.orderId', 'orders.id')
      .select(['orders.status', 'ediMessages.status as messageStatus'])
      .where('ediMessages.documentNumber', '=', ORDER)
      .executeTakeFirstOrThrow();
    expect(order).toEqual({ status: 'confirmed', messageStatus: 'accepted' });
    await desk.shot(page, 'issue18-3-queue-after-fr');
    await page.close();
  });
});
