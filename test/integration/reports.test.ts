import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parisNow } from '../../core/calendar/dates.ts';
import {
  addCall,
  addComplaint,
  addOrderFact,
  deliveryFacts,
  emptyDeliverySums,
  emptyEventSums,
  figuresOf,
  type OrderFact,
} from '../../core/reports/figures.ts';
import { isoWeekOf } from '../../core/reports/periods.ts';
import type { Drill, Kpis } from '../../core/reports/reports.schemas.ts';
import { mailWeeklyReport } from '../../server/reports/weekly-report.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp } from '../helpers/test-app.ts';

/** The service figures recomputed from the raw rows (orders, lines, deliveries, the timeline), without the fact tables. */
async function rawOrderFacts(t: TestApp): Promise<OrderFact[]> {
  const db = t.handle.db;
  const orders = await db
    .selectFrom('orders')
    .innerJoin('customers', 'customers.id', 'orders.customerId')
    .innerJoin('deliveryPoints', 'deliveryPoints.id', 'orders.deliveryPointId')
    .where('orders.backorderOfOrderId', 'is', null)
    .select([
      'orders.deliveryPointId',
      'deliveryPoints.cutoffTime',
      'orders.id',
      'orders.customerId',
      'customers.assistantUserId',
      'orders.channel',
      'orders.createdAt',
      'orders.promisedDate',
      'orders.requestedDate',
    ])
    .execute();
  const lines = await db.selectFrom('orderLines').selectAll().execute();
  const events = await db
    .selectFrom('auditEvents')
    .leftJoin('users', 'users.id', 'auditEvents.userId')
    .where('auditEvents.entityType', '=', 'order')
    .select(['auditEvents.orderId', 'auditEvents.action', 'auditEvents.userId', 'users.role', 'auditEvents.at'])
    .execute();
  const wall = (instant: string) => {
    const p = parisNow(new Date(instant));
    return `${p.date}T${p.time}`;
  };
  const deliveries = await db.selectFrom('deliveries').where('status', '=', 'delivered').select(['orderId', 'deliveredAt']).execute();
  const at = new Map<number, string>();
  for (const d of deliveries) if (d.deliveredAt && (at.get(d.orderId) ?? '') < d.deliveredAt) at.set(d.orderId, d.deliveredAt);
  return orders
    .filter((o) => at.has(o.id))
    .map(
      (o) =>
        deliveryFacts(
          {
            id: o.id,
            customerId: o.customerId,
            assistantId: o.assistantUserId,
            channel: o.channel,
            orderedAt: wall(o.createdAt),
            promisedDate: o.promisedDate,
            requestedDate: o.requestedDate,
            deliveryPointId: o.deliveryPointId,
            cutoffTime: o.cutoffTime,
            events: events.filter((e) => e.orderId === o.id).map((e) => ({ ...e, at: wall(e.at) })),
          },
          lines
            .filter((l) => l.orderId === o.id)
            .map((l) => ({
              lineId: l.id,
              lineNo: l.lineNo,
              productId: l.productId,
              productCode: '',
              warehouseId: null,
              quantity: l.quantity,
              delivered: l.deliveredQuantity ?? 0,
              status: l.status,
            })),
          parisNow(new Date(at.get(o.id)!)).date,
        ).order,
    );
}

