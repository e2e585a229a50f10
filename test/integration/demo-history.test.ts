import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../core/calendar/dates.ts';
import { planHistory, prng } from '../../server/demo/history-plan.ts';
import { testEngines } from '../helpers/engines.ts';
import type { Drill, Kpis } from '../../core/reports/reports.schemas.ts';
import { client, createTestApp, login, TEST_TODAY, type TestApp } from '../helpers/test-app.ts';

const customers = [
  {
    code: 'A',
    typology: 'GMS_CENTRALE',
    templates: [
      {
        deliveryPoint: 'A-1',
        channel: 'edi',
        customerRef: 'PO-1',
        lines: [{ product: 'P', customerCode: null, quantity: 10, unitPriceCents: 100 }],
      },
    ],
    until: null,
    busy: new Set<string>(),
    clause: { lateFlatCents: 5000, missingValueBp: 1000, backordersAccepted: false },
  },
  {
    code: 'B',
    typology: 'ARTISAN',
    templates: [
      {
        deliveryPoint: 'B-1',
        channel: 'phone',
        customerRef: null,
        lines: [
          { product: 'P', customerCode: null, quantity: 6, unitPriceCents: 100 },
          { product: 'Q', customerCode: null, quantity: 3, unitPriceCents: 250 },
        ],
      },
    ],
    until: addDays(TEST_TODAY, -20),
    busy: new Set<string>(),
    clause: null,
  },
];
const input = (seed: number) => ({ today: TEST_TODAY, weeks: 26, seed, customers, bulk: new Set<string>(), noInterview: new Set(['B']) });

describe('the demo history plan', () => {
  it('is the same for the same seed and day, and another for another seed', () => {
    expect(planHistory(input(7))).toEqual(planHistory(input(7)));
    expect(planHistory(input(8))).not.toEqual(planHistory(input(7)));
    const r = prng(1);
    expect([r(), r()]).toEqual(((g) => [g(), g()])(prng(1)));
  });

  it('holds together: delivered in the past, short lines carried over or cancelled, a customer kept before his day', () => {
    const plan = planHistory(input(7));
    expect(plan.orders.length).toBeGreaterThan(50);
    for (const o of plan.orders) {
      if (o.status === 'cancelled') {
        expect(o.delivery).toBeNull();
        continue;
      }
      expect(o.delivery!.deliveredDate < TEST_TODAY).toBe(true);
      expect(o.delivery!.deliveredDate >= o.promisedDate).toBe(true);
      for (const l of o.lines) {
        expect(l.delivered).not.toBeNull();
        expect(l.delivered! <= l.quantity).toBe(true);
        expect(l.status === 'delivered').toBe(l.delivered === l.quantity);
      }
      if (o.customer === 'B') expect(o.delivery!.deliveredDate < customers[1].until!).toBe(true);
      if (o.backorderOf) {
        const parent = plan.orders[o.backorderOf.order];
        const line = parent.lines[o.backorderOf.lines[0]];
        expect(line.status).toBe('backordered');
        expect(o.lines[0].quantity).toBe(line.quantity - line.delivered!);
      }
    }
    // A chain that takes no backorders has its short lines cancelled.
    const chainShort = plan.orders.filter((o) => o.customer === 'A').flatMap((o) => o.lines.filter((l) => l.delivered !== l.quantity));
    expect(chainShort.length).toBeGreaterThan(0);
    for (const l of chainShort) expect(l.status).toBe('short_cancelled');
    expect(plan.interviews.map((i) => i.customer)).not.toContain('B');
    for (const c of plan.complaints) expect(plan.orders[c.order].delivery).not.toBeNull();
    for (const n of plan.notices) expect(plan.orders[n.order].customer).toBe('A');
  });
});

