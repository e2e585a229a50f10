import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/clock.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp } from '../helpers/test-app.ts';
import { type ClosedOrder, lastClosedOrder, tornSacks } from './complaints-fixtures.ts';
import { demoIds, tableCounts } from './orders-fixtures.ts';

/** Each outcome settles the complaint and changes exactly what it says: nothing else moves. */
describe.each(await testEngines())('complaint outcomes on %s', (engine) => {
  let t: TestApp;
  let adv: ReturnType<typeof client>;
  let manager: ReturnType<typeof client>;
  let customerId: number;
  let order: ClosedOrder;
  const complain = async () => (await adv.post('/api/complaints', tornSacks(customerId, order))).json<{ id: number; number: string }>();
  const creditNotes = async () => t.handle.db.selectFrom('creditNotes').select(['number', 'netCents']).orderBy('id').execute();

  beforeAll(async () => {
    t = await createTestApp(engine, { clock: fixedClock('2026-01-19T07:30:00.000Z') });
    const ids = await demoIds(t.handle.db);
    customerId = ids.customer('C021');
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
    manager = client(t.app, await login(t.app, 'manager@demo.local'));
    order = await lastClosedOrder(adv, customerId);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('a refusal records its reason and creates nothing', async () => {
    const c = await complain();
    const before = await tableCounts(t.handle.db);
    const res = await adv.post(`/api/complaints/${c.id}/resolve`, {
      outcome: 'refusal',
      refusalReason: 'no-reserves',
      note: 'Pas de réserve sur le BL.',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'refused',
      resolution: {
        outcome: 'refusal',
        refusalReason: 'no-reserves',
        gestureCents: null,
        creditNote: null,
        note: 'Pas de réserve sur le BL.',
      },
    });
    expect(res.json().history.at(-1)).toMatchObject({ action: 'refused', note: 'Pas de réserve sur le BL.' });
    const after = await tableCounts(t.handle.db);
    expect({ ...after, auditEvents: 0 }).toEqual({ ...before, auditEvents: 0 });
    expect(after.auditEvents).toBe(before.auditEvents + 1);
    expect((await adv.get(`/api/tasks?status=open&complaintId=${c.id}`)).json().items).toEqual([]);
  });

  it('a gesture keeps its amount, no credit note, no document', async () => {
    const c = await complain();
    const before = await tableCounts(t.handle.db);
    const res = await adv.post(`/api/complaints/${c.id}/resolve`, {
      outcome: 'gesture',
      amountCents: 2000,
      note: 'Port offert sur la prochaine commande.',
    });
    expect(res.json()).toMatchObject({ status: 'resolved', resolution: { outcome: 'gesture', gestureCents: 2000, creditNote: null } });
    expect(await tableCounts(t.handle.db)).toMatchObject({ documents: before.documents, orders: before.orders });
  });

  it('a credit note credits the torn sacks at what was invoiced, AV-numbered, with its PDF', async () => {
    const c = await complain();
    const before = await tableCounts(t.handle.db);
    const res = await adv.post(`/api/complaints/${c.id}/resolve`, { outcome: 'credit-note', note: 'Avoir des trois sacs.' });
    expect(res.statusCode).toBe(200);
    const note = res.json().resolution.creditNote;
    expect(note).toMatchObject({ number: 'AV-2026-00001', netCents: 4950, vatCents: 272, grossCents: 5222 });
    expect(await tableCounts(t.handle.db)).toMatchObject({ documents: before.documents + 1, orders: before.orders });
    const pdf = await adv.get(`/api/documents/${note.documentId}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('above the threshold an assistant is refused and a manager issues it', async () => {
    const c = await complain();
    const refused = await adv.post(`/api/complaints/${c.id}/resolve`, {
      outcome: 'credit-note',
      amountCents: 60_000,
      note: 'Avoir global.',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toContainEqual(expect.objectContaining({ path: 'body.amountCents', code: 'needs-approval' }));
    expect((await adv.get(`/api/complaints/${c.id}`)).json().status).toBe('open');
    const granted = await manager.post(`/api/complaints/${c.id}/resolve`, {
      outcome: 'credit-note',
      amountCents: 60_000,
      note: 'Avoir global.',
    });
    expect(granted.json().resolution.creditNote).toMatchObject({ netCents: 60_000, vatCents: 3300 });
  });

  it('credit notes issued at once are numbered without a gap', async () => {
    const complaints = await Promise.all(Array.from({ length: 6 }, complain));
    const answers = await Promise.all(
      complaints.map((c) => adv.post(`/api/complaints/${c.id}/resolve`, { outcome: 'credit-note', note: 'Avoir.' })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(complaints.map(() => 200));
    const numbers = (await creditNotes()).map((n) => Number(n.number.slice(-5))).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it('a replacement is a free-of-charge draft of the torn sacks on the next possible date, linked to the complaint', async () => {
    const c = await complain();
    const before = await tableCounts(t.handle.db);
    const res = await adv.post(`/api/complaints/${c.id}/resolve`, { outcome: 'replacement', note: 'Trois sacs remplacés.' });
    expect(res.statusCode).toBe(200);
    const replacement = res.json().resolution.replacementOrder;
    expect(replacement).toMatchObject({ status: 'draft' });
    const placed = (await adv.get(`/api/orders/${replacement.id}`)).json();
    expect(
      placed.lines.map((l: { productCode: string; quantity: number; unitPriceCents: number }) => [
        l.productCode,
        l.quantity,
        l.unitPriceCents,
      ]),
    ).toEqual([['FAR-T55-S25', 3, 0]]);
    expect(placed.customerRef).toBe(c.number);
    // The point's first possible date as order entry computes it, from the same clock.
    const context = (await adv.get(`/api/customers/${customerId}/order-context`)).json();
    expect(replacement.requestedDate).toBe(context.earliestDates[String(placed.deliveryPointId)]);
    const after = await tableCounts(t.handle.db);
    expect({ orders: after.orders, orderLines: after.orderLines, documents: after.documents, deliveries: after.deliveries }).toEqual({
      orders: before.orders + 1,
      orderLines: before.orderLines + 1,
      documents: before.documents,
      deliveries: before.deliveries,
    });
    expect(res.json().history.at(-1)).toMatchObject({ action: 'resolved', after: { orderId: replacement.id } });
  });

  it('a return to collect is numbered, dated and lists the goods; no order, no document', async () => {
    const c = await complain();
    const before = await tableCounts(t.handle.db);
    const res = await adv.post(`/api/complaints/${c.id}/resolve`, { outcome: 'return', pickupOn: '2026-01-21', note: 'Reprise des sacs.' });
    expect(res.statusCode).toBe(200);
    expect(res.json().resolution.returnPickup).toMatchObject({
      number: 'RET-2026-00001',
      pickupOn: '2026-01-21',
      status: 'planned',
      lines: [{ productCode: 'FAR-T55-S25', quantity: 3 }],
    });
    expect(await tableCounts(t.handle.db)).toMatchObject({
      orders: before.orders,
      documents: before.documents,
      deliveries: before.deliveries,
    });
  });

  it('refuses an outcome without what it needs, and a second resolution', async () => {
    const c = await complain();
    const noReason = await adv.post(`/api/complaints/${c.id}/resolve`, { outcome: 'refusal', note: 'Non.' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toContainEqual(expect.objectContaining({ path: 'body.refusalReason', code: 'required' }));
    const noAmount = await adv.post(`/api/complaints/${c.id}/resolve`, { outcome: 'gesture', note: 'Geste.' });
    expect(noAmount.json().errors).toContainEqual(expect.objectContaining({ path: 'body.amountCents', code: 'required' }));
    const unknown = await adv.post(`/api/complaints/${c.id}/resolve`, { outcome: 'exchange', note: 'Échange.' });
    expect(unknown.statusCode).toBe(400);
    const tooMany = await adv.post(`/api/complaints/${c.id}/resolve`, {
      outcome: 'replacement',
      lines: [{ orderLineId: order.lines.find((l) => l.productCode === 'FAR-T55-S25')!.id, quantity: 4 }],
      note: 'Remplacement.',
    });
    expect(tooMany.json().errors).toContainEqual(expect.objectContaining({ path: 'body.lines.0.quantity', code: 'out-of-range' }));
    const pastPickup = await adv.post(`/api/complaints/${c.id}/resolve`, { outcome: 'return', pickupOn: '2026-01-02', note: 'Reprise.' });
    expect(pastPickup.json().errors).toContainEqual(expect.objectContaining({ path: 'body.pickupOn' }));
    await adv.post(`/api/complaints/${c.id}/resolve`, { outcome: 'gesture', amountCents: 500, note: 'Geste.' });
    const again = await adv.post(`/api/complaints/${c.id}/resolve`, { outcome: 'gesture', amountCents: 500, note: 'Geste.' });
    expect(again.statusCode).toBe(409);
    const admin = client(t.app, await login(t.app, 'admin@demo.local'));
    expect((await admin.post(`/api/complaints/${c.id}/resolve`, { outcome: 'gesture', amountCents: 500, note: 'x' })).statusCode).toBe(403);
  });
});

describe.each(await testEngines())('the answer to the customer on %s', (engine) => {
  let t: TestApp;
  let adv: ReturnType<typeof client>;
  beforeAll(async () => {
    t = await createTestApp(engine, { clock: fixedClock('2026-01-19T07:30:00.000Z') });
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('is drafted in French from the outcome and goes through the outbox with the credit note attached', async () => {
    const customerId = (await demoIds(t.handle.db)).customer('C021');
    const c = (await adv.post('/api/complaints', tornSacks(customerId, await lastClosedOrder(adv, customerId)))).json<{
      id: number;
      number: string;
    }>();
    expect((await adv.get(`/api/complaints/${c.id}/reply`)).statusCode).toBe(422);
    await adv.post(`/api/complaints/${c.id}/resolve`, { outcome: 'credit-note', note: 'Les trois sacs vous sont crédités.' });
    const draft = (await adv.get(`/api/complaints/${c.id}/reply`)).json();
    expect(draft.subject).toContain(c.number);
    expect(draft.text).toContain("l'avoir AV-2026-00001");
    expect(draft.text).toContain('Les trois sacs vous sont crédités.');
    const sent = await adv.post(`/api/complaints/${c.id}/reply`, { channel: draft.suggestedChannel, text: draft.text });
    expect(sent.statusCode).toBe(200);
    expect(sent.json().answer).toMatchObject({ channel: draft.suggestedChannel });
    const outbox = await t.handle.db.selectFrom('outboxEmails').selectAll().where('kind', '=', 'complaint-answer').execute();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ subject: draft.subject, toAddress: draft.toAddress });
    expect(outbox[0].documentId).not.toBeNull();
  });
});
