import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../core/calendar/dates.ts';
import { runRiskScan } from '../../server/risks/risk-scan.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp, TEST_TODAY } from '../helpers/test-app.ts';
import { demoIds } from './orders-fixtures.ts';

type Risk = {
  id: number;
  orderId: number;
  customerCode: string;
  productCode: string | null;
  cause: string;
  shortfall: number;
  receiptRef: string | null;
  priorityScore: number;
};

/**
 * Scenario 4: the laminating line breaks down, pain-au-chocolat output drops by 60 % for ten days. The demo has it
 * entered; the scan finds the confirmed orders the cut run no longer serves, Cap Marché (a retail chain with a
 * penalty clause) first. Ending it brings the run back whole; entering it again from the desk finds them again.
 */
describe.each(await testEngines())('production shortfalls on %s', (engine) => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let adv: ReturnType<typeof client>;
  const pac = () => ids.product('SUR-PAC-70').id;
  const froid = async () =>
    (await t.handle.db.selectFrom('warehouses').select('id').where('code', '=', 'WH-FROID').executeTakeFirstOrThrow()).id;
  const atRisk = async (): Promise<Risk[]> => (await adv.get('/api/risks?status=open&cause=production-shortfall')).json().items;

  beforeAll(async () => {
    t = await createTestApp(engine);
    ids = await demoIds(t.handle.db);
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
    await runRiskScan(t.handle.db, t.app.clock.now());
  });
  afterAll(() => t.close());

  it("finds the demo's breakdown: Cap Marché and SPD short of pain au chocolat, the retail chain first, each with what it accepts", async () => {
    const list = (await adv.get('/api/production-shortfalls')).json().items;
    expect(list).toMatchObject([
      {
        productCode: 'SUR-PAC-70',
        warehouseCode: 'WH-FROID',
        reducedPct: 60,
        state: 'ongoing',
        from: TEST_TODAY,
        to: addDays(TEST_TODAY, 9),
      },
    ]);
    const risks = await atRisk();
    expect(risks.map((r) => [r.customerCode, r.productCode, r.shortfall, r.receiptRef])).toEqual([
      ['C001', 'SUR-PAC-70', 66, 'OF-S-26-034'],
      ['C012', 'SUR-PAC-70', 64, 'OF-S-26-034'],
    ]);
    const options = async (r: Risk) =>
      Object.fromEntries(
        (await adv.get(`/api/risks/${r.id}`)).json().options.map((o: { kind: string; accepted: boolean }) => [o.kind, o.accepted]),
      );
    // Cap Marché takes neither a backorder nor a substitute: short on time, or complete later outside its agreement.
    expect(await options(risks[0])).toMatchObject({
      'partial-cancel': true,
      postpone: false,
      substitute: false,
      'partial-backorder': false,
    });
    // SPD takes the mini-viennoiseries instead, or the whole line when the next run is out.
    expect(await options(risks[1])).toMatchObject({ substitute: true, postpone: true });
  });

  it('promises only what the cut run will give: availability counts 102 of the 256 colis planned tomorrow', async () => {
    const froidId = await froid();
    const receipts = async () =>
      (await adv.get(`/api/availability?productId=${pac()}&date=${addDays(TEST_TODAY, 1)}`))
        .json()
        .byWarehouse.find((w: { warehouseId: number }) => w.warehouseId === froidId).receipts;
    expect(await receipts()).toBe(102);
  });

  it('ending it brings the run back whole: the risks leave the board, and the answer says no order is at risk', async () => {
    const id = (await adv.get('/api/production-shortfalls')).json().items[0].id;
    // Ended today, before the run of tomorrow.
    const ended = await adv.post(`/api/production-shortfalls/${id}/end`);
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ shortfall: { state: 'over', endedOn: TEST_TODAY, endedByName: 'Léa Moreau' }, ordersAtRisk: 0 });
    expect(await atRisk()).toEqual([]);
    expect((await adv.post(`/api/production-shortfalls/${id}/end`)).statusCode).toBe(409);
    const froidId = await froid();
    const availability = (await adv.get(`/api/availability?productId=${pac()}&date=${addDays(TEST_TODAY, 1)}`)).json();
    expect(availability.byWarehouse.find((w: { warehouseId: number }) => w.warehouseId === froidId).receipts).toBe(256);
  });

  it('entered again from the desk, the scan runs and counts the two orders at risk', async () => {
    const res = await adv.post('/api/production-shortfalls', {
      productId: pac(),
      warehouseId: await froid(),
      from: addDays(TEST_TODAY, 1),
      to: addDays(TEST_TODAY, 5),
      reducedPct: 60,
      cause: 'Laminoir à nouveau en panne',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      shortfall: { state: 'upcoming', createdByName: 'Léa Moreau', cause: 'Laminoir à nouveau en panne' },
      ordersAtRisk: 2,
    });
    expect((await atRisk()).map((r) => r.customerCode)).toEqual(['C001', 'C012']);
  });

  it('refuses what cannot be: the end before the start, a share outside 1..100 %, an unknown product, a date that does not exist', async () => {
    const base = { productId: pac(), warehouseId: await froid(), from: TEST_TODAY, to: TEST_TODAY, reducedPct: 60, cause: 'Panne' };
    const paths = async (body: Record<string, unknown>) => {
      const res = await adv.post('/api/production-shortfalls', body);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      return res.json().errors.map((e: { path: string; code: string }) => [e.path, e.code]);
    };
    expect(await paths({ ...base, to: addDays(TEST_TODAY, -1) })).toEqual([['body.to', 'before-start']]);
    expect(await paths({ ...base, reducedPct: 0 })).toEqual([['body.reducedPct', 'out-of-range']]);
    expect(await paths({ ...base, reducedPct: 101 })).toEqual([['body.reducedPct', 'out-of-range']]);
    expect(await paths({ ...base, productId: 999_999 })).toEqual([['body.productId', 'not-found']]);
    expect(await paths({ ...base, from: '2026-02-30' })).toEqual([['body.from', 'not-a-date']]);
    expect(await paths({ ...base, cause: '   ' })).toEqual([['body.cause', 'pattern']]);
  });

  it('lets the order desk enter and end a shortfall, the admin only read, a buyer nothing', async () => {
    const admin = client(t.app, await login(t.app, 'admin@demo.local'));
    expect((await admin.get('/api/production-shortfalls')).statusCode).toBe(200);
    const body = { productId: pac(), warehouseId: await froid(), from: TEST_TODAY, to: TEST_TODAY, reducedPct: 10, cause: 'Panne' };
    expect((await admin.post('/api/production-shortfalls', body)).statusCode).toBe(403);
    const manager = client(t.app, await login(t.app, 'manager@demo.local'));
    expect((await manager.post('/api/production-shortfalls', body)).statusCode).toBe(201);
    expect((await t.app.inject({ method: 'GET', url: '/api/production-shortfalls' })).statusCode).toBe(401);
  });
});
