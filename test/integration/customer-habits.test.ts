import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parisNow } from '../../core/calendar/dates.ts';
import { PLACED_STATUSES } from '../../core/story/habits.ts';
import type { CustomerHabits } from '../../core/story/habits.schemas.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp } from '../helpers/test-app.ts';
import { demoIds } from './orders-fixtures.ts';

/**
 * Before picking up Boulangerie Martin's call, the assistant sees what he usually orders, how much, how often and on
 * which days, read from six months of his orders (the demo's history).
 */
describe.each(await testEngines())("the customer's habits on %s", (engine) => {
  let t: TestApp;
  let adv: ReturnType<typeof client>;
  let martin: number;

  beforeAll(async () => {
    t = await createTestApp(engine, { history: true });
    const ids = await demoIds(t.handle.db);
    martin = ids.customer('C020');
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
  }, 240_000);

  afterAll(async () => {
    await t?.close();
  });

  /** His placed orders as the database holds them: what the habits must agree with. */
  async function placedOrders(since: string) {
    const rows = await t.handle.db
      .selectFrom('orders')
      .select(['id', 'number', 'createdAt', 'channel'])
      .where('customerId', '=', martin)
      .where('status', 'in', [...PLACED_STATUSES])
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return { all: rows, recent: rows.filter((o) => parisNow(new Date(o.createdAt)).date >= since) };
  }

  it('tells his usual products by name with their quantity and rhythm, his days, his channels and his last order', async () => {
    const res = await adv.get(`/api/customers/${martin}/habits`);
    expect(res.statusCode).toBe(200);
    const habits = res.json<CustomerHabits>();
    const { all, recent } = await placedOrders(habits.from);
    expect(recent.length).toBeGreaterThan(20);
    expect(habits.orders).toBe(recent.length);
    expect(habits.to).toBe(parisNow(t.app.clock.now()).date);

    expect(habits.usualProducts.length).toBeGreaterThan(0);
    for (const p of habits.usualProducts) {
      expect(p).toMatchObject({ code: expect.any(String), name: expect.any(String), saleUnit: expect.any(String) });
      expect(p.medianQuantity).toBeGreaterThan(0);
      expect(p.rhythmDays).toBeGreaterThan(0);
    }
    expect(habits.weekdays.length).toBeGreaterThan(0);
    expect(habits.averageNetCents).toBeGreaterThan(0);
    expect(habits.channels.reduce((s, c) => s + c.orders, 0)).toBe(recent.length);
    expect(habits.lastOrder).toEqual({ id: all[0].id, number: all[0].number, date: parisNow(new Date(all[0].createdAt)).date });
  });

  it('leaves a draft out of his habits', async () => {
    const before = (await adv.get(`/api/customers/${martin}/habits`)).json<CustomerHabits>();
    const ids = await demoIds(t.handle.db);
    const draft = await adv.post('/api/orders', {
      customerId: martin,
      channel: 'edi',
      lines: [{ productId: ids.product('FAR-T45-S25').id, quantity: 40 }],
    });
    expect(draft.statusCode).toBe(201);
    expect((await adv.get(`/api/customers/${martin}/habits`)).json()).toEqual(before);
  });

  it('answers 404 for a customer it does not know and 400 for an id that is not one', async () => {
    expect((await adv.get('/api/customers/999999/habits')).statusCode).toBe(404);
    const bad = await adv.get('/api/customers/abc/habits');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ path: 'params.id' });
  });
});