describe.each(await testEngines())('reports on %s', (engine) => {
  let t: TestApp;
  let manager: ReturnType<typeof client>;
  let assistant: ReturnType<typeof client>;
  let assistantId: number;
  let buyer: ReturnType<typeof client>;
  let from: string;
  let to: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    manager = client(t.app, await login(t.app, 'manager@demo.local'));
    const a = await login(t.app, 'adv@demo.local');
    assistant = client(t.app, a);
    assistantId = a.userId;
    buyer = client(t.app, await login(t.app, 'achats@pause-croustille.demo'));
    const range = await t.handle.db
      .selectFrom('reportOrders')
      .select((eb) => [eb.fn.min('deliveredOn').as('first'), eb.fn.max('deliveredOn').as('last')])
      .executeTakeFirstOrThrow();
    from = String(range.first);
    to = String(range.last);
  });
  afterAll(() => t.close());

  const get = async <T>(c: ReturnType<typeof client>, url: string): Promise<T> => {
    const res = await c.get(url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  };

  it("has the demo's history in the facts, and the facts agree with the raw rows", async () => {
    const raw = (await rawOrderFacts(t)).filter((o) => o.deliveredOn >= from && o.deliveredOn <= to);
    expect(raw.length).toBeGreaterThan(10);
    const sums = raw.reduce(addOrderFact, emptyDeliverySums());
    const k = await get<Kpis>(
      manager,
      `/api/reports/kpis?from=${from}&to=${to}&groupBy=customer&metrics=orders,lines,linesComplete,serviceRate,ordersOtif,otif,onTime,fillRate,leadTimeDays,backorders,ordersConfirmedOnTime,confirmedOnTime,ordersTouchless,touchless,channelPhone,channelEmail,channelFax,channelEdi,channelPortal`,
    );
    expect(k.totals.channelEdi).toBeGreaterThan(0);
    const expected = figuresOf(sums, emptyEventSums());
    for (const m of k.metrics) expect(k.totals[m], m).toBe(expected[m]);
    // Per customer too, and the customers' counts add up to the totals.
    for (const row of k.rows) {
      const own = raw.filter((o) => String(o.customerId) === row.key).reduce(addOrderFact, emptyDeliverySums());
      expect(row.metrics.orders).toBe(own.orders);
      expect(row.metrics.serviceRate).toBe(figuresOf(own, emptyEventSums()).serviceRate);
      expect(row.metrics.confirmedOnTime).toBe(figuresOf(own, emptyEventSums()).confirmedOnTime);
      expect(row.metrics.touchless).toBe(figuresOf(own, emptyEventSums()).touchless);
    }
    expect(k.rows.reduce((s, r) => s + (r.metrics.orders ?? 0), 0)).toBe(k.totals.orders);
  });

  it('the drill-down returns exactly the rows each figure counts (sum check)', async () => {
    const k = await get<Kpis>(
      manager,
      `/api/reports/kpis?from=${from}&to=${to}&groupBy=customer&metrics=orders,ordersOtif,lines,linesComplete,complaints,penalties,ordersConfirmedOnTime,ordersTouchless,touchless,channelEdi,risksAvoided,exposureAvoidedCents`,
    );
    for (const row of k.rows.slice(0, 6)) {
      const q = `from=${from}&to=${to}&groupBy=customer&key=${row.key}&only=all`;
      const otif = await get<Drill>(manager, `/api/reports/kpis/drill?metric=otif&${q}`);
      expect(otif.counted).toBe(row.metrics.orders);
      expect(otif.met).toBe(row.metrics.ordersOtif);
      expect(otif.rows.length).toBe(row.metrics.orders);
      const service = await get<Drill>(manager, `/api/reports/kpis/drill?metric=serviceRate&${q}`);
      expect(service.counted).toBe(row.metrics.lines);
      expect(service.met).toBe(row.metrics.linesComplete);
      const complaints = await get<Drill>(manager, `/api/reports/kpis/drill?metric=complaints&${q}`);
      expect(complaints.counted).toBe(row.metrics.complaints);
      const penalties = await get<Drill>(manager, `/api/reports/kpis/drill?metric=penalties&${q}`);
      expect(penalties.counted).toBe(row.metrics.penalties);
      const confirmed = await get<Drill>(manager, `/api/reports/kpis/drill?metric=confirmedOnTime&${q}`);
      expect(confirmed.met).toBe(row.metrics.ordersConfirmedOnTime);
      const touchless = await get<Drill>(manager, `/api/reports/kpis/drill?metric=touchless&${q}`);
      expect(touchless.met).toBe(row.metrics.ordersTouchless);
      expect(touchless.counted ? touchless.met / touchless.counted : null).toBe(row.metrics.touchless);
      const edi = await get<Drill>(manager, `/api/reports/kpis/drill?metric=channelEdi&${q}`);
      expect([edi.counted, edi.met]).toEqual([row.metrics.orders, Math.round((row.metrics.channelEdi ?? 0) * (row.metrics.orders ?? 0))]);
      const risks = await get<Drill>(manager, `/api/reports/kpis/drill?metric=exposureAvoidedCents&${q}`);
      expect(risks.counted).toBe(row.metrics.risksAvoided);
      expect(risks.rows.reduce((s, r) => s + (r.value ?? 0), 0)).toBe(row.metrics.exposureAvoidedCents);
      // The missed ones say why.
      const missed = await get<Drill>(manager, `/api/reports/kpis/drill?metric=otif&from=${from}&to=${to}&groupBy=customer&key=${row.key}`);
      expect(missed.rows.length).toBe(otif.counted - otif.met);
      for (const r of missed.rows) expect(r.why.length, JSON.stringify(r)).toBeGreaterThan(0);
    }
  });

  it('weeks add up to the period, and a week drills to its own orders', async () => {
    const k = await get<Kpis>(manager, `/api/reports/kpis?from=${from}&to=${to}&groupBy=week&metrics=orders,lines,complaints,calls`);
    expect(k.rows.every((r) => /^\d{4}-W\d{2}$/.test(r.key))).toBe(true);
    expect(k.rows.reduce((s, r) => s + (r.metrics.orders ?? 0), 0)).toBe(k.totals.orders);
    const week = k.rows.find((r) => (r.metrics.orders ?? 0) > 0)!;
    const d = await get<Drill>(manager, `/api/reports/kpis/drill?metric=orders&from=${from}&to=${to}&groupBy=week&key=${week.key}`);
    expect(d.counted).toBe(week.metrics.orders);
    expect(d.rows.every((r) => isoWeekOf(r.date) === week.key)).toBe(true);
  });

  it('groups by typology, product, category, warehouse and assistant; line groups carry no order figure', async () => {
    const total = await get<Kpis>(manager, `/api/reports/kpis?from=${from}&to=${to}&groupBy=month&metrics=lines,orders`);
    for (const groupBy of ['typology', 'product', 'category', 'warehouse', 'assistant']) {
      const k = await get<Kpis>(manager, `/api/reports/kpis?from=${from}&to=${to}&groupBy=${groupBy}&metrics=lines,orders,serviceRate`);
      expect(
        k.rows.reduce((s, r) => s + (r.metrics.lines ?? 0), 0),
        groupBy,
      ).toBe(total.totals.lines);
      expect(k.totals.orders).toBe(total.totals.orders);
      if (['product', 'category', 'warehouse'].includes(groupBy)) expect(k.rows.every((r) => r.metrics.orders === null)).toBe(true);
    }
    const cat = await get<Kpis>(manager, `/api/reports/kpis?from=${from}&to=${to}&groupBy=category&metrics=lines,linesComplete`);
    const row = cat.rows[0];
    const d = await get<Drill>(
      manager,
      `/api/reports/kpis/drill?metric=serviceRate&from=${from}&to=${to}&groupBy=category&key=${encodeURIComponent(row.key)}&only=all`,
    );
    expect([d.counted, d.met]).toEqual([row.metrics.lines, row.metrics.linesComplete]);
    expect(
      (await manager.get(`/api/reports/kpis/drill?metric=otif&from=${from}&to=${to}&groupBy=product&key=${cat.rows.length}`)).statusCode,
    ).toBe(400);
  });

  it('groups by delivery point: the points add up to the totals and each drills to its own orders and lines', async () => {
    const k = await get<Kpis>(
      manager,
      `/api/reports/kpis?from=${from}&to=${to}&groupBy=deliveryPoint&metrics=orders,ordersOtif,lines,linesComplete,ordersTouchless,complaints`,
    );
    expect(k.rows.length).toBeGreaterThan(1);
    for (const m of ['orders', 'lines', 'ordersTouchless'] as const)
      expect(
        k.rows.reduce((s, r) => s + (r.metrics[m] ?? 0), 0),
        m,
      ).toBe(k.totals[m]);
    // A point reads by its name.
    const points = await t.handle.db.selectFrom('deliveryPoints').select(['id', 'name']).execute();
    for (const r of k.rows) expect(r.label).toBe(points.find((p) => String(p.id) === r.key)?.name);
    for (const row of k.rows.slice(0, 4)) {
      const q = `from=${from}&to=${to}&groupBy=deliveryPoint&key=${row.key}&only=all`;
      const otif = await get<Drill>(manager, `/api/reports/kpis/drill?metric=otif&${q}`);
      expect([otif.counted, otif.met]).toEqual([row.metrics.orders, row.metrics.ordersOtif]);
      const service = await get<Drill>(manager, `/api/reports/kpis/drill?metric=serviceRate&${q}`);
      expect([service.counted, service.met]).toEqual([row.metrics.lines, row.metrics.linesComplete]);
      const complaints = await get<Drill>(manager, `/api/reports/kpis/drill?metric=complaints&${q}`);
      expect(complaints.counted).toBe(row.metrics.complaints);
    }
  });

  it('the period before comes along, and worst first sorts on the figure', async () => {
    const k = await get<Kpis>(manager, `/api/reports/kpis?from=${from}&to=${to}&groupBy=customer&metrics=otif&sort=otif`);
    const values = k.rows.map((r) => r.metrics.otif).filter((v): v is number => v !== null);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(k.previous.to < from).toBe(true);
  });

  it('an assistant sees her own figures only; a buyer none', async () => {
    const all = await get<Kpis>(manager, `/api/reports/kpis?from=${from}&to=${to}&groupBy=assistant&metrics=orders,calls`);
    const mine = await get<Kpis>(assistant, `/api/reports/kpis?from=${from}&to=${to}&groupBy=assistant&metrics=orders,calls`);
    expect(mine.rows.map((r) => r.key)).toEqual([String(assistantId)]);
    expect(mine.rows[0].metrics.orders).toBe(all.rows.find((r) => r.key === String(assistantId))?.metrics.orders);
    const byCustomer = await get<Kpis>(assistant, `/api/reports/kpis?from=${from}&to=${to}&groupBy=customer&metrics=orders`);
    const hers = (await t.handle.db.selectFrom('customers').where('assistantUserId', '=', assistantId).select('id').execute()).map((c) =>
      String(c.id),
    );
    expect(byCustomer.rows.every((r) => hers.includes(r.key))).toBe(true);
    const other = all.rows.find((r) => r.key !== String(assistantId) && r.key !== 'none');
    if (other) {
      const d = await get<Drill>(
        assistant,
        `/api/reports/kpis/drill?metric=orders&from=${from}&to=${to}&groupBy=assistant&key=${other.key}`,
      );
      expect(d.counted).toBe(0);
    }
    expect((await buyer.get(`/api/reports/kpis?from=${from}&to=${to}&groupBy=customer`)).statusCode).toBe(403);
    expect((await buyer.get(`/api/reports/kpis/drill?metric=otif&from=${from}&to=${to}`)).statusCode).toBe(403);
    expect((await assistant.get('/api/reports/weekly?week=2026-W10')).statusCode).toBe(403);
  });

  it('refuses bad parameters with problem+json', async () => {
    for (const q of [
      'from=2026-03-10&to=2026-03-01&groupBy=week',
      'from=2025-01-01&to=2026-03-01&groupBy=week',
      'from=2026-02-30&to=2026-03-01&groupBy=week',
      'from=2026-03-01&to=2026-03-09&groupBy=planet',
      'from=2026-03-01&to=2026-03-09&groupBy=week&metrics=otif,happiness',
      'from=2026-03-01&to=2026-03-09&groupBy=week&extra=1',
      'from=2026-03-01&groupBy=week',
    ]) {
      const res = await manager.get(`/api/reports/kpis?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    for (const q of [
      'metric=otif&from=2026-03-01&to=2026-03-09&groupBy=week&key=2026-W99',
      'metric=otif&from=2026-03-01&to=2026-03-09&groupBy=customer&key=abc',
      'metric=otif&from=2026-03-01&to=2026-03-09&key=1',
      'metric=nope&from=2026-03-01&to=2026-03-09',
    ]) {
      const res = await manager.get(`/api/reports/kpis/drill?${q}`);
      expect(res.statusCode, q).toBe(400);
    }
    expect((await manager.get('/api/reports/weekly?week=2026-W60')).statusCode).toBe(400);
  });

  it('delivering an order updates the figures in the same transaction', async () => {
    const before = await get<Kpis>(manager, `/api/reports/kpis?from=${from}&to=${to}&groupBy=month&metrics=orders`);
    // A confirmed order of the demo, released and shipped, then delivered with its first line short.
    const confirmed = await t.handle.db
      .selectFrom('orders')
      .where('status', '=', 'confirmed')
      .where('backorderOfOrderId', 'is', null)
      .select('id')
      .orderBy('id')
      .execute();
    let shipped: { id: number } | undefined;
    for (const o of confirmed) {
      await manager.post(`/api/orders/${o.id}/release`);
      if ((await manager.post(`/api/orders/${o.id}/ship`)).statusCode === 200) {
        shipped = o;
        break;
      }
    }
    expect(shipped, 'a demo order to ship').toBeDefined();
    if (!shipped) return;
    const lines = await t.handle.db
      .selectFrom('deliveryLines')
      .innerJoin('deliveries', 'deliveries.id', 'deliveryLines.deliveryId')
      .where('deliveries.orderId', '=', shipped.id)
      .where('deliveries.status', '=', 'shipped')
      .select(['deliveryLines.orderLineId', 'deliveryLines.quantity'])
      .execute();
    const res = await manager.post(`/api/orders/${shipped.id}/deliver`, {
      lines: lines.map((l, i) =>
        i === 0 && l.quantity > 1
          ? { lineId: l.orderLineId, deliveredQuantity: l.quantity - 1, shortfall: 'backorder' }
          : { lineId: l.orderLineId, deliveredQuantity: l.quantity },
      ),
    });
    expect(res.statusCode, res.body).toBe(200);
    const today = parisNow(t.app.clock.now()).date;
    const after = await get<Kpis>(manager, `/api/reports/kpis?from=${from}&to=${today > to ? today : to}&groupBy=month&metrics=orders`);
    expect(after.totals.orders).toBe((before.totals.orders ?? 0) + 1);
    const fact = await t.handle.db.selectFrom('reportOrders').where('orderId', '=', shipped.id).selectAll().executeTakeFirstOrThrow();
    expect(fact.deliveredOn).toBe(today);
    expect(fact.lines).toBe(lines.length);
    if (lines[0].quantity > 1) expect([fact.inFull, fact.linesComplete, fact.backorders]).toEqual([0, lines.length - 1, 1]);
    // The backorder the delivery created has no facts of its own.
    const backorder = await t.handle.db.selectFrom('orders').where('backorderOfOrderId', '=', shipped.id).select('id').executeTakeFirst();
    if (backorder)
      expect(
        await t.handle.db.selectFrom('reportOrders').where('orderId', '=', backorder.id).select('orderId').executeTakeFirst(),
      ).toBeUndefined();
  });

  it('exports the tables as CSV and Excel, formulas neutralised', async () => {
    const c = await t.handle.db.selectFrom('reportOrders').select('customerId').where('deliveredOn', '>=', from).executeTakeFirstOrThrow();
    await t.handle.db.updateTable('customers').set({ name: '=HYPERLINK("http://evil")' }).where('id', '=', c.customerId).execute();
    const csv = await manager.get(`/api/reports/kpis?from=${from}&to=${to}&groupBy=customer&format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain("'=HYPERLINK");
    expect(csv.body).not.toMatch(/(^|;)=HYPERLINK/m);
    const xlsx = await manager.get(`/api/reports/kpis?from=${from}&to=${to}&groupBy=customer&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const drill = await manager.get(`/api/reports/kpis/drill?metric=otif&from=${from}&to=${to}&only=all&format=csv`);
    expect(drill.statusCode).toBe(200);
    expect(drill.body.split('\r\n').length).toBeGreaterThan(2);
    const dx = await manager.get(`/api/reports/kpis/drill?metric=otif&from=${from}&to=${to}&format=xlsx`);
    expect(dx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('prints the weekly report in French and mails it to the managers through the outbox', async () => {
    const week = isoWeekOf(to);
    const res = await manager.get(`/api/reports/weekly?week=${week}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const sent = await mailWeeklyReport(t.handle.db, t.app.config, week, t.app.clock.now());
    const managers = await t.handle.db.selectFrom('users').where('role', '=', 'manager').where('active', '=', 1).select('email').execute();
    expect(sent).toBe(managers.length);
    const emails = await t.handle.db.selectFrom('outboxEmails').where('kind', '=', 'weekly_report').selectAll().execute();
    expect(emails.map((e) => e.toAddress).sort()).toEqual(managers.map((m) => m.email).sort());
    expect(emails[0].subject).toContain('Rapport hebdomadaire');
    expect(emails[0].documentId).not.toBeNull();
  });

  it('schedules the weekly report on REPORT_CRON, Friday 16:00 Paris by default, and sends it through the outbox', async () => {
    expect(t.app.config.REPORT_CRON).toBe('0 16 * * 5');
    expect(t.app.weeklyReports.nextAt()?.toISOString()).toBe('2026-03-13T15:00:00.000Z');
    const before = await t.handle.db.selectFrom('outboxEmails').where('kind', '=', 'weekly_report').select('id').execute();
    const { week, emails } = await t.app.weeklyReports.run(new Date('2026-03-13T15:00:00Z'));
    expect(week).toBe('2026-W11');
    const after = await t.handle.db.selectFrom('outboxEmails').where('kind', '=', 'weekly_report').select('id').execute();
    expect(after.length - before.length).toBe(emails);
    expect(emails).toBeGreaterThan(0);
  });

  it('counts complaints and calls as core does', async () => {
    const k = await get<Kpis>(manager, `/api/reports/kpis?from=${from}&to=${to}&groupBy=month&metrics=complaints,calls,callMinutes`);
    const calls = await t.handle.db.selectFrom('calls').where('localDate', '>=', from).where('localDate', '<=', to).selectAll().execute();
    const sums = calls.reduce((s, c) => addCall(s, c), emptyEventSums());
    expect(k.totals.calls).toBe(sums.calls);
    expect(k.totals.callMinutes).toBe(Math.round(sums.callSeconds / 60));
    void addComplaint;
  });
});
