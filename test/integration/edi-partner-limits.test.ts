import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_LINE_QUANTITY, MAX_ORDER_LINES } from '../../core/orders/order-limits.ts';
import { MAX_STOCK_QUANTITY } from '../../core/customer-stock/customer-stock.types.ts';
import type { OrderMessageInput } from '../../core/edi/eancom/write-orders.ts';
import { demoPartnerToken } from '../../server/demo/seed-edi.ts';
import { DEMO_PARTNERS, demoInterchange, demoLine, demoOrder } from '../../server/edi/demo-orders.ts';
import { inboxDir, sweepInboxes } from '../../server/edi/inbox-watcher.ts';
import { ingestFile } from '../../server/edi/ingest.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp, TEST_TODAY } from '../helpers/test-app.ts';

const [CAP, DISTRI, EST] = DEMO_PARTNERS;
const TODAY = TEST_TODAY;
const STAMP = TODAY.replaceAll('-', '');
/** What a database says when it refuses a value: never a reason a partner or the queue reads. */
const DATABASE_WORDS = /syntax for type|out of range|SQLITE|violates|invalid byte|integer|bigint/i;

/** 1-based index of the first segment of the text that starts with `prefix`, as the parser numbers them (UNA is 1). */
function segmentOf(text: string, prefix: string, nth = 1): number {
  const segments = text.split('\n');
  let seen = 0;
  const at = segments.findIndex((s) => s.startsWith(prefix) && ++seen === nth);
  if (at < 0) throw new Error(`no segment ${prefix}`);
  return at + 1;
}

/** A stock report (INVRPT) from a sender, for a reporting party, its figures at places. */
function stockReport(sender: string, reference: string, party: string, entries: { gtin: string; qty: string; place: string }[]): string {
  const body = [
    `BGM+35+${reference}+9'`,
    `DTM+137:${STAMP}:102'`,
    `NAD+GY+${party}::9'`,
    ...entries.flatMap((e, i) => [`LIN+${i + 1}++${e.gtin}:EN'`, `QTY+145:${e.qty}'`, `LOC+7+${e.place}::9'`]),
  ];
  return [
    "UNA:+.? '",
    `UNB+UNOC:3+${sender}:14+3012345000017:14+${STAMP.slice(2)}:0700+${reference}++INVRPT'`,
    "UNH+1+INVRPT:D:96A:UN:EAN004'",
    ...body,
    `UNT+${body.length + 2}+1'`,
    `UNZ+1+${reference}'`,
  ].join('\n');
}

