import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addDays, parisNow } from '../../core/calendar/dates.ts';
import { DEMO_PARTNERS, demoInterchange, demoOrder } from '../../server/edi/demo-orders.ts';
import { ingestFile } from '../../server/edi/ingest.ts';
import { runRiskScan } from '../../server/risks/risk-scan.ts';
import { testEngines } from '../helpers/engines.ts';
import { fixedClock } from '../../server/clock.ts';
import { client, createTestApp, login, type TestApp, TEST_NOW } from '../helpers/test-app.ts';
import { demoIds } from './orders-fixtures.ts';

type Option = {
  kind: string;
  productId?: number;
  warehouseId?: number;
  accepted: boolean;
  newDates: { delivery: string; backorder?: string; secondDelivery?: string };
  changes: { type: string; [k: string]: unknown }[];
};
type RiskCall = {
  id: number;
  shortfall: number;
  options: Option[];
  warehouse: { id: number; code: string } | null;
  deliveryRequirement: string | null;
};

/**
 * The decisions of a risk call, each applied to a confirmed and to a released order, checked row by row: the order
 * lines, the planned deliveries and their lines, the stock held (reserved) in each warehouse and the audit event.
 * Stock is put back after each test, so every test starts from the demo's stock.
 */
describe.each(await testEngines())('risk decisions on confirmed and released orders on %s', (engine) => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let adv: ReturnType<typeof client>;
  let manager: ReturnType<typeof client>;
  let moulin: number;
  let sucre: number;
  let stockBefore: { warehouseId: number; productId: number; onHand: number; reserved: number }[];
  const clock = fixedClock(TEST_NOW);
  const today = parisNow(clock.now()).date;
  const date = addDays(today, 2);
  const created: number[] = [];
  const t55 = () => ids.product('FAR-T55-S25').id;

  /** What an order is made of, and what it holds in the warehouses, as comparable rows. */
  async function picture(orderId: number) {
    const db = t.handle.db;
    const [order, lines, deliveries, deliveryLines, stock] = await Promise.all([
      db.selectFrom('orders').select(['status', 'promisedDate', 'netCents']).where('id', '=', orderId).executeTakeFirstOrThrow(),
      db
        .selectFrom('orderLines')
        .select(['id', 'lineNo', 'productId', 'quantity', 'netCents', 'unitPriceCents', 'status', 'warehouseId', 'plannedDate'])
        .where('orderId', '=', orderId)
        .orderBy('id')
        .execute(),
      db
        .selectFrom('deliveries')
        .select(['id', 'number', 'warehouseId', 'plannedDate', 'status'])
        .where('orderId', '=', orderId)
        .orderBy('id')
        .execute(),
      db
        .selectFrom('deliveryLines')
        .innerJoin('deliveries', 'deliveries.id', 'deliveryLines.deliveryId')
        .select(['deliveryLines.deliveryId', 'deliveryLines.orderLineId', 'deliveryLines.quantity'])
        .where('deliveries.orderId', '=', orderId)
        .orderBy('deliveryLines.id')
        .execute(),
      db.selectFrom('stockLevels').select(['warehouseId', 'productId', 'reserved']).orderBy('warehouseId').orderBy('productId').execute(),
    ]);
    const reserved = new Map(stock.map((s) => [`${s.warehouseId}:${s.productId}`, s.reserved]));
    return {
      order: { ...order, netCents: Number(order.netCents) },
      lines: lines.map((l) => ({ ...l, netCents: Number(l.netCents) })),
      deliveries,
      deliveryLines,
      reserved,
    };
  }
  const held = (p: Awaited<ReturnType<typeof picture>>, warehouseId: number, productId: number) =>
    p.reserved.get(`${warehouseId}:${productId}`) ?? 0;

  /** A confirmed order of C020 (every 4493 flag on) for `quantity` sacks of T55 on the date, with a line of T45 that is there. */
  async function order(quantity: number, over: { deliveryRequirement?: string; warehouseId?: number } = {}) {
    const db = t.handle.db;
    const at = t.app.clock.now().toISOString();
    const o = await db
      .insertInto('orders')
      .values({
        number: `CDE-DEC-${Math.random().toString(36).slice(2, 8)}`,
        customerId: ids.customer('C020'),
        deliveryPointId: ids.point('C020-DP1'),
        channel: 'phone',
        customerRef: 'PO-DEC',
        requestedDate: date,
        promisedDate: date,
        status: 'confirmed',
        note: null,
        netCents: (quantity + 10) * 1650,
        vatCents: 0,
        grossCents: (quantity + 10) * 1650,
        palletsCenti: 100,
        weightG: 1_000_000,
        backorderOfOrderId: null,
        createdBy: null,
        createdAt: at,
        updatedAt: at,
        appointmentAt: null,
        deliveryRequirement: over.deliveryRequirement ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    created.push(o.id);
    const line = (lineNo: number, productId: number, q: number) => ({
      orderId: o.id,
      lineNo,
      productId,
      customerCode: null,
      quantity: q,
      unitPriceCents: 1650,
      netCents: q * 1650,
      vatRateBp: 550,
      deliveredQuantity: null,
      status: 'open',
      backorderOfLineId: null,
    });
    const short = await db
      .insertInto('orderLines')
      .values({ ...line(1, t55(), quantity), warehouseId: over.warehouseId ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('orderLines')
      .values(line(2, ids.product('FAR-T45-S25').id, 10))
      .execute();
    return { orderId: o.id, lineId: short.id };
  }

  /** The mill's count of T55 sacks falls to `onHand` (a damaged stack found after release). */
  const recount = (warehouseId: number, onHand: number) =>
    t.handle.db.updateTable('stockLevels').set({ onHand }).where('warehouseId', '=', warehouseId).where('productId', '=', t55()).execute();
  /** The sugar depot holds T55 sacks too (a transfer for mixed trucks). */
  const depotHolds = (onHand: number) =>
    t.handle.db
      .insertInto('stockLevels')
      .values({ warehouseId: sucre, productId: t55(), onHand, reserved: 0, updatedAt: clock.now().toISOString() })
      .execute();

  async function riskOf(lineId: number): Promise<RiskCall> {
    await runRiskScan(t.handle.db, clock.now());
    const risks = (await adv.get('/api/risks?status=open')).json().items as { id: number; orderLineId: number }[];
    const r = risks.find((x) => x.orderLineId === lineId);
    expect(r, `a risk on line ${lineId}`).toBeDefined();
    return (await adv.get(`/api/risks/${r!.id}`)).json();
  }
  const decide = async (risk: RiskCall, option: Pick<Option, 'kind' | 'productId' | 'warehouseId'>) => {
    const res = await adv.post(`/api/risks/${risk.id}/resolve`, {
      option: { kind: option.kind, productId: option.productId, warehouseId: option.warehouseId },
      customerApproved: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const lastAudit = (orderId: number) =>
    t.handle.db
      .selectFrom('auditEvents')
      .select(['action', 'beforeJson', 'afterJson'])
      .where('orderId', '=', orderId)
      .where('action', '=', 'resolve_risk')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
    ids = await demoIds(t.handle.db);
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
    manager = client(t.app, await login(t.app, 'manager@demo.local'));
    const wh = async (code: string) =>
      (await t.handle.db.selectFrom('warehouses').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    [moulin, sucre] = [await wh('WH-MOULIN'), await wh('WH-SUCRE')];
    await t.handle.db
      .updateTable('customerSupplySettings')
      .set({ shipComplete: 0, acceptsBackorders: 1, acceptsPartial: 1, acceptsSubstitutes: 1, cancelIfLateDays: null })
      .where('customerId', '=', ids.customer('C020'))
      .execute();
    stockBefore = await t.handle.db.selectFrom('stockLevels').select(['warehouseId', 'productId', 'onHand', 'reserved']).execute();
  });
  afterAll(() => t.close());
  afterEach(async () => {
    const db = t.handle.db;
    await db
      .updateTable('orders')
      .set({ status: 'cancelled' })
      .where((eb) => eb.or([eb('id', 'in', created), eb('backorderOfOrderId', 'in', created)]))
      .execute();
    created.length = 0;
    await db.deleteFrom('stockLevels').where('warehouseId', '=', sucre).where('productId', '=', t55()).execute();
    for (const s of stockBefore)
      await db
        .updateTable('stockLevels')
        .set({ onHand: s.onHand, reserved: s.reserved })
        .where('warehouseId', '=', s.warehouseId)
        .where('productId', '=', s.productId)
        .execute();
  });

  describe('on a released order: the order, its planned deliveries and the stock held move together', () => {
    /** Released from the mill, then the mill's count falls to 60: 40 sacks will be missing on the date. */
    async function released(over: { depot?: number } = {}) {
      const o = await order(100);
      expect((await adv.post(`/api/orders/${o.orderId}/release`)).statusCode).toBe(200);
      await recount(moulin, 60);
      if (over.depot) await depotHolds(over.depot);
      return { ...o, risk: await riskOf(o.lineId), before: await picture(o.orderId) };
    }

    it('another warehouse: the line leaves from the depot that holds it, in a delivery there, its goods held there and no longer at the mill', async () => {
      const { orderId, lineId, risk, before } = await released({ depot: 500 });
      expect(risk.warehouse?.code).toBe('WH-MOULIN');
      const option = risk.options.find((o) => o.kind === 'other-warehouse')!;
      expect(option).toMatchObject({
        warehouseId: sucre,
        accepted: true,
        newDates: { delivery: date },
        changes: [{ type: 'set-warehouse', lineId, from: moulin, to: sucre }],
      });
      expect(risk.options[0].kind).toBe('other-warehouse');
      await decide(risk, option);
      const after = await picture(orderId);
      expect(after.order).toEqual(before.order);
      expect(after.lines).toEqual(before.lines.map((l) => (l.id === lineId ? { ...l, warehouseId: sucre } : l)));
      const depotDelivery = after.deliveries.find((d) => d.warehouseId === sucre)!;
      expect(depotDelivery).toMatchObject({ plannedDate: date, status: 'planned' });
      expect(after.deliveryLines).toEqual(expect.arrayContaining([{ deliveryId: depotDelivery.id, orderLineId: lineId, quantity: 100 }]));
      // The mill keeps the T45 line's delivery; the T55 line left it.
      expect(after.deliveries.filter((d) => d.warehouseId === moulin)).toEqual(before.deliveries.filter((d) => d.warehouseId === moulin));
      expect(held(after, moulin, t55())).toBe(held(before, moulin, t55()) - 100);
      expect(held(after, sucre, t55())).toBe(held(before, sucre, t55()) + 100);
      const audit = await lastAudit(orderId);
      expect(JSON.parse(audit.afterJson!)).toMatchObject({
        option: 'other-warehouse',
        deliveries: expect.arrayContaining([
          expect.objectContaining({ warehouseId: sucre, lines: [{ orderLineId: lineId, productId: t55(), quantity: 100 }] }),
        ]),
      });
      expect(JSON.parse(audit.beforeJson!).deliveries).toHaveLength(1);
      // Nothing is missing any more: the next scan finds no risk on the line.
      await runRiskScan(t.handle.db, clock.now());
      expect((await adv.get('/api/risks?status=open')).json().items.some((r: { orderLineId: number }) => r.orderLineId === lineId)).toBe(
        false,
      );
    });

    it('partial with the rest cancelled: the line, its delivery line and the mill’s reservation shrink by the missing 40', async () => {
      const { orderId, lineId, risk, before } = await released();
      expect(risk.shortfall).toBe(40);
      await decide(risk, { kind: 'partial-cancel' });
      const after = await picture(orderId);
      expect(after.lines.find((l) => l.id === lineId)).toMatchObject({ quantity: 60, netCents: 60 * 1650 });
      expect(after.deliveryLines.find((l) => l.orderLineId === lineId)!.quantity).toBe(60);
      expect(after.deliveries).toEqual(before.deliveries);
      expect(held(after, moulin, t55())).toBe(held(before, moulin, t55()) - 40);
      expect(after.order.netCents).toBe(before.order.netCents - 40 * 1650);
    });

    it('partial with backorder: the released order leaves with 60, a confirmed -R1 carries 40 and holds nothing yet', async () => {
      const { orderId, lineId, risk, before } = await released();
      const { backorder } = await decide(risk, { kind: 'partial-backorder' });
      const after = await picture(orderId);
      expect(after.deliveryLines.find((l) => l.orderLineId === lineId)!.quantity).toBe(60);
      expect(held(after, moulin, t55())).toBe(held(before, moulin, t55()) - 40);
      const r1 = await picture(backorder.id);
      expect(r1.order.status).toBe('confirmed');
      expect(r1.lines).toEqual([expect.objectContaining({ productId: t55(), quantity: 40 })]);
      expect(r1.deliveries).toEqual([]);
    });

    it('postpone: the order and its deliveries move to the complete date, same delivery numbers, same goods held', async () => {
      const { orderId, risk, before } = await released();
      const option = risk.options.find((o) => o.kind === 'postpone')!;
      await decide(risk, option);
      const after = await picture(orderId);
      expect(after.order.promisedDate).toBe(option.newDates.delivery);
      expect(after.deliveries).toEqual(before.deliveries.map((d) => ({ ...d, plannedDate: option.newDates.delivery })));
      expect(after.deliveryLines).toEqual(before.deliveryLines);
      expect(after.reserved).toEqual(before.reserved);
    });

    it('substitute: the replacement line joins the delivery of the warehouse that holds it, and is held there', async () => {
      const { orderId, lineId, risk, before } = await released();
      const option = risk.options.find((o) => o.kind === 'substitute')!;
      await decide(risk, option);
      const after = await picture(orderId);
      const added = after.lines.find((l) => !before.lines.some((b) => b.id === l.id))!;
      expect(added).toMatchObject({ productId: option.productId, quantity: 40, status: 'open' });
      expect(after.deliveryLines).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ orderLineId: added.id, quantity: 40 }),
          expect.objectContaining({ orderLineId: lineId, quantity: 60 }),
        ]),
      );
      expect(held(after, moulin, option.productId!)).toBe(held(before, moulin, option.productId!) + 40);
      expect(held(after, moulin, t55())).toBe(held(before, moulin, t55()) - 40);
    });

    it('split: 60 leave on the date, 40 in a second delivery of the same order on the complete date; shipping sends the first only', async () => {
      const { orderId, lineId, risk, before } = await released();
      const option = risk.options.find((o) => o.kind === 'split')!;
      expect(option.newDates.secondDelivery! > date).toBe(true);
      const res = await decide(risk, option);
      expect(res.backorder).toBeNull();
      const after = await picture(orderId);
      const rest = after.lines.find((l) => !before.lines.some((b) => b.id === l.id))!;
      expect(rest).toMatchObject({
        productId: t55(),
        quantity: 40,
        unitPriceCents: 1650,
        netCents: 40 * 1650,
        plannedDate: option.newDates.secondDelivery,
        lineNo: 3,
      });
      expect(after.lines.find((l) => l.id === lineId)).toMatchObject({ quantity: 60, netCents: 60 * 1650 });
      expect(after.order.netCents).toBe(before.order.netCents);
      const second = after.deliveries.find((d) => d.plannedDate === option.newDates.secondDelivery)!;
      expect(second).toMatchObject({ warehouseId: moulin, status: 'planned' });
      expect(after.deliveryLines).toEqual(expect.arrayContaining([{ deliveryId: second.id, orderLineId: rest.id, quantity: 40 }]));
      // The same 100 sacks are held: 60 for the date, 40 for the second delivery.
      expect(after.reserved).toEqual(before.reserved);
      expect((await manager.post(`/api/orders/${orderId}/ship`)).statusCode).toBe(200);
      const shipped = await picture(orderId);
      expect(shipped.order.status).toBe('released');
      expect(shipped.deliveries.map((d) => [d.plannedDate, d.status])).toEqual(
        expect.arrayContaining([
          [date, 'shipped'],
          [option.newDates.secondDelivery, 'planned'],
        ]),
      );
      // What left is beyond change: the scan looks only at the second delivery's line.
      await runRiskScan(t.handle.db, clock.now());
      const open = (await adv.get('/api/risks?status=open')).json().items as { orderId: number; orderLineId: number }[];
      expect(open.filter((r) => r.orderId === orderId).every((r) => r.orderLineId === rest.id)).toBe(true);
    });

    /** The released order as the warehouse sees it: its live lines, what leaves from where and when, what is held. */
    const asReleased = (p: Awaited<ReturnType<typeof picture>>) => ({
      order: p.order,
      lines: p.lines.filter((l) => l.status !== 'cancelled'),
      leaving: p.deliveryLines
        .map((l) => {
          const d = p.deliveries.find((x) => x.id === l.deliveryId)!;
          return {
            orderLineId: l.orderLineId,
            quantity: l.quantity,
            warehouseId: d.warehouseId,
            plannedDate: d.plannedDate,
            status: d.status,
          };
        })
        .sort((a, b) => a.orderLineId - b.orderLineId),
      reserved: p.reserved,
    });

    it.each(['other-warehouse', 'substitute', 'postpone', 'split', 'partial-backorder'])(
      '%s on a released order, then undo: the lines, the deliveries and the stock held are as before',
      async (kind) => {
        const { orderId, risk, before } = await released(kind === 'other-warehouse' ? { depot: 500 } : {});
        const option = risk.options.find((o) => o.kind === kind)!;
        expect(option, kind).toBeDefined();
        await decide(risk, option);
        expect(asReleased(await picture(orderId))).not.toEqual(asReleased(before));
        const undone = await adv.post(`/api/risks/${risk.id}/undo`);
        expect(undone.statusCode, undone.body).toBe(200);
        expect(asReleased(await picture(orderId))).toEqual(asReleased(before));
      },
    );

    it('once a delivery of it has shipped, the option is beyond undo (409)', async () => {
      const { orderId, risk } = await released();
      await decide(
        risk,
        risk.options.find((o) => o.kind === 'split')!,
      );
      expect((await manager.post(`/api/orders/${orderId}/ship`)).statusCode).toBe(200);
      const res = await adv.post(`/api/risks/${risk.id}/undo`);
      expect(res.statusCode).toBe(409);
      expect(res.json().undo.reason).toBe('changed');
    });
  });

  describe('on a confirmed order', () => {
    it('split: the line keeps what is there, a second line of the rest is dated for its own delivery, and release makes two deliveries', async () => {
      const { orderId, lineId } = await order(1500);
      const risk = await riskOf(lineId);
      const before = await picture(orderId);
      const option = risk.options.find((o) => o.kind === 'split')!;
      await decide(risk, option);
      const after = await picture(orderId);
      const available = 1500 - risk.shortfall;
      expect(after.lines).toEqual([
        ...before.lines.map((l) => (l.id === lineId ? { ...l, quantity: available, netCents: available * 1650 } : l)),
        {
          id: expect.any(Number),
          lineNo: 3,
          productId: t55(),
          quantity: risk.shortfall,
          netCents: risk.shortfall * 1650,
          unitPriceCents: 1650,
          status: 'open',
          warehouseId: null,
          plannedDate: option.newDates.secondDelivery,
        },
      ]);
      expect(after.order).toEqual(before.order);
      expect(after.deliveries).toEqual([]);
      expect(after.reserved).toEqual(before.reserved);
      expect((await adv.post(`/api/orders/${orderId}/release`)).statusCode).toBe(200);
      const releasedOrder = await picture(orderId);
      expect(releasedOrder.deliveries.map((d) => d.plannedDate).sort()).toEqual([date, option.newDates.secondDelivery].sort());
    });

    it('another warehouse: a line bound to the mill, short there, is bound to the depot instead, and release takes it from there', async () => {
      await depotHolds(2000);
      const { orderId, lineId } = await order(1500, { warehouseId: moulin });
      const risk = await riskOf(lineId);
      const option = risk.options.find((o) => o.kind === 'other-warehouse')!;
      expect(option).toMatchObject({ warehouseId: sucre, changes: [{ type: 'set-warehouse', lineId, from: moulin, to: sucre }] });
      const before = await picture(orderId);
      await decide(risk, option);
      const after = await picture(orderId);
      expect(after.lines).toEqual(before.lines.map((l) => (l.id === lineId ? { ...l, warehouseId: sucre } : l)));
      expect(after.order).toEqual(before.order);
      expect(after.reserved).toEqual(before.reserved);
      expect((await adv.post(`/api/orders/${orderId}/release`)).statusCode).toBe(200);
      const releasedOrder = await picture(orderId);
      const delivery = releasedOrder.deliveries.find((d) =>
        releasedOrder.deliveryLines.some((l) => l.deliveryId === d.id && l.orderLineId === lineId),
      )!;
      expect(delivery.warehouseId).toBe(sucre);
      expect(held(releasedOrder, sucre, t55())).toBe(1500);
    });
  });

  describe("the EDI order's own delivery requirement (4493)", () => {
    it('is stored on the order an EDI message creates', async () => {
      const [cap] = DEMO_PARTNERS;
      const message = { ...demoOrder(cap, 777, today, 1), deliveryRequirement: 'SC' };
      const file = path.join(t.dataDir, 'scc.edi');
      fs.writeFileSync(file, demoInterchange(cap, 'SCC-1', today, [message]));
      await ingestFile(t.handle.db, file, { door: 'cli', clock: t.app.clock });
      const stored = await t.handle.db
        .selectFrom('orders')
        .select(['id', 'deliveryRequirement'])
        .where('customerRef', '=', message.orderNumber)
        .executeTakeFirstOrThrow();
      created.push(stored.id);
      expect(stored.deliveryRequirement).toBe('SC');
      expect((await adv.get(`/api/orders/${stored.id}`)).json().deliveryRequirement).toBe('SC');
    });

    it("wins over the customer's settings: C020 takes partials, his order says ship complete, so only waiting is accepted", async () => {
      const { lineId } = await order(1500, { deliveryRequirement: 'SC' });
      const risk = await riskOf(lineId);
      expect(risk.deliveryRequirement).toBe('SC');
      const accepted = risk.options.filter((o) => o.accepted).map((o) => o.kind);
      expect(accepted).not.toContain('partial-cancel');
      expect(accepted).not.toContain('partial-backorder');
      expect(accepted).not.toContain('split');
      expect(accepted).toContain('postpone');
      const refused = await adv.post(`/api/risks/${risk.id}/resolve`, { option: { kind: 'partial-cancel' } });
      expect(refused.statusCode).toBe(422);
    });
  });
});
