import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Control } from '../../core/controls/controls.schemas.ts';
import { capMarcheReceivingAdvice } from '../../core/edi/edi.fixtures.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp } from '../helpers/test-app.ts';
import { demoIds } from './orders-fixtures.ts';

async function pdfText(bytes: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text;
}

/**
 * Issue 16, item 6, the rest of it: Cap Marché's RECADV comes through the EDI door and is filed on the order it
 * answers (once, however often it is sent; refused with its segment when it names nothing of ours), and a
 * discrepancy becomes a credit note or a corrective invoice in one action, once.
 */
describe.each(await testEngines())('documents that agree, corrected, on %s', (engine) => {
  let t: TestApp;
  let adv: ReturnType<typeof client>;
  let token: string;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  type Delivered = { id: number; number: string; note: string; productId: number; gtin: string; netCents: number };
  let short: Delivered;
  let over: Delivered;

  /** An EDI order of Cap Marché for 80 sacks, shipped and delivered whole: its INVOIC says 80. */
  const delivered = async (customerRef: string, channel = 'edi'): Promise<Delivered> => {
    const order = (
      await adv.post('/api/orders', {
        customerId: ids.customer('C001'),
        channel,
        customerRef,
        lines: [{ customerCode: 'CM-204511', quantity: 80 }],
      })
    ).json();
    for (const step of ['confirm', 'release', 'ship']) expect((await adv.post(`/api/orders/${order.id}/${step}`)).statusCode).toBe(200);
    const line = order.lines[0];
    const res = await adv.post(`/api/orders/${order.id}/deliver`, { lines: [{ lineId: line.id, deliveredQuantity: 80 }] });
    expect(res.statusCode, res.body).toBe(200);
    const note = (await adv.get(`/api/orders/${order.id}`)).json().deliveries[0].deliveryNoteNumber as string;
    return {
      id: order.id,
      number: order.number,
      note,
      productId: line.productId,
      gtin: ids.product(line.productCode).gtin!,
      netCents: line.netCents,
    };
  };
  const sendEdi = (payload: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/edi/interchanges',
      payload,
      headers: { 'content-type': 'application/edifact', authorization: `Bearer ${token}` },
    });
  const receipt = (o: Delivered, reference: string, accepted: number, refs?: { despatchNumber: string; orderNumber: string }) =>
    capMarcheReceivingAdvice({
      reference,
      receiptNumber: `REC-${o.number}`,
      date: '2026-03-10',
      despatchNumber: refs?.despatchNumber ?? o.note,
      orderNumber: refs?.orderNumber ?? null,
      lines: [{ gtin: o.gtin, buyerCode: 'CM-204511', despatched: 80, accepted }],
    });
  const control = async (o: Delivered) => {
    const res = await adv.get(`/api/controls?status=all&orderId=${o.id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ controls: Control[] }>().controls[0];
  };
  const documents = async (o: Delivered, kind: string) =>
    (await adv.get(`/api/documents?orderId=${o.id}&kind=${kind}`)).json<{ documents: { id: string; number: string | null }[] }>().documents;

  beforeAll(async () => {
    t = await createTestApp(engine);
    ids = await demoIds(t.handle.db);
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
    const admin = client(t.app, await login(t.app, 'admin@demo.local'));
    const cap = (await admin.get('/api/edi/partners')).json().items.find((p: { gln: string }) => p.gln === '3021000000019');
    token = (await admin.post(`/api/edi/partners/${cap.id}/rotate-token`)).json().token;
    short = await delivered('CM-PO-8801');
    over = await delivered('CM-PO-8802');
  }, 120_000);
  afterAll(() => t.close());

  it('a RECADV through the EDI door is filed on the order its delivery note names: the control shows what was received', async () => {
    expect((await control(short)).documents.invoices).toHaveLength(1);
    const res = await sendEdi(receipt(short, 'CMREC-1', 78));
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().interchanges[0]).toMatchObject({
      status: 'processed',
      messages: [{ type: 'RECADV', status: 'done', orderId: short.id }],
    });
    const c = await control(short);
    expect(c.receivedSource).toBe('recadv');
    expect(c.documents.receipts).toEqual([expect.objectContaining({ number: `REC-${short.number}`, date: '2026-03-10' })]);
    expect(c.lines[0]).toMatchObject({ ordered: 80, shipped: 80, received: 78, invoiced: 80 });
    expect(c.discrepancies.map((d) => [d.kind, d.owedTo, d.correction?.kind])).toEqual([
      // The receipt's gap is money only on the invoice: only the invoice's discrepancy is corrected.
      ['received-short', 'customer', undefined],
      ['invoiced-over', 'customer', 'credit-note'],
    ]);
    expect(await documents(short, 'edi-recadv')).toHaveLength(1);
  });

  it('the same receipt sent again, in the same interchange or another, files nothing twice', async () => {
    const again = await sendEdi(receipt(short, 'CMREC-1', 78));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'duplicate' });
    const resent = await sendEdi(receipt(short, 'CMREC-1-BIS', 78));
    expect(resent.json().interchanges[0].messages[0]).toMatchObject({ status: 'done', orderId: short.id });
    expect(await documents(short, 'edi-recadv')).toHaveLength(1);
    // Uploaded on the controls screen too: found, not filed (200, not 201).
    const upload = await adv.post('/api/controls/receiving-advices', { text: receipt(short, 'CMREC-1-TER', 78) });
    expect(upload.statusCode, upload.body).toBe(200);
    expect(upload.json()).toMatchObject({ orderId: short.id, alreadyFiled: true });
    expect(await documents(short, 'edi-recadv')).toHaveLength(1);
  });

  it('a RECADV naming no delivery note or order of ours is refused in the EDI queue, its segment named', async () => {
    const res = await sendEdi(receipt(short, 'CMREC-404', 78, { despatchNumber: 'BL-NOPE-1', orderNumber: 'PO-NOPE-1' }));
    expect(res.json().interchanges[0].messages[0]).toMatchObject({ status: 'rejected', reasonCode: 'receipt-order-unknown' });
    const queue = (await adv.get('/api/edi/queue')).json();
    const refused = queue.refused.find((m: { reasonCode: string | null }) => m.reasonCode === 'receipt-order-unknown');
    // UNA, UNB, UNH, BGM, DTM, DTM, RFF+ON, then RFF+AAK: the 8th segment of the file.
    expect(refused.reasonParams).toEqual({ segment: 8, tag: 'RFF+AAK', found: 'BL-NOPE-1' });
    expect(refused.segments.find((s: { index: number }) => s.index === 8).text).toContain('BL-NOPE-1');
  });

  it('a discrepancy owed to the customer becomes a numbered credit note in one action, its PDF on the order; once only', async () => {
    const key = `invoiced-over:${short.productId}`;
    const d = (await control(short)).discrepancies.find((x) => x.key === key)!;
    // Two sacks at the line's net unit price; VAT 5,5 % rounded half up on the net.
    const unit = Math.round(short.netCents / 80);
    expect(d.correction).toEqual({
      kind: 'credit-note',
      netCents: 2 * unit,
      vatCents: Math.round((2 * unit * 550) / 10_000),
      grossCents: 2 * unit + Math.round((2 * unit * 550) / 10_000),
    });
    const admin = client(t.app, await login(t.app, 'admin@demo.local'));
    expect((await admin.post(`/api/controls/${short.id}/decisions`, { key, action: 'corrected-invoice' })).statusCode).toBe(403);

    // Two clicks at once: one document, the other answered 409.
    const [a, b] = await Promise.all([
      adv.post(`/api/controls/${short.id}/decisions`, { key, action: 'corrected-invoice' }),
      adv.post(`/api/controls/${short.id}/decisions`, { key, action: 'corrected-invoice' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const decided = (a.statusCode === 200 ? a : b).json<Control>().discrepancies.find((x) => x.key === key)!;
    expect(decided).toMatchObject({
      status: 'corrected-invoice',
      decision: { action: 'corrected-invoice', documentNumber: expect.stringMatching(/^AV-\d{4}-\d{5}$/) },
    });
    expect((await adv.post(`/api/controls/${short.id}/decisions`, { key, action: 'corrected-invoice' })).statusCode).toBe(409);

    const filed = await documents(short, 'credit-note');
    expect(filed).toEqual([expect.objectContaining({ id: decided.decision!.documentId, number: decided.decision!.documentNumber })]);
    const pdf = await adv.get(`/api/documents/${decided.decision!.documentId}`);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    const invoice = (await control(short)).documents.invoices[0];
    expect(text).toContain('AVOIR');
    expect(text).toContain(decided.decision!.documentNumber!);
    expect(text).toContain(`Facture rectifiée : ${invoice.number}`);
    expect(text).toContain(short.number);
    for (const figure of ['P.U. HT', 'Montant HT', '5,5 %', 'Total TTC à votre crédit'].concat(
      [unit, 2 * unit, d.correction!.vatCents, d.correction!.grossCents].map((c) => `${(c / 100).toFixed(2).replace('.', ',')} €`),
    ))
      expect(text).toContain(figure);
  });

  it('a discrepancy owed to us becomes a corrective invoice in the invoices series; without an invoice, none', async () => {
    await sendEdi(receipt(over, 'CMREC-OVER', 82));
    const c = await control(over);
    const key = `invoiced-under:${over.productId}`;
    expect(c.discrepancies.find((d) => d.key === key)?.correction?.kind).toBe('corrective-invoice');
    const res = await adv.post(`/api/controls/${over.id}/decisions`, {
      key,
      action: 'corrected-invoice',
      note: 'Deux sacs livrés en plus, gardés.',
    });
    expect(res.statusCode, res.body).toBe(200);
    const decision = res.json<Control>().discrepancies.find((d) => d.key === key)!.decision!;
    expect(decision.documentNumber).toMatch(/^FAC-\d{6}-\d{5}$/);
    const text = await pdfText((await adv.get(`/api/documents/${decision.documentId}`)).rawPayload);
    expect(text).toContain('FACTURE RECTIFICATIVE');
    expect(text).toContain('Total TTC à payer');
    expect(await documents(over, 'corrective-invoice')).toHaveLength(1);
    // An order taken by phone has no invoice from Carnet: nothing to correct.
    const phoned = await delivered('CM-PO-8803', 'phone');
    expect((await adv.post('/api/controls/receiving-advices', { text: receipt(phoned, 'CMREC-PHONE', 78) })).statusCode).toBe(201);
    const refused = await adv.post(`/api/controls/${phoned.id}/decisions`, {
      key: `received-short:${phoned.productId}`,
      action: 'corrected-invoice',
    });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ path: 'body.action', code: 'no-invoice' });
    expect((await control(phoned)).discrepancies[0].correction).toBeNull();
  });
});
