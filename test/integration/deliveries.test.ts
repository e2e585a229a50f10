import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parisNow } from '../../core/calendar/dates.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp } from '../helpers/test-app.ts';
import { demoIds, stockOf, tableCounts } from './orders-fixtures.ts';

type Line = {
  id: number;
  productId: number;
  productCode: string;
  quantity: number;
  status: string;
  deliveredQuantity: number | null;
  unitPriceCents: number;
  backorderOfLineId: number | null;
};

describe.each(await testEngines())('orders: from confirmation to delivery on %s', (engine) => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let adv: ReturnType<typeof client>;
  let manager: ReturnType<typeof client>;
  let warehouse: (code: string) => Promise<number>;
  beforeAll(async () => {
    t = await createTestApp(engine);
    ids = await demoIds(t.handle.db);
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
    manager = client(t.app, await login(t.app, 'manager@demo.local'));
    warehouse = async (code) =>
      (await t.handle.db.selectFrom('warehouses').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    // These orders are about moving goods, not about Cap Marché's terms (test/integration/order-rules.test.ts is): they
    // order outside its agreed assortment and below its one-pallet minimum, which a manager would have to approve.
    await t.handle.db.deleteFrom('customerAssortments').where('customerId', '=', ids.customer('C001')).execute();
    await t.handle.db
      .insertInto('customerTerms')
      .values({ customerId: ids.customer('C001'), minOrderPallets: 0, updatedAt: t.app.clock.now().toISOString() })
      .execute();
  });
  afterAll(() => t.close());

  const fiveLines = () => ({
    customerId: ids.customer('C001'),
    customerRef: 'CM-PO-771999',
    channel: 'edi',
    lines: [
      { customerCode: 'CM-204511', quantity: 40 },
      { customerCode: 'CM-204512', quantity: 20 },
      { productId: ids.product('FAR-T65-S25').id, quantity: 10 },
      { gtin: '3012345001021', quantity: 8 },
      { gtin: '13012345001233', quantity: 5 },
    ],
  });
  const createConfirmed = async (body = fiveLines()) => {
    const order = (await adv.post('/api/orders', body)).json();
    const res = await adv.post(`/api/orders/${order.id}/confirm`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const walkTo = async (status: 'released' | 'shipped', body = fiveLines()) => {
    const order = await createConfirmed(body);
    await adv.post(`/api/orders/${order.id}/release`);
    if (status === 'shipped') expect((await adv.post(`/api/orders/${order.id}/ship`)).statusCode).toBe(200);
    return (await adv.get(`/api/orders/${order.id}`)).json();
  };

  it('walks the whole path: confirm, release (reserve), ship (delivery note PDF), deliver with a backorder and a cancelled shortfall, close', async () => {
    const draft = (await adv.post('/api/orders', fiveLines())).json();
    const productIds: number[] = draft.lines.map((l: Line) => l.productId);
    const stockBefore = await stockOf(t.handle.db, productIds);

    const confirmed = (await adv.post(`/api/orders/${draft.id}/confirm`)).json();
    expect(confirmed).toMatchObject({ status: 'confirmed', promisedDate: draft.requestedDate, availableActions: ['release', 'cancel'] });

    const released = (await manager.post(`/api/orders/${draft.id}/release`)).json();
    expect(released.status).toBe('released');
    expect(released.deliveries).toHaveLength(1);
    const delivery = released.deliveries[0];
    const moulin = await warehouse('WH-MOULIN');
    expect(delivery).toMatchObject({
      status: 'planned',
      warehouseId: moulin,
      plannedDate: draft.requestedDate,
      deliveryNoteNumber: null,
      weightG: draft.totals.weightG,
      pallets: draft.totals.pallets,
    });
    expect(delivery.number).toMatch(/^LIV-\d{6}$/);
    expect(delivery.lines.map((l: { orderLineId: number; quantity: number }) => [l.orderLineId, l.quantity])).toEqual(
      draft.lines.map((l: Line) => [l.id, l.quantity]),
    );
    const reserved = await stockOf(t.handle.db, productIds);
    for (const line of draft.lines as Line[]) {
      const before = stockBefore.find((s) => s.productId === line.productId && s.warehouseId === moulin)!;
      const after = reserved.find((s) => s.productId === line.productId && s.warehouseId === moulin)!;
      expect([after.onHand, after.reserved]).toEqual([before.onHand, before.reserved + line.quantity]);
    }

    const shippedNow = (await adv.post(`/api/orders/${draft.id}/ship`)).json();
    expect(shippedNow.status).toBe('shipped');
    // The delivery note is printed after the commit, by the document worker: being prepared until it runs.
    expect(shippedNow.deliveries[0].documentId).toBeNull();
    const preparing = (await adv.get(`/api/orders/${draft.id}/documents/preparing`)).json();
    expect(preparing.map((p: { kind: string }) => p.kind)).toEqual(['order-acknowledgement', 'delivery_note']);
    expect(await t.app.documentJobs.drain()).toMatchObject({ produced: 2 }); // the acknowledgement of the confirmation too
    const shipped = (await adv.get(`/api/orders/${draft.id}`)).json();
    const ym = parisNow(t.app.clock.now()).date.slice(0, 7).replace('-', '');
    expect(shipped.deliveries[0]).toMatchObject({ status: 'shipped', deliveryNoteNumber: `BL-${ym}-00072` });
    expect(shipped.deliveries[0].shippedAt).toMatch(/Z$/);
    const afterShip = await stockOf(t.handle.db, productIds);
    for (const line of draft.lines as Line[]) {
      const before = stockBefore.find((s) => s.productId === line.productId && s.warehouseId === moulin)!;
      const after = afterShip.find((s) => s.productId === line.productId && s.warehouseId === moulin)!;
      expect([after.onHand, after.reserved]).toEqual([before.onHand - line.quantity, before.reserved]);
    }

    // Beside the acknowledgement filed at confirmation (test/integration/order-acknowledgement.test.ts).
    const docs = (await adv.get(`/api/orders/${draft.id}/documents`)).json().filter((d: { kind: string }) => d.kind === 'delivery_note');
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ kind: 'delivery_note', filename: `BL-${ym}-00072.pdf`, mimeType: 'application/pdf' });
    expect(shipped.deliveries[0].documentId).toBe(docs[0].id);
    const file = await adv.get(`/api/documents/${docs[0].id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain(`filename="BL-${ym}-00072.pdf"`);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(file.rawPayload.length).toBe(docs[0].sizeBytes);
    expect(file.rawPayload.toString('latin1')).toContain(`Commande ${draft.number}`);
    expect(file.rawPayload.toString('latin1')).toContain(`BL-${ym}-00072`);
    const row = await t.handle.db
      .selectFrom('documents')
      .select(['id', 'sha256'])
      .where('publicId', '=', docs[0].id)
      .executeTakeFirstOrThrow();
    expect(fs.existsSync(path.join(t.dataDir, 'files', row.sha256.slice(0, 2), row.sha256))).toBe(true);

    const [l1, l2, ...full] = draft.lines as Line[];
    const delivered = await adv.post(`/api/orders/${draft.id}/deliver`, {
      lines: [
        { lineId: l1.id, deliveredQuantity: 30, shortfall: 'backorder' },
        { lineId: l2.id, deliveredQuantity: 15, shortfall: 'cancel' },
        ...full.map((l) => ({ lineId: l.id, deliveredQuantity: l.quantity })),
      ],
    });
    expect(delivered.statusCode).toBe(200);
    const after = delivered.json();
    expect(after.status).toBe('delivered');
    expect(after.lines.map((l: Line) => [l.status, l.deliveredQuantity])).toEqual([
      ['backordered', 30],
      ['short_cancelled', 15],
      ...full.map((l) => ['delivered', l.quantity]),
    ]);
    expect(after.deliveries[0].status).toBe('delivered');
    expect(after.backorders).toEqual([{ id: expect.any(Number), number: `${draft.number}-R1` }]);

    const backorder = (await adv.get(`/api/orders/${after.backorders[0].id}`)).json();
    expect(backorder).toMatchObject({
      status: 'confirmed',
      backorderOfOrderId: draft.id,
      customerId: draft.customerId,
      deliveryPointId: draft.deliveryPointId,
      customerRef: 'CM-PO-771999',
    });
    // The timeline says why it exists, coded for the web to word; the note stays the assistant's, empty.
    const created = (await adv.get(`/api/orders/${backorder.id}/events`))
      .json()
      .find((e: { action: string }) => e.action === 'create_backorder');
    expect(created.notes).toEqual([{ code: 'backorder-of', params: { order: draft.number } }]);
    expect(backorder.note).toBeNull();
    expect(backorder.lines).toEqual([
      expect.objectContaining({
        productId: l1.productId,
        quantity: 10,
        unitPriceCents: 720,
        netCents: 7200,
        backorderOfLineId: l1.id,
        status: 'open',
      }),
    ]);
    expect(backorder.totals).toMatchObject({ netCents: 7200, vatCents: 396, grossCents: 7596 });

    const closed = (await adv.post(`/api/orders/${draft.id}/close`)).json();
    expect(closed).toMatchObject({ status: 'closed', availableActions: [] });

    const events = (await adv.get(`/api/orders/${draft.id}/events`)).json();
    expect(
      events.map((e: { action: string; before: { status?: string } | null; after: { status: string } }) => [
        e.action,
        e.before?.status ?? null,
        e.after.status,
      ]),
    ).toEqual([
      ['create', null, 'draft'],
      ['confirm', 'draft', 'confirmed'],
      ['release', 'confirmed', 'released'],
      ['ship', 'released', 'shipped'],
      ['deliver', 'shipped', 'delivered'],
      ['close', 'delivered', 'closed'],
    ]);
    expect(events.map((e: { userName: string }) => e.userName)).toEqual([
      'Léa Moreau',
      'Léa Moreau',
      'Claire Dubois',
      'Léa Moreau',
      'Léa Moreau',
      'Léa Moreau',
    ]);
    expect(events[2].after).toMatchObject({ deliveries: [{ warehouseId: moulin, deliveryNumber: delivery.number }] });
    expect(events[3].after).toMatchObject({ deliveries: [{ deliveryNoteNumber: `BL-${ym}-00072` }] });
    expect(events[4].after.backorder).toEqual({ id: backorder.id, number: backorder.number });
    expect(events.every((e: { at: string }) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
    expect((await adv.get(`/api/orders/${backorder.id}/events`)).json().map((e: { action: string }) => e.action)).toEqual([
      'create_backorder',
    ]);
  });

  it('numbers a backorder of a backorder after the root order (-R2), and ships with a given delivery note number', async () => {
    const shipped = await walkTo('shipped', { ...fiveLines(), lines: [{ productId: ids.product('FAR-T65-S25').id, quantity: 10 }] });
    await adv.post(`/api/orders/${shipped.id}/deliver`, {
      lines: [{ lineId: shipped.lines[0].id, deliveredQuantity: 4, shortfall: 'backorder' }],
    });
    const r1 = (await adv.get(`/api/orders/${shipped.id}`)).json().backorders[0];
    await adv.post(`/api/orders/${r1.id}/release`);
    const given = await adv.post(`/api/orders/${r1.id}/ship`, { deliveryNoteNumber: 'BL-MANUEL-0001' });
    expect(given.json().deliveries[0].deliveryNoteNumber).toBe('BL-MANUEL-0001');
    const r1Detail = given.json();
    await adv.post(`/api/orders/${r1.id}/deliver`, {
      lines: [{ lineId: r1Detail.lines[0].id, deliveredQuantity: 5, shortfall: 'backorder' }],
    });
    const r2 = (await adv.get(`/api/orders/${r1.id}`)).json().backorders[0];
    expect([r1.number, r2.number]).toEqual([`${shipped.number}-R1`, `${shipped.number}-R2`]);
    expect((await adv.get(`/api/orders/${r2.id}`)).json().lines[0]).toMatchObject({ quantity: 1, backorderOfLineId: r1Detail.lines[0].id });

    const other = await walkTo('released');
    const reused = await adv.post(`/api/orders/${other.id}/ship`, { deliveryNoteNumber: 'BL-MANUEL-0001' });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().errors).toEqual([
      { path: 'body.deliveryNoteNumber', code: 'taken', params: { value: expect.any(String) }, message: expect.any(String) },
    ]);
    expect((await adv.get(`/api/orders/${other.id}`)).json().status).toBe('released');
  });

  it('reserves each product in a warehouse that holds it, never where it has never been', async () => {
    const [sucre, moulin] = [await warehouse('WH-SUCRE'), await warehouse('WH-MOULIN')];
    const sugar = ids.product('SUC-CRI-1KG').id;
    const flour = ids.product('FAR-T45-1KG').id;
    const before = await stockOf(t.handle.db, [sugar, flour]);
    const released = await walkTo('released', {
      ...fiveLines(),
      lines: [
        { customerCode: 'CM-301877', quantity: 100 },
        { productId: flour, quantity: 1 },
      ],
    });
    expect(
      released.deliveries.map((d: { warehouseId: number; lines: { productId: number }[] }) => [
        d.warehouseId,
        d.lines.map((l) => l.productId),
      ]),
    ).toEqual([
      [sucre, [sugar]],
      [moulin, [flour]],
    ]);
    const after = await stockOf(t.handle.db, [sugar, flour]);
    const at = (rows: typeof before, warehouseId: number, productId: number) =>
      rows.find((s) => s.productId === productId && s.warehouseId === warehouseId);
    expect(at(after, sucre, sugar)!.reserved).toBe(at(before, sucre, sugar)!.reserved + 100);
    expect(at(after, moulin, flour)!.reserved).toBe(at(before, moulin, flour)!.reserved + 1);
    // The sugar depot never held this flour and still has no stock row for it.
    expect(at(after, sucre, flour)).toBeUndefined();
  });

  it('splits a Cap Marché order of 1 kg flour packs and frozen croissants into two deliveries, each with its own delivery note, delivered in one report', async () => {
    const [moulin, froid] = [await warehouse('WH-MOULIN'), await warehouse('WH-FROID')];
    const flour = ids.product('FAR-T45-1KG').id;
    const croissant = ids.product('SUR-CRO-60').id;
    const before = await stockOf(t.handle.db, [flour, croissant]);
    const body = {
      ...fiveLines(),
      lines: [
        { customerCode: 'CM-204511', quantity: 30 },
        { customerCode: 'CM-880311', quantity: 12 },
        { customerCode: 'CM-204511', quantity: 10 },
      ],
    };
    const released = await walkTo('released', body);
    type D = {
      id: number;
      number: string;
      warehouseId: number;
      weightG: number;
      lines: { orderLineId: number; productId: number; quantity: number }[];
      documentId: number | null;
      deliveryNoteNumber: string | null;
      status: string;
    };
    const deliveries: D[] = released.deliveries;
    expect(deliveries.map((d) => [d.warehouseId, d.lines.map((l) => [l.productId, l.quantity])])).toEqual([
      [
        moulin,
        [
          [flour, 30],
          [flour, 10],
        ],
      ],
      [froid, [[croissant, 12]]],
    ]);
    expect(new Set(deliveries.map((d) => d.number)).size).toBe(2);
    expect(deliveries.reduce((sum, d) => sum + d.weightG, 0)).toBe(released.totals.weightG);
    const reserved = await stockOf(t.handle.db, [flour, croissant]);
    const at = (rows: typeof before, warehouseId: number, productId: number) =>
      rows.find((s) => s.productId === productId && s.warehouseId === warehouseId)!;
    expect(at(reserved, moulin, flour).reserved).toBe(at(before, moulin, flour).reserved + 40);
    expect(at(reserved, froid, croissant).reserved).toBe(at(before, froid, croissant).reserved + 12);
    expect(reserved).toHaveLength(before.length);

    const refused = await adv.post(`/api/orders/${released.id}/ship`, { deliveryNoteNumber: 'BL-MANUEL-9999' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([
      {
        path: 'body.deliveryNoteNumber',
        code: 'several-warehouses',
        params: { count: 2 },
        message: expect.stringContaining('2 warehouses'),
      },
    ]);

    expect((await adv.post(`/api/orders/${released.id}/ship`)).json().status).toBe('shipped');
    await t.app.documentJobs.drain();
    const shipped = (await adv.get(`/api/orders/${released.id}`)).json();
    const notes = shipped.deliveries.map((d: D) => d.deliveryNoteNumber);
    expect(shipped.deliveries.every((d: D) => d.status === 'shipped' && d.documentId !== null)).toBe(true);
    expect(new Set(notes).size).toBe(2);
    const docs = (await adv.get(`/api/orders/${released.id}/documents`)).json().filter((d: { kind: string }) => d.kind === 'delivery_note');
    expect(docs.map((d: { filename: string }) => d.filename)).toEqual(notes.map((n: string) => `${n}.pdf`));
    for (const [i, d] of (shipped.deliveries as D[]).entries()) {
      const pdf = (await adv.get(`/api/documents/${d.documentId}`)).rawPayload.toString('latin1');
      expect(pdf.startsWith('%PDF-')).toBe(true);
      expect(pdf).toContain(notes[i]);
      expect(pdf).not.toContain(notes[1 - i]);
    }
    const afterShip = await stockOf(t.handle.db, [flour, croissant]);
    expect(at(afterShip, moulin, flour)).toMatchObject({
      onHand: at(before, moulin, flour).onHand - 40,
      reserved: at(before, moulin, flour).reserved,
    });
    expect(at(afterShip, froid, croissant)).toMatchObject({
      onHand: at(before, froid, croissant).onHand - 12,
      reserved: at(before, froid, croissant).reserved,
    });

    const [l1, l2, l3] = shipped.lines as Line[];
    const incomplete = await adv.post(`/api/orders/${released.id}/deliver`, {
      lines: [
        { lineId: l1.id, deliveredQuantity: 30 },
        { lineId: l3.id, deliveredQuantity: 10 },
      ],
    });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.lines']);
    const delivered = await adv.post(`/api/orders/${released.id}/deliver`, {
      lines: [
        { lineId: l2.id, deliveredQuantity: 12 },
        { lineId: l1.id, deliveredQuantity: 30 },
        { lineId: l3.id, deliveredQuantity: 8, shortfall: 'cancel' },
      ],
    });
    expect(delivered.statusCode).toBe(200);
    expect(delivered.json().deliveries.map((d: D) => d.status)).toEqual(['delivered', 'delivered']);
    expect(delivered.json().lines.map((l: Line) => l.status)).toEqual(['delivered', 'delivered', 'short_cancelled']);

    const events = (await adv.get(`/api/orders/${released.id}/events`)).json();
    const byAction = (action: string) => events.find((e: { action: string }) => e.action === action);
    expect(byAction('release').after.deliveries.map((d: { warehouseId: number }) => d.warehouseId)).toEqual([moulin, froid]);
    expect(byAction('ship').after.deliveries.map((d: { deliveryNoteNumber: string }) => d.deliveryNoteNumber)).toEqual(notes);
    expect(byAction('deliver').after.deliveryIds).toEqual(deliveries.map((d) => d.id));
  });

  it('releases an order the stock cannot cover, showing the shortage, and never ships on hand below zero', async () => {
    // Sucre glace 10 kg: 4 on hand at the sugar depot (6 more promised to a confirmed order, not reserved until released).
    const sucre = await warehouse('WH-SUCRE');
    const icing = ids.product('SUC-GLA-S10').id;
    const [before] = await stockOf(t.handle.db, [icing]);
    expect(before).toMatchObject({ warehouseId: sucre, onHand: 4, reserved: 0 });
    const released = await walkTo('released', { ...fiveLines(), lines: [{ productId: icing, quantity: 10 }] });
    expect(released.status).toBe('released');
    expect(await stockOf(t.handle.db, [icing])).toEqual([{ ...before, reserved: 10 }]);
    const stockApi = (await adv.get(`/api/stock?productId=${icing}`)).json().items;
    expect(stockApi).toMatchObject([{ onHand: 4, reserved: 10, available: -6 }]);

    const shipped = await adv.post(`/api/orders/${released.id}/ship`);
    expect(shipped.statusCode).toBe(200);
    expect(await stockOf(t.handle.db, [icing])).toEqual([{ ...before, onHand: 0, reserved: 0 }]);
    const events = (await adv.get(`/api/orders/${released.id}/events`)).json();
    const notes = (action: string) => events.find((e: { action: string }) => e.action === action).notes;
    expect(notes('release')).toEqual([{ code: 'released-short', params: { product: 'SUC-GLA-S10', short: 6, warehouse: 'WH-SUCRE' } }]);
    expect(notes('ship')).toEqual([
      { code: 'shipped-beyond-stock', params: { product: 'SUC-GLA-S10', missing: 6, warehouse: 'WH-SUCRE' } },
    ]);
  });

  it('refuses a transition the status does not allow with a 409 naming the status and what is allowed', async () => {
    const draft = (await adv.post('/api/orders', fiveLines())).json();
    const res = await adv.post(`/api/orders/${draft.id}/ship`);
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      code: 'INVALID_TRANSITION',
      currentStatus: 'draft',
      allowedFrom: ['released'],
      availableActions: ['confirm', 'cancel'],
    });
    expect(res.json().detail).toContain('is draft');
    expect(res.json().detail).toContain('released');
    for (const action of ['release', 'deliver', 'close']) {
      const body = action === 'deliver' ? { lines: [{ lineId: draft.lines[0].id, deliveredQuantity: 1 }] } : {};
      expect((await adv.post(`/api/orders/${draft.id}/${action}`, body)).statusCode).toBe(409);
    }
    await adv.post(`/api/orders/${draft.id}/cancel`);
    expect((await adv.post(`/api/orders/${draft.id}/confirm`)).json()).toMatchObject({
      code: 'INVALID_TRANSITION',
      currentStatus: 'cancelled',
      availableActions: [],
    });
    expect((await adv.post('/api/orders/999999/confirm')).statusCode).toBe(404);
    const shipped = await walkTo('shipped');
    expect((await adv.post(`/api/orders/${shipped.id}/cancel`)).statusCode).toBe(409);
  });

  it('cancels a confirmed order without touching stock or creating a delivery, and keeps the reason', async () => {
    const order = await createConfirmed();
    const productIds = order.lines.map((l: Line) => l.productId);
    const [stock, counts] = [await stockOf(t.handle.db, productIds), await tableCounts(t.handle.db)];
    const res = await adv.post(`/api/orders/${order.id}/cancel`, { reason: 'doublon de la commande EDI' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', deliveries: [], availableActions: [] });
    expect(res.json().lines.every((l: Line) => l.status === 'cancelled')).toBe(true);
    expect(await stockOf(t.handle.db, productIds)).toEqual(stock);
    expect((await tableCounts(t.handle.db)).deliveries).toBe(counts.deliveries);
    const last = (await adv.get(`/api/orders/${order.id}/events`)).json().at(-1);
    expect(last).toMatchObject({
      action: 'cancel',
      note: 'doublon de la commande EDI',
      before: { status: 'confirmed' },
      after: { status: 'cancelled' },
    });
  });

  it('refuses an incomplete or wrong delivery report naming the field, and leaves everything as it was', async () => {
    const shipped = await walkTo('shipped');
    const elsewhere = await walkTo('shipped');
    const full = shipped.lines.map((l: Line) => ({ lineId: l.id, deliveredQuantity: l.quantity }));
    const snapshot = async () => ({
      counts: await tableCounts(t.handle.db),
      order: (await adv.get(`/api/orders/${shipped.id}`)).json(),
      stock: await stockOf(
        t.handle.db,
        shipped.lines.map((l: Line) => l.productId),
      ),
    });
    const before = await snapshot();
    const cases: [unknown, number, string][] = [
      // A line of another order, after four good ones: the status moved and lines were looked at before the failure.
      [{ lines: [...full.slice(0, 4), { lineId: elsewhere.lines[0].id, deliveredQuantity: 1 }] }, 422, 'body.lines.4.lineId'],
      [{ lines: full.slice(1) }, 422, 'body.lines'],
      [{ lines: [{ ...full[0], deliveredQuantity: 41 }, ...full.slice(1)] }, 422, 'body.lines.0.deliveredQuantity'],
      [{ lines: [{ ...full[0], deliveredQuantity: 39 }, ...full.slice(1)] }, 422, 'body.lines.0.shortfall'],
      [{ lines: [...full, full[0]] }, 422, 'body.lines.5.lineId'],
      [{ lines: [{ ...full[0], deliveredQuantity: -1 }, ...full.slice(1)] }, 400, 'body.lines.0.deliveredQuantity'],
      [{ lines: [{ ...full[0], shortfall: 'lost' }, ...full.slice(1)] }, 400, 'body.lines.0.shortfall'],
      [{ lines: [] }, 400, 'body.lines'],
    ];
    for (const [body, status, path] of cases) {
      const res = await adv.post(`/api/orders/${shipped.id}/deliver`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('rolls a transition back whole when its last write fails (a simulated crash before the audit row)', async () => {
    const order = await createConfirmed();
    const productIds = order.lines.map((l: Line) => l.productId);
    const before = { counts: await tableCounts(t.handle.db), stock: await stockOf(t.handle.db, productIds) };
    const db = t.handle.db;
    if (engine === 'sqlite') {
      await sql`create trigger crash_audit before insert on audit_events begin select raise(abort, 'simulated crash'); end`.execute(db);
    } else {
      await sql`create function crash_audit() returns trigger language plpgsql as $$ begin raise exception 'simulated crash'; end $$`.execute(
        db,
      );
      await sql`create trigger crash_audit before insert on audit_events for each row execute function crash_audit()`.execute(db);
    }
    try {
      const res = await adv.post(`/api/orders/${order.id}/release`);
      expect(res.statusCode).toBe(500);
      expect(res.json().code).toBe('INTERNAL');
    } finally {
      await sql`drop trigger crash_audit${engine === 'postgres' ? sql` on audit_events` : sql``}`.execute(db);
      if (engine === 'postgres') await sql`drop function crash_audit()`.execute(db);
    }
    expect(await tableCounts(db)).toEqual(before.counts);
    expect(await stockOf(db, productIds)).toEqual(before.stock);
    expect((await adv.get(`/api/orders/${order.id}`)).json()).toMatchObject({ status: 'confirmed', deliveries: [] });
    expect((await adv.post(`/api/orders/${order.id}/release`)).statusCode).toBe(200);
  });

  it('lets only one of two simultaneous releases through, reserving once', async () => {
    const order = await createConfirmed();
    const productIds = order.lines.map((l: Line) => l.productId);
    const before = await stockOf(t.handle.db, productIds);
    const results = await Promise.all([adv.post(`/api/orders/${order.id}/release`), manager.post(`/api/orders/${order.id}/release`)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const detail = (await adv.get(`/api/orders/${order.id}`)).json();
    expect(detail.deliveries).toHaveLength(1);
    const reservedDelta =
      (await stockOf(t.handle.db, productIds)).reduce((sum, s) => sum + s.reserved, 0) - before.reduce((sum, s) => sum + s.reserved, 0);
    expect(reservedDelta).toBe(order.lines.reduce((sum: number, l: Line) => sum + l.quantity, 0));
  });

  it('answers 404 for an unknown document or order, 400 for a row number, 401 without a session', async () => {
    expect((await adv.get('/api/documents/AAAAAAAAAAAAAAAAAAAAAA')).statusCode).toBe(404);
    expect((await adv.get('/api/documents/1')).json()).toMatchObject({ status: 400, code: 'VALIDATION' });
    expect((await adv.get('/api/orders/999999/documents')).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/documents/AAAAAAAAAAAAAAAAAAAAAA' })).statusCode).toBe(401);
  });
});
