import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../helpers/engines.ts';
import { listen } from '../helpers/raw-http.ts';
import { client, createTestApp, login, type Session, type TestApp } from '../helpers/test-app.ts';
import { demoIds } from './orders-fixtures.ts';

/** The three ways outside tools post an action without saying anything more, as curl sends them. */
const BODIES = {
  'no body': { headers: {} },
  'an empty body sent as JSON': { headers: { 'content-type': 'application/json' }, body: '' },
  '{}': { headers: { 'content-type': 'application/json' }, body: '{}' },
} satisfies Record<string, { headers: Record<string, string>; body?: string }>;

describe.each(await testEngines())('order actions need no body, over real HTTP, on %s', (engine) => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let session: Session;
  let adv: ReturnType<typeof client>;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    ids = await demoIds(t.handle.db);
    session = await login(t.app, 'adv@demo.local');
    adv = client(t.app, session);
    base = `http://127.0.0.1:${await listen(t.app)}`;
    // These orders are about the actions' bodies, not Cap Marché's terms: no assortment, no pallet minimum to approve.
    await t.handle.db.deleteFrom('customerAssortments').where('customerId', '=', ids.customer('C001')).execute();
    await t.handle.db
      .insertInto('customerTerms')
      .values({ customerId: ids.customer('C001'), minOrderPallets: 0, updatedAt: t.app.clock.now().toISOString() })
      .execute();
  });
  afterAll(() => t.close());

  const draft = async () => {
    const res = await adv.post('/api/orders', {
      customerId: ids.customer('C001'),
      channel: 'phone',
      lines: [{ customerCode: 'CM-204511', quantity: 4 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: number; lines: { id: number; quantity: number }[] }>();
  };
  const post = async (url: string, how: (typeof BODIES)[keyof typeof BODIES]) => {
    const res = await fetch(`${base}${url}`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, ...how.headers },
      body: 'body' in how ? how.body : undefined,
    });
    return { status: res.status, body: await res.json() };
  };

  it.each(Object.entries(BODIES))('confirms, releases, ships, closes with %s', async (_, how) => {
    const order = await draft();
    expect(await post(`/api/orders/${order.id}/confirm`, how)).toMatchObject({ status: 200, body: { status: 'confirmed' } });
    expect(await post(`/api/orders/${order.id}/release`, how)).toMatchObject({ status: 200, body: { status: 'released' } });
    const shipped = await post(`/api/orders/${order.id}/ship`, how);
    expect(shipped).toMatchObject({ status: 200, body: { status: 'shipped' } });
    // The delivery note number is optional: without one the server numbers it.
    expect(shipped.body.deliveries[0].deliveryNoteNumber).toEqual(expect.any(String));
    const report = { lines: order.lines.map((l) => ({ lineId: l.id, deliveredQuantity: l.quantity })) };
    expect((await adv.post(`/api/orders/${order.id}/deliver`, report)).statusCode).toBe(200);
    expect(await post(`/api/orders/${order.id}/close`, how)).toMatchObject({ status: 200, body: { status: 'closed' } });
  });

  it.each(Object.entries(BODIES))('cancels with %s, no reason recorded', async (_, how) => {
    const order = await draft();
    expect(await post(`/api/orders/${order.id}/cancel`, how)).toMatchObject({ status: 200, body: { status: 'cancelled' } });
  });

  it('keeps optional fields working and still refuses what is wrong in a body', async () => {
    const order = await draft();
    const withReason = await fetch(`${base}/api/orders/${order.id}/cancel`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'Doublon du bon CM-PO-1' }),
    });
    expect(withReason.status).toBe(200);
    const events = (await adv.get(`/api/orders/${order.id}/events`)).json<{ action: string; note: string | null }[]>();
    expect(events.find((e) => e.action === 'cancel')?.note).toContain('Doublon du bon CM-PO-1');
    // A body an action does not take is still refused by name; a required one missing is named, not "body must be object".
    const other = await draft();
    expect(
      await post(`/api/orders/${other.id}/confirm`, { headers: { 'content-type': 'application/json' }, body: '{"force":true}' }),
    ).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION', errors: [{ path: 'body.force' }] },
    });
    expect(await post(`/api/orders/${other.id}/deliver`, BODIES['no body'])).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION', errors: [{ path: 'body.lines' }] },
    });
    expect(await post(`/api/orders/${other.id}/confirm`, { headers: { 'content-type': 'application/json' }, body: '{' })).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION' },
    });
  });
});
