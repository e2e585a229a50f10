import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/clock.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp } from '../helpers/test-app.ts';
import { lastClosedOrder, tornSacks } from './complaints-fixtures.ts';
import { demoIds } from './orders-fixtures.ts';

type Charge = { kind: string; netCents: number; gestureId?: number; label: { fr: string } };
type Order = { id: number; status: string; lines: { netCents: number }[]; charges: Charge[]; totals: { netCents: number } };

/**
 * Scenario 9 settled with a gesture: 20 € off Au Pain Doré's next order. The next order takes it off (its totals
 * and acknowledgement show it), once; a cancelled order gives it back to the one after.
 */
describe.each(await testEngines())('a complaint gesture on the next order on %s', (engine) => {
  let t: TestApp;
  let adv: ReturnType<typeof client>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  const gestureOf = (o: Order) => o.charges.filter((c) => c.kind === 'gesture');
  const newOrder = async () => {
    const res = await adv.post('/api/orders', {
      customerId: ids.customer('C021'),
      channel: 'phone',
      lines: [{ productId: ids.product('FAR-T65-S25').id, quantity: 20 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Order>();
  };
  const gestureRow = async () => t.handle.db.selectFrom('customerGestures').select(['id', 'appliedOrderId']).executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestApp(engine, { clock: fixedClock('2026-01-19T07:30:00.000Z') });
    ids = await demoIds(t.handle.db);
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
    const customerId = ids.customer('C021');
    const complaint = (await adv.post('/api/complaints', tornSacks(customerId, await lastClosedOrder(adv, customerId)))).json<{
      id: number;
      number: string;
    }>();
    const settled = await adv.post(`/api/complaints/${complaint.id}/resolve`, {
      outcome: 'gesture',
      amountCents: 2000,
      note: 'Vingt euros sur la prochaine.',
    });
    expect(settled.statusCode, settled.body).toBe(200);
  }, 120_000);
  afterAll(() => t?.close());

  const pending = async () => {
    const res = await adv.get(`/api/customers/${ids.customer('C021')}/gestures`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: { amountCents: number; complaintNumber: string }[] }>().items;
  };

  it('takes the gesture off the next order, named after its complaint, and binds it when confirmed', async () => {
    // Promised and waiting: his page says so until an order takes it.
    expect(await pending()).toEqual([expect.objectContaining({ amountCents: 2000, complaintNumber: expect.stringMatching(/^REC-/) })]);
    const first = await newOrder();
    const taken = gestureOf(first);
    expect(taken.reduce((s, c) => s + c.netCents, 0)).toBe(-2000);
    expect(taken[0].label.fr).toMatch(/^Geste commercial \(réclamation REC-/);
    // The order comes to its goods and its other charges, less the gesture.
    const goods = first.lines.reduce((sum, l) => sum + l.netCents, 0);
    const others = first.charges.filter((c) => c.kind !== 'gesture').reduce((sum, c) => sum + c.netCents, 0);
    expect(first.totals.netCents).toBe(goods + others - 2000);
    // A draft does not hold it: another draft is priced with it too, until one is confirmed.
    expect((await gestureRow()).appliedOrderId).toBeNull();
    const second = await newOrder();
    expect(gestureOf(second)).toHaveLength(taken.length);

    const confirmed = await adv.post(`/api/orders/${first.id}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect((await gestureRow()).appliedOrderId).toBe(first.id);
    // The other draft, priced with it, is refused until saved again; a new order no longer gets it.
    const refused = await adv.post(`/api/orders/${second.id}/confirm`);
    expect(refused.statusCode).toBe(409);
    expect(gestureOf(await newOrder())).toEqual([]);
    expect(await pending()).toEqual([]);
    // Another customer has none; a customer that does not exist is a 404.
    expect((await adv.get(`/api/customers/${ids.customer('C020')}/gestures`)).json()).toEqual({ items: [] });
    expect((await adv.get('/api/customers/999999/gestures')).statusCode).toBe(404);
  });

  it('gives the gesture back when the order that took it is cancelled', async () => {
    const { appliedOrderId } = await gestureRow();
    const cancelled = await adv.post(`/api/orders/${appliedOrderId}/cancel`, { reason: 'Commande en double' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((await gestureRow()).appliedOrderId).toBeNull();
    expect(gestureOf(await newOrder()).reduce((s, c) => s + c.netCents, 0)).toBe(-2000);
  });
});