describe.each(await testEngines())('EDI: what a partner may send, on %s', (engine) => {
  let t: TestApp;
  let capToken: string;
  let n = 0;
  const db = () => t.handle.db;
  const send = (body: string | Buffer, token = capToken, type = 'application/edifact') =>
    t.app.inject({
      method: 'POST',
      url: '/api/edi/interchanges',
      payload: body,
      headers: { 'content-type': type, authorization: `Bearer ${token}` },
    });
  const cli = (text: string) => {
    const file = path.join(t.dataDir, `cli-${++n}.edi`);
    fs.writeFileSync(file, text);
    return ingestFile(db(), file, { door: 'cli', clock: t.app.clock });
  };
  const customerId = async (code: string) =>
    (await db().selectFrom('customers').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const ordersOf = async (code: string) =>
    Number(
      (
        await db()
          .selectFrom('orders')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('customerId', '=', await customerId(code))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const stockReportsOf = async (code: string) =>
    Number(
      (
        await db()
          .selectFrom('customerStockReports')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('customerId', '=', await customerId(code))
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** A Cap Marché order of one line (GTIN-13, so one sale unit per unit ordered). */
  const capOrder = (
    ref: number,
    line: Partial<OrderMessageInput['lines'][number]> = {},
    more: Partial<OrderMessageInput> = {},
  ): OrderMessageInput => ({
    ...demoOrder(CAP, ref, TODAY, 1),
    lines: [{ ...demoLine(CAP.items[0], 1, 40, 'gtin'), ...line }],
    ...more,
  });

  beforeAll(async () => {
    t = await createTestApp(engine);
    const partner = await db().selectFrom('ediPartners').select(['id', 'inboxFolder']).where('gln', '=', CAP.gln).executeTakeFirstOrThrow();
    capToken = demoPartnerToken(partner.id, partner.inboxFolder);
  });
  afterAll(async () => t?.close());

  describe("a partner's customer", () => {
    it("refuses, alone and located, a message whose NAD+BY is another customer: no order for Distri'Ouest, the rest goes on", async () => {
      const before = await ordersOf(DISTRI.customer);
      const text = demoInterchange(CAP, 'SCOPE-BY', TODAY, [{ ...capOrder(1001), buyer: DISTRI.gln }, capOrder(1002)]);
      const res = await send(text);
      expect(res.statusCode).toBe(202);
      const [interchange] = res.json().interchanges;
      expect(interchange.status).toBe('partially-rejected');
      expect(interchange.messages.map((m: { status: string }) => m.status)).toEqual([
        'rejected',
        expect.stringMatching(/^(accepted|queued)$/),
      ]);
      expect(interchange.messages[0].reason).toMatch(`NAD+BY names another customer than the partner's`);
      expect(interchange.messages[0].reason).toContain(
        `in segment ${segmentOf(text, `NAD+BY+${DISTRI.gln}`)} (NAD), element 2 component 1`,
      );
      expect(interchange.messages[0].reason).toContain(`found "${DISTRI.gln}"`);
      // Coded too, for the web to word it: the role, the GLN and the segment as params.
      const segment = segmentOf(text, `NAD+BY+${DISTRI.gln}`);
      const reasonParams = { segment, role: 'NAD+BY', gln: DISTRI.gln, partner: expect.any(String) };
      expect(interchange.messages[0]).toMatchObject({ reasonCode: 'foreign-party', reasonParams });
      expect(await ordersOf(DISTRI.customer)).toBe(before);
      const stored = await db()
        .selectFrom('ediMessages')
        .select(['id', 'status', 'error', 'orderId'])
        .where('documentNumber', '=', 'C001-PO-0001001')
        .executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ status: 'rejected', orderId: null, error: interchange.messages[0].reason });
      // The desk sees it among the refused messages of the queue, coded, the segment at fault among the raw ones.
      const adv = client(t.app, await login(t.app, 'adv@demo.local'));
      const queue = (await adv.get('/api/edi/queue')).json();
      expect(queue.items.map((m: { id: number }) => m.id)).not.toContain(stored.id);
      const refused = queue.refused.find((m: { id: number }) => m.id === stored.id);
      expect(refused).toMatchObject({ reason: stored.error, reasonCode: 'foreign-party', reasonParams });
      expect(refused.segments).toContainEqual({ index: segment, text: expect.stringContaining(`NAD+BY+${DISTRI.gln}`) });
    });

    it("refuses another customer's delivery point (NAD+DP, NAD+ST), takes its own as NAD+ST", async () => {
      const before = await ordersOf(DISTRI.customer);
      const theirs = demoInterchange(CAP, 'SCOPE-DP', TODAY, [{ ...capOrder(1011), deliveryPoint: DISTRI.deliveryPoints[0] }]);
      const [dp] = (await send(theirs)).json().interchanges;
      expect(dp.messages[0]).toMatchObject({ status: 'rejected', reason: expect.stringContaining(`NAD+DP names another customer`) });
      const [st] = (await send(theirs.replace('SCOPE-DP', 'SCOPE-ST').replaceAll('NAD+DP+', 'NAD+ST+'))).json().interchanges;
      expect(st.messages[0]).toMatchObject({ status: 'rejected', reason: expect.stringContaining(`NAD+ST names another customer`) });
      expect(await ordersOf(DISTRI.customer)).toBe(before);

      const own = demoInterchange(CAP, 'SCOPE-OWN-ST', TODAY, [capOrder(1012)]).replaceAll('NAD+DP+', 'NAD+ST+');
      const [ok] = (await send(own)).json().interchanges;
      expect(ok.messages[0].status).not.toBe('rejected');
      const order = await db()
        .selectFrom('orders')
        .innerJoin('deliveryPoints as d', 'd.id', 'orders.deliveryPointId')
        .select(['d.gln'])
        .where('orders.id', '=', ok.messages[0].orderId)
        .executeTakeFirstOrThrow();
      expect(order.gln).toBe(CAP.deliveryPoints[0]);
    });

    it("holds for the partner's folder (another sender's file is refused) and for the CLI import of a partner's file", async () => {
      await sweepInboxes(db(), { settleMs: 0, clock: t.app.clock }); // the demo's own files first: Distri'Ouest's makes an order of its own
      const before = await ordersOf(DISTRI.customer);
      const dir = inboxDir(t.dataDir, CAP.folder);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(
        path.join(dir, 'from-distri.edi'),
        demoInterchange(DISTRI, 'FOLDER-OTHER', TODAY, [demoOrder(DISTRI, 1021, TODAY, 1)]),
      );
      fs.writeFileSync(
        path.join(dir, 'for-distri.edi'),
        demoInterchange(CAP, 'FOLDER-BY', TODAY, [{ ...capOrder(1022), buyer: DISTRI.gln }]),
      );
      await sweepInboxes(db(), { settleMs: 0, clock: t.app.clock });
      expect(fs.readdirSync(path.join(dir, 'failed')).some((f) => f.endsWith('from-distri.edi'))).toBe(true);
      expect(await db().selectFrom('ediInterchanges').select('id').where('controlReference', '=', 'FOLDER-OTHER').execute()).toEqual([]);
      const byFolder = await db()
        .selectFrom('ediMessages')
        .select(['status', 'error'])
        .where('documentNumber', '=', 'C001-PO-0001022')
        .executeTakeFirstOrThrow();
      expect(byFolder).toMatchObject({ status: 'rejected', error: expect.stringContaining('NAD+BY names another customer') });

      const [byCli] = await cli(demoInterchange(CAP, 'CLI-BY', TODAY, [{ ...capOrder(1023), buyer: DISTRI.gln }]));
      expect(byCli.messages[0]).toMatchObject({ status: 'rejected', reason: expect.stringContaining('NAD+BY names another customer') });
      expect(await ordersOf(DISTRI.customer)).toBe(before);
    });

    it("refuses a stock report for another customer (NAD+GY) or at another customer's delivery point (LOC)", async () => {
      const before = await stockReportsOf(DISTRI.customer);
      const flour = CAP.items[0].gtin;
      const gy = await send(stockReport(CAP.gln, 'INV-GY', DISTRI.gln, [{ gtin: flour, qty: '300', place: DISTRI.deliveryPoints[0] }]));
      expect(gy.json().interchanges[0].messages[0]).toMatchObject({
        type: 'INVRPT',
        status: 'rejected',
        reason: expect.stringContaining('NAD+GY names another customer'),
      });
      const text = stockReport(CAP.gln, 'INV-LOC', CAP.gln, [
        { gtin: flour, qty: '300', place: CAP.deliveryPoints[0] },
        { gtin: flour, qty: '10', place: DISTRI.deliveryPoints[0] },
      ]);
      const loc = (await send(text)).json().interchanges[0].messages[0];
      expect(loc).toMatchObject({ status: 'rejected', reason: expect.stringContaining(`LOC+7 names another customer`) });
      expect(loc.reason).toContain(`in segment ${segmentOf(text, `LOC+7+${DISTRI.deliveryPoints[0]}`)} (LOC)`);
      expect(await stockReportsOf(DISTRI.customer)).toBe(before);
    });
  });

  describe('the bounds of an order', () => {
    it(`refuses an order of more than ${MAX_ORDER_LINES} lines, alone, naming its first line too many; takes one of ${MAX_ORDER_LINES}`, async () => {
      const big = (ref: number, lines: number) => ({ ...demoOrder(CAP, ref, TODAY, lines), messageReference: String(ref) });
      const text = demoInterchange(CAP, 'CAP-LINES', TODAY, [big(1101, MAX_ORDER_LINES + 1), big(1102, MAX_ORDER_LINES), capOrder(1103)]);
      const [r] = (await send(text)).json().interchanges;
      expect(r.messages.map((m: { status: string }) => m.status === 'rejected')).toEqual([true, false, false]);
      const firstOf1102 = segmentOf(text, 'UNH+1102');
      const line501 = segmentOf(text, `LIN+${MAX_ORDER_LINES + 1}+`);
      expect(line501).toBeLessThan(firstOf1102);
      expect(r.messages[0].reason).toBe(
        `too many lines: in segment ${line501} (LIN) at byte ${
          Buffer.byteLength(
            text
              .split('\n')
              .slice(0, line501 - 1)
              .join('\n'),
          ) + 1
        }: expected at most ${MAX_ORDER_LINES} lines (LIN) in one order, found "${MAX_ORDER_LINES + 1} lines"`,
      );
      const lines = await db()
        .selectFrom('orderLines')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('orderId', '=', r.messages[1].orderId)
        .executeTakeFirstOrThrow();
      expect(Number(lines.n)).toBe(MAX_ORDER_LINES);
    });

    it('refuses a quantity beyond the typed order’s bound, alone, naming the QTY; takes the bound itself', async () => {
      const text = demoInterchange(CAP, 'CAP-QTY', TODAY, [
        capOrder(1201, { quantity: 1e20 }),
        capOrder(1202, { quantity: MAX_LINE_QUANTITY + 1 }),
        capOrder(1203, { quantity: MAX_LINE_QUANTITY }),
      ]);
      const [r] = (await send(text)).json().interchanges;
      expect(r.messages.map((m: { status: string }) => m.status === 'rejected')).toEqual([true, true, false]);
      expect(r.messages[0].reason).toContain(
        `quantity out of bounds: in segment ${segmentOf(text, 'QTY+21:100000000000000000000')} (QTY), element 1 component 2`,
      );
      expect(r.messages[0].reason).toContain(`expected at most ${MAX_LINE_QUANTITY} sale units on a line, found "100000000000000000000"`);
      expect(r.messages[1].reason).toContain(`found "${MAX_LINE_QUANTITY + 1}"`);
      expect(r.messages[1]).toMatchObject({
        reasonCode: 'quantity-out-of-bounds',
        reasonParams: { found: String(MAX_LINE_QUANTITY + 1), limit: MAX_LINE_QUANTITY },
      });
      const line = await db()
        .selectFrom('orderLines')
        .select('quantity')
        .where('orderId', '=', r.messages[2].orderId)
        .executeTakeFirstOrThrow();
      expect(Number(line.quantity)).toBe(MAX_LINE_QUANTITY);
    });

    it("counts the quantity in sale units: the customer's code with its unit factor", async () => {
      const productId = (await db().selectFrom('products').select('id').where('code', '=', CAP.items[0].ours).executeTakeFirstOrThrow()).id;
      await db()
        .insertInto('customerProductCodes')
        .values({ customerId: await customerId(CAP.customer), code: 'CM-BY-TEN', productId, unitFactor: 10 })
        .execute();
      const units = MAX_LINE_QUANTITY / 10 + 1;
      const [r] = await cli(
        demoInterchange(CAP, 'CAP-FACTOR', TODAY, [capOrder(1211, { gtin: '', buyerCode: 'CM-BY-TEN', quantity: units })]),
      );
      expect(r.messages[0]).toMatchObject({
        status: 'rejected',
        reason: expect.stringContaining(`at most ${MAX_LINE_QUANTITY} sale units on a line (10 sale units each), found "${units}"`),
      });
    });

    it('refuses a price or a line number beyond what the columns hold, alone, naming the segment', async () => {
      const text = demoInterchange(CAP, 'CAP-PRI', TODAY, [
        capOrder(1301, { unitPriceCents: 99_999_999_999_99 }),
        capOrder(1302, { unitPriceCents: -100 }),
        capOrder(1303, { lineNumber: 12_345_678 }),
        capOrder(1304, { unitPriceCents: 450 }),
      ]);
      const [r] = (await send(text)).json().interchanges;
      expect(r.messages.map((m: { status: string }) => m.status === 'rejected')).toEqual([true, true, true, false]);
      expect(r.messages[0].reason).toContain(
        `price out of bounds: in segment ${segmentOf(text, 'PRI+AAA:99999999999.99')} (PRI), element 1 component 2`,
      );
      expect(r.messages[1].reason).toContain('found "-1.00"');
      expect(r.messages[2].reason).toContain(
        `line number out of bounds: in segment ${segmentOf(text, 'LIN+12345678')} (LIN), element 1 component 1`,
      );
    });

    it('refuses a stock figure beyond what a stock report holds, or not whole', async () => {
      const flour = CAP.items[0].gtin;
      for (const qty of [String(MAX_STOCK_QUANTITY + 1), '12.5', '-3']) {
        const res = await send(stockReport(CAP.gln, `INV-QTY-${qty}`, CAP.gln, [{ gtin: flour, qty, place: CAP.deliveryPoints[0] }]));
        expect(res.json().interchanges[0].messages[0]).toMatchObject({
          status: 'rejected',
          reason: expect.stringContaining(`stock figure out of bounds: in segment 8 (QTY), element 1 component 2`),
        });
      }
    });

    it('never stores what the database says as a reason', async () => {
      const reasons = await db().selectFrom('ediMessages').select('error').where('error', 'is not', null).execute();
      expect(reasons.length).toBeGreaterThan(5);
      for (const { error } of reasons) expect(error).not.toMatch(DATABASE_WORDS);
    });

    it('refuses a NUL inside a segment as a syntax error, located, on both engines', async () => {
      const text = demoInterchange(CAP, 'CAP-NUL', TODAY, [capOrder(1401)]).replace('BGM+220+C001', 'BGM+220+C0\u000001');
      const res = await send(text);
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({
        code: 'EDI_SYNTAX',
        segment: { index: segmentOf(text, 'BGM'), tag: 'BGM' },
        params: { segment: segmentOf(text, 'BGM'), tag: 'BGM' },
        element: { position: 2, component: 1 },
        found: 'U+0000',
      });
      expect(await db().selectFrom('ediInterchanges').select('id').where('controlReference', '=', 'CAP-NUL').execute()).toEqual([]);
    });
  });

  describe('the HTTP door', () => {
    it('answers an empty body with a 400 problem and its code', async () => {
      const res = await send('');
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'VALIDATION', errors: [{ path: 'body' }] });
    });

    it('refuses a body over its own limit saying that limit (50 MB), not the JSON routes’ 1 MB', async () => {
      const res = await send(Buffer.alloc(60 * 1024 * 1024, 0x41));
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', detail: 'The request body is larger than 50 MB.' });
    });
  });

  describe('a large order', () => {
    it(`is opened while /api/health keeps answering (${MAX_ORDER_LINES} lines, a rounding proposed on many)`, async () => {
      // Les Marchés de l'Est do not auto-confirm: the order stays a draft, whose suggestions are worked out on read.
      const order = demoOrder(EST, 1501, TODAY, MAX_ORDER_LINES);
      const [r] = await cli(
        demoInterchange(EST, 'EST-BIG', TODAY, [{ ...order, lines: order.lines.map((l, i) => ({ ...l, quantity: 7 + (i % 13) })) }]),
      );
      const id = r.messages[0].orderId;
      expect((await db().selectFrom('orders').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('draft');
      const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
      const { cookie } = await login(t.app, 'adv@demo.local');
      let opening = true;
      const opened: number[] = [];
      const openings = Promise.all(
        [0, 1, 2].map(async () => {
          for (let k = 0; k < 3; k++) {
            const res = await fetch(`${base}/api/orders/${id}`, { headers: { cookie } });
            opened.push((await res.json()).lines.length);
          }
        }),
      ).finally(() => {
        opening = false;
      });
      const health: { status: number; whileOpening: boolean }[] = [];
      for (let k = 0; k < 200 && (opening || health.length === 0); k++) {
        const res = await fetch(`${base}/api/health`);
        health.push({ status: res.status, whileOpening: opening && (await res.json()).status === 'ok' });
      }
      await openings;
      expect(opened).toEqual(Array(9).fill(MAX_ORDER_LINES));
      expect(health.every((h) => h.status === 200)).toBe(true);
      expect(health.filter((h) => h.whileOpening).length).toBeGreaterThan(0);
    });
  });
});