describe.each(await testEngines())('the demo with its history on %s', (engine) => {
  let t: TestApp;
  let again: TestApp;
  beforeAll(async () => {
    [t, again] = await Promise.all([createTestApp(engine, { history: true }), createTestApp(engine, { history: true })]);
  });
  afterAll(async () => {
    await Promise.all([t?.close(), again?.close()]);
  });

  const snapshot = async (app: TestApp) => ({
    orders: await app.handle.db
      .selectFrom('orders')
      .select(['id', 'number', 'customerId', 'status', 'promisedDate', 'createdAt', 'netCents', 'backorderOfOrderId'])
      .orderBy('id')
      .execute(),
    lines: await app.handle.db
      .selectFrom('orderLines')
      .select(['id', 'orderId', 'productId', 'quantity', 'deliveredQuantity', 'status', 'backorderOfLineId'])
      .orderBy('id')
      .execute(),
    deliveries: await app.handle.db.selectFrom('deliveries').select(['id', 'orderId', 'deliveredAt']).orderBy('id').execute(),
    complaints: await app.handle.db
      .selectFrom('complaints')
      .select(['id', 'number', 'orderId', 'reason', 'receivedAt'])
      .orderBy('id')
      .execute(),
    notices: await app.handle.db
      .selectFrom('penaltyNotices')
      .select(['reference', 'orderId', 'claimedCents', 'status'])
      .orderBy('id')
      .execute(),
    calls: await app.handle.db.selectFrom('calls').select(['customerId', 'startedAt', 'purpose']).orderBy('id').execute(),
  });

  it('is the same, row for row, each time the demo is created at the same moment', async () => {
    const [a, b] = await Promise.all([snapshot(t), snapshot(again)]);
    expect(a.orders.length).toBeGreaterThan(500);
    expect(b).toEqual(a);
  });

  it('holds together: every delivered line on a delivered order and its delivery, backorders carry what was missing', async () => {
    const db = t.handle.db;
    const stray = await db
      .selectFrom('orderLines')
      .innerJoin('orders', 'orders.id', 'orderLines.orderId')
      .leftJoin('deliveryLines', 'deliveryLines.orderLineId', 'orderLines.id')
      .select(['orders.number', 'orders.status', 'deliveryLines.deliveredQuantity'])
      .where('orderLines.deliveredQuantity', 'is not', null)
      .where((eb) =>
        eb.or([
          eb('orders.status', 'not in', ['delivered', 'closed']),
          eb('deliveryLines.id', 'is', null),
          eb('deliveryLines.deliveredQuantity', '!=', eb.ref('orderLines.deliveredQuantity')),
        ]),
      )
      .execute();
    expect(stray).toEqual([]);

    // Every delivered order that is not a backorder has its report facts, as the delivery report would have written.
    const withoutFacts = await db
      .selectFrom('orders')
      .leftJoin('reportOrders', 'reportOrders.orderId', 'orders.id')
      .select('orders.number')
      .where('orders.status', '=', 'closed')
      .where('orders.backorderOfOrderId', 'is', null)
      .where('reportOrders.orderId', 'is', null)
      .execute();
    expect(withoutFacts).toEqual([]);

    const backorders = await db
      .selectFrom('orderLines as child')
      .innerJoin('orderLines as parent', 'parent.id', 'child.backorderOfLineId')
      .innerJoin('orders as co', 'co.id', 'child.orderId')
      .select([
        'child.quantity',
        'parent.quantity as ordered',
        'parent.deliveredQuantity as delivered',
        'parent.status',
        'co.backorderOfOrderId',
        'parent.orderId',
      ])
      .execute();
    expect(backorders.length).toBeGreaterThan(0);
    for (const b of backorders) {
      expect(b.status).toBe('backordered');
      expect(b.quantity).toBe(b.ordered - b.delivered!);
      expect(b.backorderOfOrderId).toBe(b.orderId);
    }

    // Nothing delivered today or later; some late, some short.
    const today = await db
      .selectFrom('deliveries')
      .select('id')
      .where('status', '=', 'delivered')
      .where('deliveredAt', '>=', `${TEST_TODAY}T00:00:00`)
      .execute();
    expect(today).toEqual([]);
    const late = await db
      .selectFrom('deliveries')
      .innerJoin('orders', 'orders.id', 'deliveries.orderId')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(sql<boolean>`substr(deliveries.delivered_at, 1, 10) > orders.promised_date`)
      .executeTakeFirstOrThrow();
    expect(Number(late.n)).toBeGreaterThan(20);

    // The complaints and notices name the customer's own delivered orders; the history leaves no work open.
    const complaints = await db
      .selectFrom('complaints')
      .innerJoin('orders', 'orders.id', 'complaints.orderId')
      .innerJoin('deliveries', 'deliveries.id', 'complaints.deliveryId')
      .select([
        'complaints.customerId',
        'orders.customerId as orderCustomer',
        'deliveries.orderId',
        'complaints.orderId as complaintOrder',
        'complaints.status',
      ])
      .execute();
    expect(complaints.length).toBeGreaterThan(20);
    for (const c of complaints) {
      expect(c.orderCustomer).toBe(c.customerId);
      expect(c.orderId).toBe(c.complaintOrder);
    }
    expect(complaints.filter((c) => c.status !== 'closed')).toHaveLength(2); // the data set's two, still open
    const notices = await db.selectFrom('penaltyNotices').select(['status']).where('reference', 'like', 'PEN-H%').execute();
    expect(notices.length).toBeGreaterThan(5);
    for (const n of notices) expect(['settled', 'withdrawn']).toContain(n.status);
  });

  it('gives the order-taking figures and the penalties avoided something to say, each drilling to its rows', async () => {
    const manager = client(t.app, await login(t.app, 'manager@demo.local'));
    const to = addDays(TEST_TODAY, -1);
    const q = `from=${addDays(to, -365)}&to=${to}`;
    const res = await manager.get(
      `/api/reports/kpis?${q}&groupBy=month&metrics=orders,ordersConfirmedOnTime,confirmedOnTime,ordersTouchless,touchless,channelEdi,risksAvoided,exposureAvoidedCents`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const k = res.json<Kpis>();
    // Most orders are confirmed before their cut-off, not all; most EDI and portal orders go through untouched, not all.
    expect(k.totals.confirmedOnTime).toBeGreaterThan(0.8);
    expect(k.totals.confirmedOnTime).toBeLessThan(1);
    expect(k.totals.touchless).toBeGreaterThan(0.4);
    expect(k.totals.touchless).toBeLessThan(1);
    expect(k.totals.channelEdi).toBeGreaterThan(0);
    expect(k.totals.risksAvoided).toBeGreaterThan(5);
    expect(k.totals.exposureAvoidedCents).toBeGreaterThan(0);
    const drill = async (metric: string) => {
      const d = await manager.get(`/api/reports/kpis/drill?metric=${metric}&${q}&only=all&limit=5000`);
      expect(d.statusCode, d.body).toBe(200);
      return d.json<Drill>();
    };
    const confirmed = await drill('confirmedOnTime');
    expect(confirmed.met).toBe(k.totals.ordersConfirmedOnTime);
    expect(confirmed.rows.filter((r) => !r.ok).every((r) => r.why[0].code === 'confirmed-late')).toBe(true);
    const touchless = await drill('touchless');
    expect(touchless.met).toBe(k.totals.ordersTouchless);
    expect(touchless.met / touchless.counted).toBe(k.totals.touchless);
    expect(touchless.rows.filter((r) => !r.ok).every((r) => r.why[0].code === 'touched' && r.why[0].params.by !== '')).toBe(true);
    const avoided = await drill('exposureAvoidedCents');
    expect(avoided.counted).toBe(k.totals.risksAvoided);
    expect(avoided.rows.reduce((s, r) => s + (r.value ?? 0), 0)).toBe(k.totals.exposureAvoidedCents);
    expect(avoided.rows.every((r) => r.unit === 'risk' && r.orderNumber !== null && r.date <= r.dueDate!)).toBe(true);
  });

  it("leaves the scenarios' records as they were: Maison Lefèvre's interview still due, the data set's numbers untouched", async () => {
    const db = t.handle.db;
    const lefevre = await db
      .selectFrom('satisfactionInterviews')
      .innerJoin('customers', 'customers.id', 'satisfactionInterviews.customerId')
      .select('satisfactionInterviews.id')
      .where('customers.code', '=', 'C022')
      .execute();
    expect(lefevre).toHaveLength(1);
    const counter = await db.selectFrom('counters').select('value').where('name', '=', 'order').executeTakeFirstOrThrow();
    const max = await db
      .selectFrom('orders')
      .select((eb) => eb.fn.count<number>('id').as('n'))
      .where('number', 'not like', '%-R%')
      .executeTakeFirstOrThrow();
    expect(counter.value).toBeGreaterThanOrEqual(Number(max.n));
  });
});
