import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/clock.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp } from '../helpers/test-app.ts';
import { demoIds } from './orders-fixtures.ts';

type Trace = {
  customerCount: number;
  shippedQuantity: number;
  deliveries: { deliveryNumber: string; customerCode: string; productCode: string; quantity: number }[];
  stock: { warehouseCode: string; quantity: number }[];
};

/**
 * The demo's quality complaint: string in a sack of T45 from lot L26008P, which left on three customers' deliveries.
 * The complaint names the lot; the lot's trace finds those deliveries, and a lot number shared with another
 * product only when the product is not given.
 */
describe.each(await testEngines())('lot trace on %s', (engine) => {
  let t: TestApp;
  let adv: ReturnType<typeof client>;
  let ids: Awaited<ReturnType<typeof demoIds>>;

  beforeAll(async () => {
    t = await createTestApp(engine, { clock: fixedClock('2026-01-19T07:30:00.000Z') });
    ids = await demoIds(t.handle.db);
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('the quality complaint waits in the quality queue and names the lot that left on its line', async () => {
    const quality = (await adv.get('/api/complaints?queue=quality')).json().items as { id: number; customerCode: string }[];
    expect(quality.map((c) => c.customerCode)).toEqual(['C025']);
    const detail = (await adv.get(`/api/complaints/${quality[0].id}`)).json();
    expect(detail.lots).toEqual([expect.objectContaining({ lot: 'L26008P', productCode: 'FAR-T45-S25' })]);
  });

  it('from the lot: the three deliveries and customers it reached, with quantities, and no stock left', async () => {
    const t45 = ids.product('FAR-T45-S25').id;
    const trace = (await adv.get(`/api/lots/L26008P/trace?productId=${t45}`)).json<Trace>();
    expect(trace.customerCount).toBe(3);
    expect(trace.deliveries.map((d) => d.customerCode).sort()).toEqual(['C010', 'C024', 'C025']);
    expect(trace.deliveries.every((d) => d.productCode === 'FAR-T45-S25' && d.quantity > 0)).toBe(true);
    expect(trace.shippedQuantity).toBe(trace.deliveries.reduce((s, d) => s + d.quantity, 0));
    expect(trace.stock).toEqual([]);
  });

  it('finds every delivery of the lot and nothing else: another product with the same lot number only without productId', async () => {
    const db = t.handle.db;
    const other = await db
      .selectFrom('deliveryLines')
      .innerJoin('products', 'products.id', 'deliveryLines.productId')
      .select(['deliveryLines.id'])
      .where('products.code', '=', 'SUC-POU-S25')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('deliveryLineLots')
      .values([
        { deliveryLineId: other.id, lot: 'L26008P', productionDate: null, bestBefore: null, quantity: 2, belowMinShelfLife: 0 },
        { deliveryLineId: other.id, lot: 'L26009X', productionDate: null, bestBefore: null, quantity: 5, belowMinShelfLife: 0 },
      ])
      .execute();
    const t45 = ids.product('FAR-T45-S25').id;
    expect((await adv.get(`/api/lots/L26008P/trace?productId=${t45}`)).json<Trace>().deliveries).toHaveLength(3);
    const any = (await adv.get('/api/lots/L26008P/trace')).json<Trace>();
    expect(any.deliveries.map((d) => d.productCode).sort()).toEqual(['FAR-T45-S25', 'FAR-T45-S25', 'FAR-T45-S25', 'SUC-POU-S25']);
    expect(any.deliveries.some((d) => d.quantity === 5)).toBe(false);
  });

  it('shows what of a lot is still in stock', async () => {
    const t55 = ids.product('FAR-T55-S25').id;
    const trace = (await adv.get(`/api/lots/L26013P/trace?productId=${t55}`)).json<Trace>();
    expect(trace.deliveries).toEqual([]);
    expect(trace.stock).toEqual([expect.objectContaining({ warehouseCode: 'WH-MOULIN', quantity: 520 })]);
  });

  it('refuses a bad product id, a lot nobody knows and an anonymous caller', async () => {
    expect((await adv.get('/api/lots/L26008P/trace?productId=abc')).statusCode).toBe(400);
    const unknown = await adv.get('/api/lots/NOPE/trace');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'NOT_FOUND', params: { entity: 'lot', id: 'NOPE' } });
    expect((await t.app.inject({ method: 'GET', url: '/api/lots/L26008P/trace' })).statusCode).toBe(401);
  });
});
