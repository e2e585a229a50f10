import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, parisNow } from '../../core/calendar/dates.ts';
import { runRiskScan } from '../../server/risks/risk-scan.ts';
import { testEngines } from '../helpers/engines.ts';
import { fixedClock } from '../../server/clock.ts';
import { client, createTestApp, login, type TestApp, TEST_NOW } from '../helpers/test-app.ts';
import { demoIds } from './orders-fixtures.ts';

type Risk = {
  id: number;
  orderId: number;
  orderLineId: number | null;
  orderNumber: string;
  customerCode: string;
  productCode: string | null;
  cause: string;
  shortfall: number;
  exposureCents: number;
  priorityScore: number;
  priorityReason: { fr: string; en: string };
  receiptRef: string | null;
  status: string;
  daysLeft: number;
};

describe.each(await testEngines())('risk scan on %s', (engine) => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let adv: ReturnType<typeof client>;
  let manager: ReturnType<typeof client>;
  const clock = fixedClock(TEST_NOW);
  const today = parisNow(clock.now()).date;
  const open = async (query = ''): Promise<Risk[]> => (await adv.get(`/api/risks?status=open${query}`)).json().items;

  /** A confirmed order of one line, written straight to the tables: the scan reads confirmed orders whatever made them. */
  async function confirmedOrder(
    customer: string,
    point: string,
    productCode: string,
    quantity: number,
    promisedDate: string,
  ): Promise<{ orderId: number; lineId: number }> {
    const db = t.handle.db;
    const at = t.app.clock.now().toISOString();
    const order = await db
      .insertInto('orders')
      .values({
        number: `CDE-TEST-${Math.random().toString(36).slice(2, 8)}`,
        customerId: ids.customer(customer),
        deliveryPointId: ids.point(point),
        channel: 'phone',
        customerRef: null,
        requestedDate: promisedDate,
        promisedDate,
        status: 'confirmed',
        note: null,
        netCents: quantity * 1650,
        vatCents: 0,
        grossCents: quantity * 1650,
        palletsCenti: 100,
        weightG: 1_000_000,
        backorderOfOrderId: null,
        createdBy: null,
        createdAt: at,
        updatedAt: at,
        appointmentAt: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const line = await db
      .insertInto('orderLines')
      .values({
        orderId: order.id,
        lineNo: 1,
        productId: ids.product(productCode).id,
        customerCode: null,
        quantity,
        unitPriceCents: 1650,
        netCents: quantity * 1650,
        vatRateBp: 550,
        deliveredQuantity: null,
        status: 'open',
        backorderOfLineId: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { orderId: order.id, lineId: line.id };
  }

  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
    ids = await demoIds(t.handle.db);
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
    manager = client(t.app, await login(t.app, 'manager@demo.local'));
  });
  afterAll(() => t.close());

  it("finds the demo's released order short at the sugar depot and offers to deliver it from the mill, which holds the packs", async () => {
    await adv.post('/api/risks/scan');
    const risk = (await open()).find((r) => r.customerCode === 'C002' && r.productCode === 'SUC-CAS-500')!;
    expect(risk).toMatchObject({ cause: 'stock-shortfall', shortfall: 32, daysLeft: 1 });
    const call = (await adv.get(`/api/risks/${risk.id}`)).json();
    expect(call).toMatchObject({ orderStatus: 'released', warehouse: { code: 'WH-SUCRE' } });
    expect(call.options[0]).toMatchObject({
      kind: 'other-warehouse',
      accepted: true,
      label: { fr: 'Livrer depuis notre site Moulin de Saint-Fiacre (Artenay)' },
      priceEffectCents: 0,
      penaltyEffect: { claimableCents: 0 },
    });
    expect(call.situation.fr[1]).toContain('WH-SUCRE');
  });

  it("finds the demo's orders at risk: the T45 1 kg short for Cap Marché, the icing-sugar receipt that slipped for Marchés de l'Est", async () => {
    const scan = await adv.post('/api/risks/scan');
    expect(scan.statusCode).toBe(200);
    expect(scan.json()).toMatchObject({ skipped: false });
    const risks = await open();
    const short = risks.find((r) => r.cause === 'stock-shortfall' && r.productCode === 'FAR-T45-1KG')!;
    expect(short).toMatchObject({ customerCode: 'C001', shortfall: 60, daysLeft: 2 });
    expect(short.exposureCents).toBeGreaterThan(0);
    expect(short.priorityReason.fr).toContain('centrale GMS');
    const late = risks.find((r) => r.cause === 'receipt-late')!;
    expect(late).toMatchObject({ customerCode: 'C003', productCode: 'SUC-POU-1KG', shortfall: 90, receiptRef: 'CF-SUC-26-009' });
    // Sorted by priority, and the nav's count agrees.
    expect(risks.map((r) => r.priorityScore)).toEqual([...risks.map((r) => r.priorityScore)].sort((a, b) => b - a));
    expect((await adv.get('/api/risks/count')).json()).toEqual({ open: risks.length });
    expect((await adv.get(`/api/risks/${late.id}`)).json()).toMatchObject({
      id: late.id,
      cause: 'receipt-late',
      priorityReason: { en: expect.stringContaining('retail chain') },
    });
    expect((await adv.get(`/api/risks?status=open&cause=receipt-late`)).json().items).toHaveLength(1);
    expect(
      (await adv.get(`/api/risks?status=open&customerId=${ids.customer('C003')}`))
        .json()
        .items.every((r: Risk) => r.customerCode === 'C003'),
    ).toBe(true);
  });

  it('a second scan with nothing changed inserts and updates nothing', async () => {
    expect(await runRiskScan(t.handle.db, clock.now())).toMatchObject({ inserted: 0, updated: 0, obsoleted: 0 });
  });

  it('moving a receipt later creates exactly one new risk, for the order line that counted on it, and no other', async () => {
    // 1 120 T55 sacks on hand and 1 200 due in three days: an order of 1 500 in four days needs that receipt.
    const { lineId } = await confirmedOrder('C020', 'C020-DP1', 'FAR-T55-S25', 1500, addDays(today, 4));
    await runRiskScan(t.handle.db, clock.now());
    const before = await open();
    expect(before.some((r) => r.orderLineId === lineId)).toBe(false);

    const receipt = (await adv.get(`/api/planned-receipts?productId=${ids.product('FAR-T55-S25').id}`)).json().items[0];
    const moved = await manager.put(`/api/planned-receipts/${receipt.id}`, {
      warehouseId: receipt.warehouseId,
      productId: receipt.productId,
      date: addDays(today, 6),
      quantity: receipt.quantity,
      kind: receipt.kind,
      ref: receipt.ref,
    });
    expect(moved.statusCode).toBe(200);
    expect(await runRiskScan(t.handle.db, clock.now())).toMatchObject({ inserted: 1, obsoleted: 0 });
    const after = await open();
    const fresh = after.filter((r) => !before.some((b) => b.id === r.id));
    expect(fresh).toMatchObject([{ orderLineId: lineId, cause: 'receipt-late', shortfall: 380, receiptRef: 'OF-26-0142' }]);
    expect(after.length).toBe(before.length + 1);

    // Back on time: the risk is gone (obsolete), nothing else moves.
    await manager.put(`/api/planned-receipts/${receipt.id}`, {
      warehouseId: receipt.warehouseId,
      productId: receipt.productId,
      date: receipt.date,
      quantity: receipt.quantity,
      kind: receipt.kind,
      ref: receipt.ref,
    });
    expect(await runRiskScan(t.handle.db, clock.now())).toMatchObject({ inserted: 0, obsoleted: 1 });
    expect((await adv.get(`/api/risks/${fresh[0].id}`)).json().status).toBe('obsolete');
  });

  it('flags a delivery point that needs an appointment not booked two days ahead', async () => {
    const { orderId } = await confirmedOrder('C002', 'C002-DP1', 'FAR-T55-S25', 10, addDays(today, 1));
    await runRiskScan(t.handle.db, clock.now());
    expect((await open()).filter((r) => r.orderId === orderId).map((r) => [r.cause, r.orderLineId])).toEqual([
      ['appointment-missing', null],
    ]);
    await t.handle.db
      .updateTable('orders')
      .set({ appointmentAt: `${addDays(today, 1)}T05:00:00.000Z` })
      .where('id', '=', orderId)
      .execute();
    await runRiskScan(t.handle.db, clock.now());
    expect((await open()).filter((r) => r.orderId === orderId)).toEqual([]);
  });

  it('reads for staff only, scans for the order desk, refuses bad filters', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/risks' })).statusCode).toBe(401);
    const adminClient = client(t.app, await login(t.app, 'admin@demo.local'));
    expect((await adminClient.get('/api/risks?status=open')).statusCode).toBe(200);
    expect((await adminClient.post('/api/risks/scan')).statusCode).toBe(403);
    expect((await adv.get('/api/risks?cause=weather')).statusCode).toBe(400);
    expect((await adv.get('/api/risks/999999')).statusCode).toBe(404);
  });
});
