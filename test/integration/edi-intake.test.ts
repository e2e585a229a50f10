import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEdi } from '../../core/edi/parse.ts';
import { readOrderResponse } from '../../core/edi/eancom/ordrsp.ts';
import { readDespatchAdvice } from '../../core/edi/eancom/desadv.ts';
import { readInvoice } from '../../core/edi/eancom/invoic.ts';
import { hasValidGs1CheckDigit } from '../../core/catalog/packaging.ts';
import { DEMO_PARTNERS, demoInterchange, demoOrder } from '../../server/edi/demo-orders.ts';
import { ingestFile } from '../../server/edi/ingest.ts';
import { sweepInboxes } from '../../server/edi/inbox-watcher.ts';
import { flushEdiOutbound } from '../../server/edi/outbound.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp, TEST_TODAY } from '../helpers/test-app.ts';

const [CAP, DISTRI, EST] = DEMO_PARTNERS;
const TODAY = TEST_TODAY;

describe.each(await testEngines())('EDI intake on %s', (engine) => {
  let t: TestApp;
  let n = 0;
  const write = (text: string) => {
    const file = path.join(t.dataDir, `in-${++n}.edi`);
    fs.writeFileSync(file, text);
    return file;
  };
  const ingest = (text: string) => ingestFile(t.handle.db, write(text), { door: 'cli', clock: t.app.clock });
  const count = async (table: 'orders' | 'ediMessages' | 'ediInterchanges' | 'documents') =>
    Number(
      (
        await t.handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const messageOf = (orderNumber: string) =>
    t.handle.db.selectFrom('ediMessages').selectAll().where('documentNumber', '=', orderNumber).executeTakeFirstOrThrow();
  const product = async (code: string) =>
    (await t.handle.db.selectFrom('products').select(['id']).where('code', '=', code).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t?.close());

  it('the demo inbox: a clean order confirmed on its own, an unknown code and a price mismatch in the queue', async () => {
    const taken = await sweepInboxes(t.handle.db, { settleMs: 0, clock: t.app.clock });
    expect(taken).toBe(4);
    expect(fs.readdirSync(path.join(t.dataDir, 'edi', 'in', 'c001', 'done'))).toHaveLength(2);
    const adv = client(t.app, await login(t.app, 'adv@demo.local'));
    const queue = (await adv.get('/api/edi/queue')).json();
    const kinds = queue.items.flatMap((m: { findings: { kind: string }[] }) => m.findings.map((f) => f.kind));
    expect(kinds).toContain('unknown-product');
    expect(kinds).toContain('price-mismatch');
    expect((await adv.get('/api/edi/queue/count')).json().count).toBe(queue.total);
    // The unknown code is shown beside its raw segment.
    const unknown = queue.items.find((m: { documentNumber: string }) => m.documentNumber === 'C001-PO-0000002');
    const finding = unknown.findings.find((f: { kind: string }) => f.kind === 'unknown-product');
    expect(unknown.segments.find((s: { index: number }) => s.index === finding.segmentIndex).text).toContain('CM-999999');

    const clean = await messageOf('C001-PO-0000001');
    expect(clean.status).toBe('accepted');
    const order = await t.handle.db
      .selectFrom('orders')
      .select(['status', 'channel', 'customerRef'])
      .where('id', '=', clean.orderId!)
      .executeTakeFirstOrThrow();
    expect(order).toMatchObject({ status: 'confirmed', channel: 'edi', customerRef: 'C001-PO-0000001' });
    // Its ORDRSP is in the partner's outbox, stored with the order, and parses back with its counts right.
    const outDir = path.join(t.dataDir, 'edi', 'out', 'c001');
    const ordrsp = fs.readdirSync(outDir).filter((f) => f.startsWith('ORDRSP_'));
    expect(ordrsp).toHaveLength(1);
    const parsed = parseEdi(fs.readFileSync(path.join(outDir, ordrsp[0])));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.warnings).toEqual([]);
    const response = readOrderResponse(parsed.interchanges[0].messages[0]);
    expect(response.orderNumber).toBe('C001-PO-0000001');
    expect(response.lines.map((l) => l.action)).toEqual(['5', '5']);
    const edi = (await adv.get(`/api/orders/${clean.orderId}/edi`)).json();
    expect(edi.inbound).toHaveLength(1);
    expect(edi.outbound).toMatchObject([{ type: 'ORDRSP', status: 'written' }]);
    expect((await adv.get(`/api/documents/${edi.outbound[0].documentId}`)).body).toContain('ORDRSP');
  });

  it('maps the demo partners’ orders: customer, delivery point, GTIN-13, the case’s GTIN-14 and the buyer’s PIA code', async () => {
    const orders = [demoOrder(CAP, 101, TODAY, 3), demoOrder(DISTRI, 102, TODAY, 3), demoOrder(EST, 103, TODAY, 2)];
    const results = [
      await ingest(demoInterchange(CAP, 'MAP-CAP', TODAY, [orders[0]])),
      await ingest(demoInterchange(DISTRI, 'MAP-DO', TODAY, [orders[1]])),
      await ingest(demoInterchange(EST, 'MAP-ME', TODAY, [orders[2]])),
    ];
    expect(results.flat().map((r) => r.status)).toEqual(['processed', 'processed', 'processed']);
    for (const [i, partner] of [CAP, DISTRI, EST].entries()) {
      const msg = await messageOf(orders[i].orderNumber);
      expect(msg.orderId).not.toBeNull();
      const order = await t.handle.db
        .selectFrom('orders')
        .innerJoin('customers as c', 'c.id', 'orders.customerId')
        .innerJoin('deliveryPoints as d', 'd.id', 'orders.deliveryPointId')
        .select(['c.code', 'd.gln', 'orders.id'])
        .where('orders.id', '=', msg.orderId!)
        .executeTakeFirstOrThrow();
      expect(order).toMatchObject({ code: partner.customer, gln: partner.deliveryPoints[0] });
      const lines = await t.handle.db
        .selectFrom('orderLines')
        .innerJoin('products as p', 'p.id', 'orderLines.productId')
        .select(['p.code', 'orderLines.quantity', 'orderLines.customerCode'])
        .where('orderId', '=', order.id)
        .orderBy('lineNo')
        .execute();
      expect(lines.map((l) => [l.code, l.quantity])).toEqual(
        orders[i].lines.map((l) => [
          partner.items.find((it) => [it.gtin, it.caseGtin].includes(l.gtin) || it.code === l.buyerCode)!.ours,
          l.quantity,
        ]),
      );
    }
  });

  it('the same interchange again creates nothing and says so', async () => {
    const text = demoInterchange(CAP, 'DUP-1', TODAY, [demoOrder(CAP, 201, TODAY, 2)]);
    const first = await ingest(text);
    expect(first[0].status).toBe('processed');
    const before = await Promise.all([count('orders'), count('ediMessages'), count('ediInterchanges'), count('documents')]);
    const again = await ingest(text);
    expect(again[0]).toMatchObject({ status: 'duplicate', duplicateOf: first[0].interchangeId });
    expect(await Promise.all([count('orders'), count('ediMessages'), count('ediInterchanges'), count('documents')])).toEqual(before);
  });

  it('a bad message is rejected alone, with its reason; the good ones of the interchange go through', async () => {
    const good = demoOrder(CAP, 301, TODAY, 2);
    const text = demoInterchange(CAP, 'BAD-1', TODAY, [good, { ...demoOrder(CAP, 302, TODAY, 1), messageReference: '302' }])
      // The second message is not an order we take: an INVOIC header in place of ORDERS.
      .replace("UNH+302+ORDERS:D:96A:UN:EAN008'", "UNH+302+INVOIC:D:96A:UN:EAN008'");
    const [r] = await ingest(text);
    expect(r.status).toBe('partially-rejected');
    expect(r.messages.map((m) => m.status)).toEqual(['accepted', 'rejected']);
    expect(r.messages[1].reason).toContain('INVOIC');
  });

  it('the HTTP door: 401 without the partner token, 202 with it, 200 duplicate the second time', async () => {
    const admin = client(t.app, await login(t.app, 'admin@demo.local'));
    const partners = (await admin.get('/api/edi/partners')).json().items;
    const cap = partners.find((p: { gln: string }) => p.gln === CAP.gln);
    const { token } = (await admin.post(`/api/edi/partners/${cap.id}/rotate-token`)).json();
    const body = demoInterchange(CAP, 'HTTP-1', TODAY, [demoOrder(CAP, 401, TODAY, 2)]);
    const send = (auth?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/edi/interchanges',
        payload: body,
        headers: { 'content-type': 'application/edifact', ...(auth ? { authorization: auth } : {}) },
      });
    expect((await send()).statusCode).toBe(401);
    expect((await send('Bearer edi_1_wrong')).statusCode).toBe(401);
    const ok = await send(`Bearer ${token}`);
    expect(ok.statusCode).toBe(202);
    expect(ok.json().interchanges[0]).toMatchObject({ status: 'processed', messages: [{ status: 'accepted' }] });
    const dup = await send(`Bearer ${token}`);
    expect(dup.statusCode).toBe(200);
    expect(dup.json()).toMatchObject({ status: 'duplicate', interchanges: [{ duplicateOf: ok.json().interchanges[0].interchangeId }] });
    // Another partner's interchange with this token is refused.
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/edi/interchanges',
      payload: demoInterchange(DISTRI, 'HTTP-2', TODAY, [demoOrder(DISTRI, 402, TODAY, 1)]),
      headers: { 'content-type': 'application/edifact', authorization: `Bearer ${token}` },
    });
    expect(other.statusCode).toBe(403);
  });

  it('queue fixes: a mapped code is remembered, a price accepted, then the orders go on', async () => {
    const adv = client(t.app, await login(t.app, 'adv@demo.local'));
    const unknown = await messageOf('C001-PO-0000002');
    const t65 = await product('FAR-T55-1KG');
    const fixed = await adv.post(`/api/edi/messages/${unknown.id}/map-product`, { code: 'CM-999999', productId: t65 });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json()).toMatchObject({ status: 'accepted' });
    // Confirmed on its own (C001 auto-confirms), with its ORDRSP.
    expect(
      (await t.handle.db.selectFrom('orders').select('status').where('id', '=', fixed.json().orderId).executeTakeFirstOrThrow()).status,
    ).toBe('confirmed');
    // Remembered: a second interchange with that code goes straight through.
    const next = { ...demoOrder(CAP, 501, TODAY, 1), lines: [{ lineNumber: 1, gtin: '', buyerCode: 'CM-999999', quantity: 160 }] };
    const [r] = await ingest(demoInterchange(CAP, 'REMEMBER-1', TODAY, [next]));
    expect(r.messages[0]).toMatchObject({ status: 'accepted', reason: null });

    const priced = await messageOf('C003-PO-0000003');
    expect(priced.status).toBe('queued');
    // The desk keeps our price (no concession, no manager needed): the line stays at ours, settled, and the ORDRSP
    // will tell him.
    const before = await t.handle.db
      .selectFrom('orderLines')
      .select(['unitPriceCents', 'netCents', 'quantity', 'expectedUnitPriceCents'])
      .where('orderId', '=', priced.orderId!)
      .executeTakeFirstOrThrow();
    const accepted = await adv.post(`/api/edi/messages/${priced.id}/accept-price`, { lineNo: 1, answer: 'ours' });
    expect(accepted.statusCode).toBe(200);
    // C003 does not auto-confirm: the order is a clean draft now, out of the queue.
    expect(accepted.json()).toMatchObject({ status: 'accepted' });
    const kept = await t.handle.db
      .selectFrom('orderLines')
      .select(['unitPriceCents', 'agreedUnitPriceCents', 'expectedUnitPriceCents'])
      .where('orderId', '=', priced.orderId!)
      .executeTakeFirstOrThrow();
    expect(kept).toEqual({
      unitPriceCents: before.unitPriceCents,
      agreedUnitPriceCents: Math.round(before.netCents / before.quantity),
      expectedUnitPriceCents: before.expectedUnitPriceCents,
    });
    const events = await t.handle.db
      .selectFrom('auditEvents')
      .select(['action', 'notesJson'])
      .where('orderId', '=', priced.orderId!)
      .execute();
    expect(events.map((e) => e.action)).toContain('keep_price');
    const queue = (await adv.get('/api/edi/queue')).json();
    expect(queue.items.map((m: { id: number }) => m.id)).not.toContain(priced.id);
  });

  it('DESADV on ship (an SSCC per pallet) and INVOIC on delivery, written, stored, parsing back with their counts right', async () => {
    const adv = client(t.app, await login(t.app, 'adv@demo.local'));
    const manager = client(t.app, await login(t.app, 'manager@demo.local'));
    const msg = await messageOf('C001-PO-0000001');
    const id = msg.orderId!;
    expect((await manager.post(`/api/orders/${id}/release`)).statusCode).toBe(200);
    expect((await adv.post(`/api/orders/${id}/ship`)).statusCode).toBe(200);
    const detail = (await adv.get(`/api/orders/${id}`)).json();
    const lines = detail.lines.map((l: { id: number; quantity: number }) => ({ lineId: l.id, deliveredQuantity: l.quantity }));
    expect((await adv.post(`/api/orders/${id}/deliver`, { lines })).statusCode).toBe(200);
    // The files go to the outbox after the commit (a flush follows each queueing, and the server's loop).
    const written = async () => {
      await flushEdiOutbound(t.handle.db, t.app.clock);
      let answer = (await adv.get(`/api/orders/${id}/edi`)).json();
      for (let i = 0; i < 40 && answer.outbound.some((o: { status: string }) => o.status !== 'written'); i++) {
        await new Promise((r) => setTimeout(r, 50));
        answer = (await adv.get(`/api/orders/${id}/edi`)).json();
      }
      return answer;
    };
    let edi = await written();
    expect(edi.outbound.map((o: { type: string; status: string }) => `${o.type}:${o.status}`)).toEqual([
      'ORDRSP:written',
      'DESADV:written',
      'INVOIC:written',
    ]);
    const outDir = path.join(t.dataDir, 'edi', 'out', 'c001');
    const read = (type: string) => {
      const file = edi.outbound.find((o: { type: string }) => o.type === type).filename;
      const parsed = parseEdi(fs.readFileSync(path.join(outDir, file)));
      if (!parsed.ok) throw new Error(`${type} does not parse`);
      expect(parsed.warnings).toEqual([]);
      return parsed.interchanges[0].messages[0];
    };
    const desadv = readDespatchAdvice(read('DESADV'));
    const ssccs = desadv.packages.map((p) => p.sscc).filter((s): s is string => s !== null);
    expect(ssccs.length).toBeGreaterThan(0);
    expect(ssccs.every((s) => s.length === 18 && hasValidGs1CheckDigit(s))).toBe(true);
    expect(new Set(ssccs).size).toBe(ssccs.length);
    const invoice = readInvoice(read('INVOIC'));
    expect(invoice.lines).toHaveLength(detail.lines.length);
    expect(invoice.orderNumber).toBe('C001-PO-0000001');

    // Two cartons of the first line came damaged: the credit note goes to Cap Marché as an INVOIC 381 naming that
    // invoice, with the line at what it was invoiced.
    const first = detail.lines[0] as { id: number; quantity: number; netCents: number };
    const complaint = await adv.post('/api/complaints', {
      customerId: detail.customerId,
      orderId: id,
      deliveryId: detail.deliveries[0].id,
      lines: [{ orderLineId: first.id, quantity: 2 }],
      reason: 'damaged-packaging',
      description: 'Deux colis écrasés à la réception.',
      channel: 'email',
      reservesMade: true,
    });
    expect(complaint.statusCode, complaint.body).toBe(201);
    const credited = await manager.post(`/api/complaints/${complaint.json().id}/resolve`, { outcome: 'credit-note', note: 'Avoir.' });
    expect(credited.statusCode, credited.body).toBe(200);
    edi = await written();
    const invoics = edi.outbound.filter((o: { type: string }) => o.type === 'INVOIC');
    expect(invoics.map((o: { status: string }) => o.status)).toEqual(['written', 'written']);
    const parsed = parseEdi(fs.readFileSync(path.join(outDir, invoics[1].filename)));
    if (!parsed.ok) throw new Error('the credit note does not parse');
    const credit = readInvoice(parsed.interchanges[0].messages[0]);
    expect(credit).toMatchObject({
      documentCode: '381',
      invoiceNumber: credited.json().resolution.creditNote.number,
      correctedInvoiceNumber: invoice.invoiceNumber,
      orderNumber: 'C001-PO-0000001',
    });
    expect(credit.lines.map((l) => [l.gtin, l.quantity, l.lineAmount])).toEqual([
      [invoice.lines[0].gtin, 2, Math.round((first.netCents * 2) / first.quantity) / 100],
    ]);
  });
  it('an INVRPT feeds the customer stocks: one report per delivery point, in our sale units', async () => {
    const before = Number(
      (
        await t.handle.db
          .selectFrom('customerStockReports')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const stamp = TODAY.replaceAll('-', '');
    const text = [
      "UNA:+.? '",
      `UNB+UNOC:3+${CAP.gln}:14+3012345000017:14+${stamp.slice(2)}:0700+INV-1++INVRPT'`,
      "UNH+1+INVRPT:D:96A:UN:EAN004'",
      "BGM+35+INVR-001+9'",
      `DTM+137:${stamp}:102'`,
      `NAD+GY+${CAP.gln}::9'`,
      "LIN+1++3012345001212:EN'",
      `QTY+145:300'`,
      `LOC+7+${CAP.deliveryPoints[0]}::9'`,
      "LIN+2++:EN'",
      "PIA+5+CM-301877:IN::92'",
      "QTY+145:42'",
      "UNT+12+1'",
      "UNZ+1+INV-1'",
    ].join('\n');
    const [r] = await ingest(text);
    expect(r).toMatchObject({ status: 'processed', messages: [{ type: 'INVRPT', status: 'done' }] });
    const reports = await t.handle.db.selectFrom('customerStockReports').selectAll().orderBy('id').execute();
    expect(reports.length).toBe(before + 1);
    const lines = await t.handle.db
      .selectFrom('customerStockLines')
      .innerJoin('products as p', 'p.id', 'customerStockLines.productId')
      .select(['p.code', 'customerStockLines.onHand'])
      .where('reportId', '=', reports.at(-1)!.id)
      .orderBy('p.code')
      .execute();
    expect(lines).toEqual([
      { code: 'FAR-T45-1KG', onHand: 300 },
      { code: 'SUC-CRI-1KG', onHand: 42 },
    ]);
  });
});
