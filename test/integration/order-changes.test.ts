import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PARTNERS, demoInterchange, demoLine, demoOrder } from '../../server/edi/demo-orders.ts';
import { filePath } from '../../server/documents/file-store.ts';
import { ingestFile } from '../../server/edi/ingest.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp, TEST_TODAY } from '../helpers/test-app.ts';
import { demoIds, stockOf } from './orders-fixtures.ts';

type Line = {
  id: number;
  lineNo: number;
  productId: number;
  productCode: string;
  quantity: number;
  unitPriceCents: number;
  netCents: number;
  status: string;
};
type Delivery = {
  id: number;
  number: string;
  warehouseId: number;
  plannedDate: string;
  status: string;
  lines: { orderLineId: number; quantity: number }[];
};
type Snapshot = {
  requestedDate: string | null;
  note: string | null;
  lines: { id: number; productId: number; quantity: number }[];
  deliveries: { number: string; plannedDate: string }[];
};
type Detail = {
  id: number;
  number: string;
  status: string;
  requestedDate: string;
  promisedDate: string | null;
  note: string | null;
  lines: Line[];
  deliveries: Delivery[];
  acknowledgementVersion: number | null;
  totals: { netCents: number };
};

// Changing an order after it is confirmed (issue 16): each kind of change on a confirmed and on a released order,
// what follows (lines, deliveries and reservations, the audit, the acknowledgement's new version, the ORDRSP), what
// a manager must answer first (422) and what has left the warehouse (409).
describe.each(await testEngines())('changing an order after confirmation on %s', (engine) => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let adv: ReturnType<typeof client>;
  const FRIDAY = '2026-03-13';
  const TUESDAY = '2026-03-17';

  beforeAll(async () => {
    t = await createTestApp(engine);
    ids = await demoIds(t.handle.db);
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
  });
  afterAll(() => t?.close());

  /** Boulangerie Martin's Friday order: 15 sacks of T65 and 4 of T80, confirmed (and released when asked). */
  async function martinOrder(status: 'draft' | 'confirmed' | 'released' = 'confirmed'): Promise<Detail> {
    const res = await adv.post('/api/orders', {
      customerId: ids.customer('C020'),
      channel: 'phone',
      requestedDate: FRIDAY,
      lines: [
        { productId: ids.product('FAR-T65-S25').id, quantity: 15 },
        { productId: ids.product('FAR-T80-S25').id, quantity: 4 },
      ],
    });
    expect(res.statusCode).toBe(201);
    let order = res.json<Detail>();
    if (status !== 'draft') {
      const confirmed = await adv.post(`/api/orders/${order.id}/confirm`);
      expect(confirmed.statusCode, confirmed.body).toBe(200);
      order = confirmed.json<Detail>();
    }
    if (status === 'released') order = (await adv.post(`/api/orders/${order.id}/release`)).json<Detail>();
    return order;
  }

  const events = async (id: number) =>
    (await adv.get(`/api/orders/${id}/events`)).json<{ action: string; before: Snapshot; after: Snapshot }[]>();
  const documents = async (id: number) => (await adv.get(`/api/orders/${id}/documents`)).json<{ kind: string; filename: string }[]>();

  it('adds two sacks to a confirmed order: re-priced, audited before and after, acknowledged as version 2', async () => {
    const order = await martinOrder();
    expect(order.acknowledgementVersion).toBe(1);
    const [t65] = order.lines;
    const res = await adv.patch(`/api/orders/${order.id}`, { lines: [{ id: t65.id, quantity: 17 }] });
    expect(res.statusCode, res.body).toBe(200);
    const changed = res.json<Detail>();
    expect(changed).toMatchObject({ status: 'confirmed', acknowledgementVersion: 2, promisedDate: FRIDAY });
    // The rules ran again: priced as a fresh quote of the same lines would be (17 sacks may reach another tier).
    const quote = (
      await adv.post('/api/orders/quote', {
        customerId: ids.customer('C020'),
        channel: 'phone',
        requestedDate: FRIDAY,
        lines: order.lines.map((l) => ({ productId: l.productId, quantity: l.id === t65.id ? 17 : l.quantity })),
      })
    ).json<{ lines: { netCents: number; unitPriceCents: number }[]; totals: { netCents: number } }>();
    expect(changed.lines[0]).toMatchObject({
      id: t65.id,
      lineNo: 1,
      quantity: 17,
      unitPriceCents: t65.unitPriceCents,
      netCents: quote.lines[0].netCents,
    });
    expect(changed.totals.netCents).toBe(quote.totals.netCents);

    const last = (await events(order.id)).at(-1)!;
    expect(last.action).toBe('change');
    expect(last.before.lines[0]).toMatchObject({ id: t65.id, quantity: 15 });
    expect(last.after.lines[0]).toMatchObject({ id: t65.id, quantity: 17 });
    await t.app.documentJobs.drain(); // documents are printed after the commit
    expect((await documents(order.id)).map((d) => d.filename)).toEqual(
      expect.arrayContaining([`ARC-${order.number}.pdf`, `ARC-${order.number}-v2.pdf`]),
    );
    const emails = await t.handle.db.selectFrom('outboxEmails').select(['kind']).where('orderId', '=', order.id).execute();
    expect(emails).toHaveLength(2);
  });

  it('adds and removes lines, moves the date and changes the note of a confirmed order; a removed line stays, cancelled', async () => {
    const order = await martinOrder();
    const [t65, t80] = order.lines;
    const res = await adv.patch(`/api/orders/${order.id}`, {
      lines: [{ productId: ids.product('FAR-T45-S25').id, quantity: 2 }],
      removeLineIds: [t80.id],
      requestedDate: TUESDAY,
      note: 'Livrer par la cour',
    });
    expect(res.statusCode, res.body).toBe(200);
    const changed = res.json<Detail>();
    expect(changed).toMatchObject({ requestedDate: TUESDAY, promisedDate: TUESDAY, note: 'Livrer par la cour', acknowledgementVersion: 2 });
    expect(changed.lines.map((l) => [l.lineNo, l.productCode, l.quantity, l.status])).toEqual([
      [1, 'FAR-T65-S25', 15, 'open'],
      [2, 'FAR-T80-S25', 4, 'cancelled'],
      [3, 'FAR-T45-S25', 2, 'open'],
    ]);
    expect(changed.lines[0].id).toBe(t65.id);
    const last = (await events(order.id)).at(-1)!;
    expect(last.before).toMatchObject({ requestedDate: FRIDAY, note: null });
    expect(last.after).toMatchObject({ requestedDate: TUESDAY, note: 'Livrer par la cour' });
    expect(last.after.lines.map((l: { productId: number }) => l.productId)).toEqual([t65.productId, ids.product('FAR-T45-S25').id]);
  });

  it('on a released order, the planned delivery and its reservations follow each change, under the same delivery number', async () => {
    const order = await martinOrder('released');
    const [t65, t80] = order.lines;
    expect(order.deliveries).toHaveLength(1);
    const delivery = order.deliveries[0];
    const products = [t65.productId, t80.productId, ids.product('FAR-T45-S25').id];
    const reserved = async () =>
      new Map(
        (await stockOf(t.handle.db, products)).filter((s) => s.warehouseId === delivery.warehouseId).map((s) => [s.productId, s.reserved]),
      );
    const before = await reserved();

    const res = await adv.patch(`/api/orders/${order.id}`, {
      lines: [
        { id: t65.id, quantity: 17 },
        { productId: ids.product('FAR-T45-S25').id, quantity: 2 },
      ],
      removeLineIds: [t80.id],
      requestedDate: TUESDAY,
    });
    expect(res.statusCode, res.body).toBe(200);
    const changed = res.json<Detail>();
    expect(changed.status).toBe('released');
    expect(changed.deliveries).toHaveLength(1);
    expect(changed.deliveries[0]).toMatchObject({ number: delivery.number, plannedDate: TUESDAY, status: 'planned' });
    const added = changed.lines.find((l) => l.productCode === 'FAR-T45-S25')!;
    expect(changed.deliveries[0].lines.map((l) => [l.orderLineId, l.quantity]).sort()).toEqual(
      [
        [t65.id, 17],
        [added.id, 2],
      ].sort(),
    );
    const after = await reserved();
    expect(after.get(t65.productId)! - before.get(t65.productId)!).toBe(2);
    expect(after.get(t80.productId)! - before.get(t80.productId)!).toBe(-4);
    expect(after.get(added.productId)! - (before.get(added.productId) ?? 0)).toBe(2);
    const last = (await events(order.id)).at(-1)!;
    expect(last.before.deliveries[0]).toMatchObject({ number: delivery.number, plannedDate: FRIDAY });
    expect(last.after.deliveries[0]).toMatchObject({ number: delivery.number, plannedDate: TUESDAY });
  });

  it('refuses with 409 naming what shipped once the goods have left', async () => {
    const order = await martinOrder('released');
    const shipped = await adv.post(`/api/orders/${order.id}/ship`, { deliveryNoteNumber: `BL-CHG-${order.id}` });
    expect(shipped.statusCode, shipped.body).toBe(200);
    const res = await adv.patch(`/api/orders/${order.id}`, { lines: [{ id: order.lines[0].id, quantity: 17 }] });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain(`BL-CHG-${order.id}`);
    expect(res.json().detail).toContain('FAR-T65-S25');
    expect(res.json().shipped[0]).toMatchObject({ deliveryNoteNumber: `BL-CHG-${order.id}` });
  });

  it('a change that needs a manager waits: 422 with the findings, and nothing is written', async () => {
    const order = await martinOrder();
    const res = await adv.patch(`/api/orders/${order.id}`, { lines: [{ id: order.lines[0].id, quantity: 900_000 }] });
    expect(res.statusCode).toBe(422);
    const rules = (res.json().findings as { rule: string; severity: string }[]).map((f) => f.rule);
    expect(rules).toContain('availability');
    const reread = (await adv.get(`/api/orders/${order.id}`)).json<Detail>();
    expect(reread.lines[0].quantity).toBe(15);
    expect(reread.acknowledgementVersion).toBe(1);
  });

  it("edits a draft's lines by the same route, audited as an edit", async () => {
    const order = await martinOrder('draft');
    const res = await adv.patch(`/api/orders/${order.id}`, { lines: [{ id: order.lines[1].id, quantity: 6 }], note: 'Appel de 9 h' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'draft', note: 'Appel de 9 h', acknowledgementVersion: null });
    expect(res.json<Detail>().lines.map((l) => l.quantity)).toEqual([15, 6]);
    expect((await events(order.id)).at(-1)!.action).toBe('update');
    const bad = await adv.patch(`/api/orders/${order.id}`, { removeLineIds: [999_999] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0]).toMatchObject({ path: 'body.removeLineIds.0', code: 'not-found' });
  });

  it('answers an EDI order changed after confirmation with an ORDRSP in the cases he ordered, the changed line marked', async () => {
    const [CAP] = DEMO_PARTNERS;
    // Cap Marché orders its caster sugar by his code CM-301877 in cases of 10 packs.
    await t.handle.db.updateTable('customerProductCodes').set({ unitFactor: 10 }).where('code', '=', 'CM-301877').execute();
    const sugar = CAP.items.find((i) => i.code === 'CM-301877')!;
    const file = path.join(t.dataDir, 'change-case.edi');
    fs.writeFileSync(
      file,
      demoInterchange(CAP, 'CHG-801', TEST_TODAY, [{ ...demoOrder(CAP, 801, TEST_TODAY, 1), lines: [demoLine(sugar, 1, 16, 'buyer')] }]),
    );
    const [r] = await ingestFile(t.handle.db, file, { door: 'cli', clock: t.app.clock });
    expect(r.messages[0].status, JSON.stringify(r.messages[0])).toBe('accepted');
    const orderId = r.messages[0].orderId!;
    const line = await t.handle.db.selectFrom('orderLines').selectAll().where('orderId', '=', orderId).executeTakeFirstOrThrow();
    const factor = 10;
    expect(line).toMatchObject({ customerUnitFactor: factor, quantity: 16 * factor });

    const res = await adv.patch(`/api/orders/${orderId}`, { lines: [{ id: line.id, quantity: 17 * factor }] });
    expect(res.statusCode, res.body).toBe(200);
    const answers = await t.handle.db
      .selectFrom('ediOutbound')
      .innerJoin('documents', 'documents.id', 'ediOutbound.documentId')
      .select(['documents.sha256'])
      .where('ediOutbound.orderId', '=', orderId)
      .where('ediOutbound.type', '=', 'ORDRSP')
      .orderBy('ediOutbound.id')
      .execute();
    expect(answers).toHaveLength(2);
    const text = fs.readFileSync(filePath(t.dataDir, answers[1].sha256)).toString('latin1');
    expect(text).toContain('BGM+231');
    expect(text).toMatch(/LIN\+1\+3\+/); // changed
    expect(text).toContain(`QTY+21:17`);
    expect(text).toContain('CM-301877');
    expect(text).toContain('Quantité 17 au lieu de 16');
  });
});
