import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Control } from '../../core/controls/controls.schemas.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp } from '../helpers/test-app.ts';
import { demoIds } from './orders-fixtures.ts';

/**
 * Issue 16, item 6: a delivered order whose customer's RECADV says fewer sacks than the delivery note and the
 * delivery report: the discrepancy is listed with the documents side by side, and becomes a complaint in one action.
 */
describe.each(await testEngines())('documents that agree on %s', (engine) => {
  let t: TestApp;
  let adv: ReturnType<typeof client>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  type Line = { id: number; productId: number; productCode: string; quantity: number };
  let order: { id: number; number: string; lines: Line[] };
  let noteNumber: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    ids = await demoIds(t.handle.db);
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
    order = (
      await adv.post('/api/orders', {
        customerId: ids.customer('C001'),
        channel: 'phone',
        customerRef: 'CM-PO-7781',
        lines: [{ customerCode: 'CM-204511', quantity: 80 }],
      })
    ).json();
    for (const step of ['confirm', 'release']) expect((await adv.post(`/api/orders/${order.id}/${step}`)).statusCode).toBe(200);
    const shipped = (await adv.post(`/api/orders/${order.id}/ship`)).json();
    noteNumber = shipped.deliveries[0].deliveryNoteNumber;
  });
  afterAll(() => t.close());

  const controls = async (query: string) => {
    const res = await adv.get(`/api/controls?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ controls: Control[] }>().controls.filter((c) => c.order.id === order.id);
  };
  const recadv = (accepted: number) =>
    [
      "UNB+UNOC:3+3021000000019:14+3012345000017:14+260310:1015+CMREC0310'",
      "UNH+RA000001+RECADV:D:96A:UN:EAN003'",
      "BGM+632+REC-26-0310+9'",
      "DTM+137:20260310:102'",
      "RFF+ON:CM-PO-7781'",
      `RFF+AAK:${noteNumber}'`,
      "NAD+BY+3021000000019::9'",
      "LIN+1'",
      `PIA+5+${order.lines[0].productCode}:SA::91'`,
      "QTY+12:80'",
      `QTY+194:${accepted}'`,
      `QTY+195:${80 - accepted}'`,
      "UNT+12+RA000001'",
      "UNZ+1+CMREC0310'",
    ].join('\n');

  it('a delivered order whose documents agree has nothing open', async () => {
    // Before delivery, nothing is compared.
    expect(await controls('status=all')).toEqual([]);
    const delivered = await adv.post(`/api/orders/${order.id}/deliver`, { lines: [{ lineId: order.lines[0].id, deliveredQuantity: 80 }] });
    expect(delivered.statusCode, delivered.body).toBe(200);
    expect(await controls('status=open')).toEqual([]);
    const [all] = await controls('status=all');
    expect(all).toMatchObject({ receivedSource: 'delivery-report', discrepancies: [] });
    expect(all.lines).toEqual([
      expect.objectContaining({ productCode: order.lines[0].productCode, ordered: 80, shipped: 80, received: 80, invoiced: null }),
    ]);
    expect(all.documents.deliveryNotes).toEqual([expect.objectContaining({ number: noteNumber })]);
  });

  it("the customer's RECADV says 78 of 80: a discrepancy with the documents side by side", async () => {
    expect((await adv.post('/api/controls/receiving-advices', { text: "UNA:+.? 'UNB+nonsense" })).statusCode).toBe(400);
    const filed = await adv.post('/api/controls/receiving-advices', { text: recadv(78) });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json()).toMatchObject({ orderId: order.id, receiptNumber: 'REC-26-0310' });
    const [open] = await controls('status=open');
    expect(open.receivedSource).toBe('recadv');
    expect(open.documents.receipts).toEqual([{ documentId: filed.json().documentId, number: 'REC-26-0310', date: '2026-03-10' }]);
    expect(open.lines[0]).toMatchObject({ ordered: 80, shipped: 80, received: 78 });
    expect(open.discrepancies).toEqual([
      expect.objectContaining({ kind: 'received-short', expected: 80, actual: 78, owedTo: 'customer', status: 'open', decision: null }),
    ]);
    expect(open.discrepancies[0].amountCents).toBe(2 * (order.lines[0] as Line & { unitPriceCents: number }).unitPriceCents);
    // The RECADV is on the documents screen with the order.
    const docs = (await adv.get(`/api/documents?orderId=${order.id}&kind=edi-recadv`)).json();
    expect(docs.documents).toHaveLength(1);
  });

  it('one action makes it a complaint on the line, with the quantity at stake; it is then settled', async () => {
    const [open] = await controls('status=open');
    const key = open.discrepancies[0].key;
    expect((await adv.post(`/api/controls/${order.id}/decisions`, { key: 'received-short:0', action: 'complaint' })).statusCode).toBe(400);
    const decided = await adv.post(`/api/controls/${order.id}/decisions`, {
      key,
      action: 'complaint',
      note: 'RECADV: 2 sacs refusés déchirés',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const d = decided.json<Control>().discrepancies[0];
    expect(d).toMatchObject({ status: 'complaint', decision: { action: 'complaint', complaintNumber: expect.any(String) } });
    const complaint = (await adv.get(`/api/complaints/${d.decision!.complaintId}`)).json();
    expect(complaint).toMatchObject({
      reason: 'missing-quantity',
      lines: [expect.objectContaining({ orderLineId: order.lines[0].id, quantity: 2 })],
    });
    expect((await adv.post(`/api/controls/${order.id}/decisions`, { key, action: 'accepted' })).statusCode).toBe(409);
    expect(await controls('status=open')).toEqual([]);
    expect(await controls('status=settled')).toHaveLength(1);
    const admin = client(t.app, await login(t.app, 'admin@demo.local'));
    expect((await admin.post(`/api/controls/${order.id}/decisions`, { key, action: 'accepted' })).statusCode).toBe(403);
  });
});
