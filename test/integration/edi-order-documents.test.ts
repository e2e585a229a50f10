import fs from 'node:fs';
import path from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../core/calendar/dates.ts';
import { readDespatchAdvice } from '../../core/edi/eancom/desadv.ts';
import { readOrderResponse } from '../../core/edi/eancom/ordrsp.ts';
import { parseEdi } from '../../core/edi/parse.ts';
import { DEMO_PARTNERS, demoInterchange, demoLine, demoOrder } from '../../server/edi/demo-orders.ts';
import { ingestFile } from '../../server/edi/ingest.ts';
import { sweepInboxes } from '../../server/edi/inbox-watcher.ts';
import { flushEdiOutbound } from '../../server/edi/outbound.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp, TEST_TODAY } from '../helpers/test-app.ts';

const [CAP, , EST] = DEMO_PARTNERS;
const TODAY = TEST_TODAY;

type Finding = { rule: string; severity: string; lineNo: number | null; resolution: { kind: string } | null };

describe.each(await testEngines())('EDI order documents on %s', (engine) => {
  let t: TestApp;
  let n = 0;
  let adv: ReturnType<typeof client>;
  let manager: ReturnType<typeof client>;
  const ingest = (text: string) => {
    const file = path.join(t.dataDir, `docs-${++n}.edi`);
    fs.writeFileSync(file, text);
    return ingestFile(t.handle.db, file, { door: 'cli', clock: t.app.clock });
  };
  const messageOf = (documentNumber: string) =>
    t.handle.db.selectFrom('ediMessages').selectAll().where('documentNumber', '=', documentNumber).executeTakeFirstOrThrow();
  const lineRows = (orderId: number) =>
    t.handle.db
      .selectFrom('orderLines')
      .select([
        'lineNo',
        'quantity',
        'unitPriceCents',
        'netCents',
        'expectedUnitPriceCents',
        'agreedUnitPriceCents',
        'customerLineNo',
        'orderedQuantity',
      ])
      .where('orderId', '=', orderId)
      .orderBy('lineNo')
      .execute();
  /** The interchange of that type the order sent, once the outbox is written, read back with its warnings. */
  const outbound = async (orderId: number, folder: string, type: string) => {
    await flushEdiOutbound(t.handle.db, t.app.clock);
    const find = () =>
      t.handle.db
        .selectFrom('ediOutbound')
        .select(['filename', 'status'])
        .where('orderId', '=', orderId)
        .where('type', '=', type)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
    let row = await find();
    // The flush that follows each commit may hold the row (writing) while ours finds nothing left to claim.
    for (let i = 0; i < 40 && row.status === 'writing'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      row = await find();
    }
    expect(row.status).toBe('written');
    // Declared UNOC: ISO 8859-1 bytes (é is one byte, 0xE9), never UTF-8.
    const bytes = fs.readFileSync(path.join(t.dataDir, 'edi', 'out', folder, row.filename!));
    expect(bytes.toString('utf8')).toContain('UNB+UNOC:3');
    const text = bytes.toString('latin1');
    const parsed = parseEdi(text);
    if (!parsed.ok) throw new Error(`${type} does not parse`);
    // Control counts (UNT, UNZ) are checked by the parser: a wrong one is a warning.
    expect(parsed.warnings).toEqual([]);
    return { text, message: parsed.interchanges[0].messages[0] };
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    expect(await sweepInboxes(t.handle.db, { settleMs: 0, clock: t.app.clock })).toBe(4);
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
    manager = client(t.app, await login(t.app, 'manager@demo.local'));
  });
  afterAll(async () => t?.close());

  it("keeps the customer's price on the line: the finding survives reload, edit and confirm, until his price is accepted", async () => {
    const msg = await messageOf('C003-PO-0000003');
    expect(msg.status).toBe('queued');
    const orderId = msg.orderId!;
    expect(await lineRows(orderId)).toMatchObject([
      { lineNo: 1, quantity: 120, expectedUnitPriceCents: 450, agreedUnitPriceCents: null, customerLineNo: 1, orderedQuantity: 120 },
    ]);

    const open = (findings: Finding[]) => findings.filter((f) => f.rule === 'price-mismatch' && f.resolution === null);
    const reload = (await adv.get(`/api/orders/${orderId}`)).json();
    expect(reload.lines[0]).toMatchObject({ expectedUnitPriceCents: 450, agreedUnitPriceCents: null });
    const ours = reload.lines[0].unitPriceCents;
    expect(ours).not.toBe(450);
    expect(open(reload.findings)).toHaveLength(1);

    // Confirming runs the rules again: the price question is still there, so it is refused.
    const refused = await adv.post(`/api/orders/${orderId}/confirm`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().findings.map((f: Finding) => f.rule)).toContain('price-mismatch');

    // An edit from the screen sends no price: the line keeps the customer's, the finding stays.
    const product = (await t.handle.db.selectFrom('products').select('id').where('code', '=', 'FAR-T45-1KG').executeTakeFirstOrThrow()).id;
    const edited = await adv.put(`/api/orders/${orderId}`, {
      customerId: reload.customerId,
      deliveryPointId: reload.deliveryPointId,
      requestedDate: reload.requestedDate,
      customerRef: reload.customerRef,
      channel: 'edi',
      lines: [{ productId: product, quantity: 120 }],
    });
    expect(edited.statusCode).toBe(200);
    expect(open(edited.json().findings)).toHaveLength(1);
    expect(await lineRows(orderId)).toMatchObject([{ expectedUnitPriceCents: 450, customerLineNo: 1, orderedQuantity: 120 }]);
    // The queue still shows it, beside the line's raw segments.
    const queued = (await adv.get('/api/edi/queue')).json().items.find((m: { id: number }) => m.id === msg.id);
    expect(queued.findings.find((f: { kind: string }) => f.kind === 'price-mismatch')).toMatchObject({ lineNo: 1, ediLine: 1 });

    // His price gives away 120 × (ours − 4,50 €), beyond what the terms let the desk concede: the assistant is
    // refused, saying who decides; the finding says so too, with the amount at stake.
    expect(queued.findings.find((f: { kind: string }) => f.kind === 'price-mismatch').data).toMatchObject({
      concessionCents: 120 * (ours - 450),
      managerDecides: true,
    });
    const byDesk = await adv.post(`/api/edi/messages/${msg.id}/accept-price`, { lineNo: 1, answer: 'theirs' });
    expect(byDesk.statusCode).toBe(403);
    expect(byDesk.json()).toMatchObject({
      errors: [{ path: 'body.answer', code: 'manager-decides', params: { cents: 120 * (ours - 450) } }],
    });
    expect(await lineRows(orderId)).toMatchObject([{ unitPriceCents: ours, agreedUnitPriceCents: null }]);
    // A manager accepts his price from the queue: the line is priced at it for good, and the order goes on.
    const accepted = await manager.post(`/api/edi/messages/${msg.id}/accept-price`, { lineNo: 1 });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', orderId });
    expect(await lineRows(orderId)).toMatchObject([
      { quantity: 120, unitPriceCents: 450, netCents: 120 * 450, expectedUnitPriceCents: 450, agreedUnitPriceCents: 450 },
    ]);
    const after = (await adv.get(`/api/orders/${orderId}`)).json();
    expect(after.findings.filter((f: Finding) => f.rule === 'price-mismatch')).toEqual([]);
    expect(after.totals.netCents).toBeGreaterThanOrEqual(120 * 450);
    const events = (await adv.get(`/api/orders/${orderId}/events`)).json();
    const audit = events.find((e: { action: string }) => e.action === 'accept_price');
    expect(audit.notes).toEqual([
      { code: 'customer-price-accepted', params: { lineNo: 1, product: expect.any(String), fromCents: ours, toCents: 450 } },
    ]);
    expect(audit.before.lines[0].unitPriceCents).toBe(ours);
    expect(audit.after.lines[0].unitPriceCents).toBe(450);

    // Confirmed now: the ORDRSP confirms the customer's price, line accepted as asked.
    expect((await adv.post(`/api/orders/${orderId}/confirm`)).statusCode).toBe(200);
    const { message } = await outbound(orderId, 'c003', 'ORDRSP');
    const response = readOrderResponse(message);
    expect(response.lines.map((l) => [l.lineNumber, l.response, l.quantity, l.netPrice])).toEqual([[1, 'accepted', 120, 4.5]]);
    expect(response.response).toBe('accepted');
  });

  it("accepting the customer's price from the order page takes the EDI message out of the queue too", async () => {
    const [r] = await ingest(
      demoInterchange(EST, 'DOCS-651', TODAY, [
        { ...demoOrder(EST, 651, TODAY, 1), lines: [demoLine(EST.items[0], 1, 120, 'buyer', 455)] },
      ]),
    );
    const orderId = r.messages[0].orderId!;
    const line = (await adv.get(`/api/orders/${orderId}`)).json().lines[0];
    // Only a line that states a customer price, and only by the desk.
    expect((await adv.post(`/api/orders/${orderId}/accept-customer-price`, { lineId: line.id + 10_000 })).statusCode).toBe(422);
    // 120 × 0,95 € and more given away: a manager's decision.
    expect((await adv.post(`/api/orders/${orderId}/accept-customer-price`, { lineId: line.id })).statusCode).toBe(403);
    const answer = await manager.post(`/api/orders/${orderId}/accept-customer-price`, { lineId: line.id });
    expect(answer.statusCode).toBe(200);
    expect(answer.json().lines[0]).toMatchObject({ unitPriceCents: 455, agreedUnitPriceCents: 455, expectedUnitPriceCents: 455 });
    expect((await messageOf('C003-PO-0000651')).status).toBe('accepted');
    // Accepted again: the line has no open question left, the answer is the same order.
    expect(
      (await adv.post(`/api/orders/${orderId}/accept-customer-price`, { lineId: answer.json().lines[0].id })).json().lines[0]
        .unitPriceCents,
    ).toBe(455);
  });

  it('an approved price stands through the re-check; the ORDRSP says the changed quantity, our price and the dropped line', async () => {
    const order = {
      ...demoOrder(EST, 601, TODAY, 2),
      lines: [demoLine(EST.items[0], 1, 120, 'buyer', 450), demoLine(EST.items[1], 2, 80, 'buyer')],
    };
    const [r] = await ingest(demoInterchange(EST, 'DOCS-601', TODAY, [order]));
    expect(r.messages[0].status).toBe('queued');
    const orderId = r.messages[0].orderId!;
    const detail = (await adv.get(`/api/orders/${orderId}`)).json();
    const t45 = detail.lines[0];
    // The desk doubles the flour and drops the sugar, then a manager keeps our price.
    const edited = await adv.put(`/api/orders/${orderId}`, {
      customerId: detail.customerId,
      deliveryPointId: detail.deliveryPointId,
      requestedDate: detail.requestedDate,
      customerRef: detail.customerRef,
      channel: 'edi',
      lines: [{ productId: t45.productId, quantity: 240 }],
    });
    expect(edited.statusCode).toBe(200);
    const waiting = edited.json().findings.filter((f: Finding) => f.severity === 'approval' && f.resolution === null);
    expect(waiting.map((f: Finding) => f.rule)).toContain('price-mismatch');
    expect((await manager.post(`/api/orders/${orderId}/approve`, { reason: 'Tarif 2026 communiqué à la centrale' })).statusCode).toBe(200);
    const confirmed = await adv.post(`/api/orders/${orderId}/confirm`);
    expect(confirmed.statusCode).toBe(200);
    const line = (await lineRows(orderId))[0];
    expect(line).toMatchObject({ quantity: 240, orderedQuantity: 120, expectedUnitPriceCents: 450, agreedUnitPriceCents: null });
    // The approval is still on the stored finding after the confirmation's re-run.
    const stored = await t.handle.db
      .selectFrom('orderFindings')
      .select(['rule', 'overriddenBy'])
      .where('orderId', '=', orderId)
      .where('rule', '=', 'price-mismatch')
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0].overriddenBy).not.toBeNull();

    const { message, text } = await outbound(orderId, 'c003', 'ORDRSP');
    const response = readOrderResponse(message);
    expect(response.response).toBe('changed');
    expect(response.lines.map((l) => [l.lineNumber, l.response, l.quantity, l.netPrice])).toEqual([
      [1, 'changed', 240, Math.round(line.netCents / 240) / 100],
      [2, 'rejected', null, null],
    ]);
    expect(response.lines[0].notes.join(' ')).toContain('Quantité 240 au lieu de 120');
    expect(response.lines[0].notes.join(' ')).toContain('au lieu de 4,50 EUR');
    expect(text).toContain('PIA+1+ME-33710:IN::92');
  });

  it('ships FEFO within the customer’s shelf life: lots on the delivery lines, the lot file, the DESADV and the delivery note', async () => {
    const db = t.handle.db;
    const [r] = await ingest(
      demoInterchange(CAP, 'DOCS-701', TODAY, [{ ...demoOrder(CAP, 701, TODAY, 1), lines: [demoLine(CAP.items[0], 1, 160, 'gtin')] }]),
    );
    expect(r.messages[0]).toMatchObject({ status: 'accepted' });
    const orderId = r.messages[0].orderId!;
    expect((await manager.post(`/api/orders/${orderId}/release`)).statusCode).toBe(200);
    const delivery = await db
      .selectFrom('deliveries')
      .select(['id', 'warehouseId', 'plannedDate'])
      .where('orderId', '=', orderId)
      .executeTakeFirstOrThrow();
    const product = (await db.selectFrom('products').select('id').where('code', '=', 'FAR-T45-1KG').executeTakeFirstOrThrow()).id;
    const day = delivery.plannedDate!;
    // 270 days of life; Cap Marché wants 66 % left on the delivery day. OLD has 26 % left: not for him.
    const lots = [
      { lot: 'T45-OLD', productionDate: addDays(day, -200), bestBefore: addDays(day, 70), quantity: 100 },
      { lot: 'T45-NEW', productionDate: addDays(day, -5), bestBefore: addDays(day, 265), quantity: 200 },
      { lot: 'T45-MID', productionDate: addDays(day, -60), bestBefore: addDays(day, 210), quantity: 100 },
    ];
    await db.deleteFrom('stockLots').where('warehouseId', '=', delivery.warehouseId).where('productId', '=', product).execute();
    await db
      .insertInto('stockLots')
      .values(
        lots.map((l) => ({ ...l, warehouseId: delivery.warehouseId, productId: product, updatedAt: t.app.clock.now().toISOString() })),
      )
      .execute();
    await db
      .updateTable('stockLevels')
      .set({ onHand: 400 })
      .where('warehouseId', '=', delivery.warehouseId)
      .where('productId', '=', product)
      .execute();

    expect((await adv.post(`/api/orders/${orderId}/ship`)).statusCode).toBe(200);
    await t.app.documentJobs.drain(); // the delivery note is printed after the commit
    const shipped = await db
      .selectFrom('deliveryLineLots')
      .innerJoin('deliveryLines', 'deliveryLines.id', 'deliveryLineLots.deliveryLineId')
      .select(['deliveryLineLots.lot', 'deliveryLineLots.bestBefore', 'deliveryLineLots.quantity', 'deliveryLineLots.belowMinShelfLife'])
      .where('deliveryLines.deliveryId', '=', delivery.id)
      .orderBy('deliveryLineLots.id')
      .execute();
    expect(shipped).toEqual([
      { lot: 'T45-MID', bestBefore: addDays(day, 210), quantity: 100, belowMinShelfLife: 0 },
      { lot: 'T45-NEW', bestBefore: addDays(day, 265), quantity: 60, belowMinShelfLife: 0 },
    ]);
    const left = await db
      .selectFrom('stockLots')
      .select(['lot', 'quantity'])
      .where('warehouseId', '=', delivery.warehouseId)
      .where('productId', '=', product)
      .orderBy('lot')
      .execute();
    expect(left).toEqual([
      { lot: 'T45-NEW', quantity: 140 },
      { lot: 'T45-OLD', quantity: 100 },
    ]);
    const detail = (await adv.get(`/api/orders/${orderId}`)).json();
    expect(detail.deliveries[0].lines[0].lots.map((l: { lot: string; quantity: number }) => [l.lot, l.quantity])).toEqual([
      ['T45-MID', 100],
      ['T45-NEW', 60],
    ]);

    // DESADV: 2 pallets of 80 (SSCC each), the second across both lots, each LIN with its batch and best-before.
    const { message, text } = await outbound(orderId, 'c001', 'DESADV');
    const advice = readDespatchAdvice(message);
    const byLot = new Map<string, { quantity: number; bestBefore: string | null }>();
    for (const p of advice.packages)
      for (const l of p.lines) byLot.set(l.lot!, { quantity: (byLot.get(l.lot!)?.quantity ?? 0) + l.quantity!, bestBefore: l.bestBefore });
    expect([...byLot]).toEqual([
      ['T45-MID', { quantity: 100, bestBefore: addDays(day, 210) }],
      ['T45-NEW', { quantity: 60, bestBefore: addDays(day, 265) }],
    ]);
    expect(advice.packages.filter((p) => p.sscc !== null)).toHaveLength(2);
    expect(text).toContain(`GIN+BX+T45-MID'`);
    expect(text).toContain(`DTM+361:${addDays(day, 210).replaceAll('-', '')}:102'`);
    const lins = text.split("'").filter((s) => s.replace(/^\s+/, '').startsWith('LIN+')).length;
    expect(text).toContain(`CNT+2:${lins}'`);

    // The delivery note prints each lot with its DDM.
    const pdf = (await adv.get(`/api/documents/${detail.deliveries[0].documentId}`)).rawPayload;
    const { text: note } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const ddm = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
    expect(note).toContain('Lot · DDM');
    expect(note).toContain(`T45-MID · ${ddm(addDays(day, 210))} (100)`);
    expect(note).toContain(`T45-NEW · ${ddm(addDays(day, 265))} (60)`);
  });

  it('the demo partners answer to their known tokens over HTTP, stored hashed', async () => {
    const partners = await t.handle.db.selectFrom('ediPartners').select(['id', 'gln', 'inboxFolder', 'tokenHash']).orderBy('id').execute();
    expect(partners.map((p) => p.inboxFolder)).toEqual(['c001', 'c002', 'c003', 'c004']);
    for (const p of partners) expect(p.tokenHash).toMatch(/^\$argon2id\$/);
    const body = demoInterchange(CAP, 'DOCS-HTTP', TODAY, [demoOrder(CAP, 801, TODAY, 1)]);
    // As curl --data-binary sends it: no content type of its own.
    const send = (token: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/edi/interchanges',
        payload: body,
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${token}` },
      });
    expect((await send(`edi_${partners[1].id}_demo-c002`)).statusCode).toBe(403);
    const ok = await send(`edi_${partners[0].id}_demo-c001`);
    expect(ok.statusCode).toBe(202);
    expect(ok.json().interchanges[0]).toMatchObject({ status: 'processed', sender: CAP.gln });
    expect(ok.json().interchanges[0].messages).toHaveLength(1);
  });
});
