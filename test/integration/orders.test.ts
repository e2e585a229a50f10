import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parisNow } from '../../core/calendar/dates.ts';
import { earliestDeliveryDate } from '../../core/calendar/delivery-date.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp } from '../helpers/test-app.ts';
import { demoIds } from './orders-fixtures.ts';

describe.each(await testEngines())('orders: taking and finding orders on %s', (engine) => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let adv: ReturnType<typeof client>;
  let manager: ReturnType<typeof client>;
  let admin: ReturnType<typeof client>;
  beforeAll(async () => {
    t = await createTestApp(engine);
    ids = await demoIds(t.handle.db);
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
    manager = client(t.app, await login(t.app, 'manager@demo.local'));
    admin = client(t.app, await login(t.app, 'admin@demo.local'));
  });
  afterAll(() => t.close());

  const capMarcheOrder = () => ({
    customerId: ids.customer('C001'),
    customerRef: 'CM-PO-900001',
    channel: 'phone',
    lines: [
      { customerCode: 'CM-204511', quantity: 40 }, // FAR-T45-1KG at 7.20
      { customerCode: 'CM-204512', quantity: 20 }, // FAR-T55-1KG at 6.70
      { productId: ids.product('FAR-T65-S25').id, quantity: 10 }, // 19.50
      { gtin: '3012345001021', quantity: 8 }, // FAR-T55-S25 by its GTIN-13, 16.50
      { gtin: '13012345001233', quantity: 5 }, // FAR-T65BIO-1KG by its case GTIN-14, 14.90
    ],
  });

  it('creates a 5-line draft priced from the customer list, lines named by our id, a GTIN-13, a case GTIN-14 or the customer code', async () => {
    const res = await adv.post('/api/orders', capMarcheOrder());
    expect(res.statusCode).toBe(201);
    const order = res.json();
    expect(order.number).toMatch(/^CDE-\d{6}-\d{5}$/);
    expect(order.number.slice(4, 10)).toBe(parisNow(t.app.clock.now()).date.replace('-', '').slice(0, 6));
    expect(order.status).toBe('draft');
    expect(order.availableActions).toEqual(['confirm', 'cancel']);
    expect(
      order.lines.map(
        (l: { productCode: string; quantity: number; unitPriceCents: number; netCents: number; customerCode: string | null }) => [
          l.productCode,
          l.customerCode,
          l.quantity,
          l.unitPriceCents,
          l.netCents,
        ],
      ),
    ).toEqual([
      ['FAR-T45-1KG', 'CM-204511', 40, 720, 28800],
      ['FAR-T55-1KG', 'CM-204512', 20, 670, 13400],
      ['FAR-T65-S25', null, 10, 1950, 19500],
      ['FAR-T55-S25', null, 8, 1650, 13200],
      ['FAR-T65BIO-1KG', null, 5, 1490, 7450],
    ]);
    expect(order.lines.every((l: { id: number; status: string }) => l.id > 0 && l.status === 'open')).toBe(true);
    // 823.50 € of goods, 1.26 pallets: below Cap Marché's 6-pallet franco, so the 150 € shipping fee is a charge at the goods' VAT rate.
    expect(order.charges).toEqual([
      { kind: 'shipping', label: { fr: 'Participation aux frais de transport', en: 'Shipping fee' }, netCents: 15000, vatRateBp: 550 },
    ]);
    expect(order.totals).toMatchObject({
      netCents: 97350,
      vatCents: 5354,
      grossCents: 102704,
      vat: [{ rateBp: 550, baseCents: 97350, vatCents: 5354 }],
    });
    expect(order.findings.find((f: { rule: string }) => f.rule === 'franco')).toMatchObject({
      severity: 'info',
      lineId: null,
      data: { feeCents: 15000 },
    });
    // Defaults: the customer's default delivery point and the earliest date its calendar allows.
    const point = await t.handle.db
      .selectFrom('deliveryPoints')
      .selectAll()
      .where('id', '=', ids.point('C001-DP1'))
      .executeTakeFirstOrThrow();
    expect(order.deliveryPointId).toBe(point.id);
    expect(order.requestedDate).toBe(
      earliestDeliveryDate(parisNow(t.app.clock.now()), { ...point, deliveryWeekdays: point.deliveryWeekdays.split(',') as never }),
    );
    expect(order.customerName).toMatch(/^Cap Marché/);
    // Stored totals agree with the ones computed on read.
    const row = await t.handle.db.selectFrom('orders').selectAll().where('id', '=', order.id).executeTakeFirstOrThrow();
    expect([Number(row.netCents), Number(row.vatCents), Number(row.grossCents), Number(row.chargesNetCents), row.createdBy]).toEqual([
      97350,
      5354,
      102704,
      15000,
      ids.user('adv@demo.local').id,
    ]);
  });

  it('applies the unit factor of a customer code and keeps a given delivery point and date', async () => {
    await t.handle.db.updateTable('customerProductCodes').set({ unitFactor: 10 }).where('code', '=', 'CM-301877').execute();
    const res = await manager.post('/api/orders', {
      customerId: ids.customer('C001'),
      deliveryPointId: ids.point('C001-DP2'),
      requestedDate: '2030-03-12',
      channel: 'email',
      lines: [{ customerCode: 'CM-301877', quantity: 3 }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ deliveryPointId: ids.point('C001-DP2'), requestedDate: '2030-03-12', channel: 'email' });
    expect(res.json().lines[0]).toMatchObject({ productCode: 'SUC-CRI-1KG', quantity: 30, unitPriceCents: 940, netCents: 28200 });
  });

  it('edits a draft, replacing its lines, and audits the change with before and after', async () => {
    const created = (await adv.post('/api/orders', capMarcheOrder())).json();
    const res = await adv.put(`/api/orders/${created.id}`, {
      ...capMarcheOrder(),
      customerRef: 'CM-PO-900002',
      note: 'livrer avant 8 h',
      lines: [{ productId: ids.product('FAR-T45-S25').id, quantity: 12 }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: created.id,
      number: created.number,
      customerRef: 'CM-PO-900002',
      note: 'livrer avant 8 h',
      totals: { netCents: 12 * 1850 + 15000 },
    }); // + shipping below franco
    expect(res.json().lines).toHaveLength(1);
    const events = (await adv.get(`/api/orders/${created.id}/events`)).json();
    expect(events.map((e: { action: string }) => e.action)).toEqual(['create', 'update']);
    expect(events[1].userName).toBe('Léa Moreau');
    expect(events[1].before).toMatchObject({ customerRef: 'CM-PO-900001', netCents: 97350 });
    expect(events[1].before.lines).toHaveLength(5);
    expect(events[1].after).toMatchObject({
      customerRef: 'CM-PO-900002',
      lines: [{ productId: ids.product('FAR-T45-S25').id, quantity: 12, unitPriceCents: 1850 }],
    });

    // 12 sacks outside Cap Marché's assortment, under its one-pallet minimum: a manager approves before it confirms.
    expect((await manager.post(`/api/orders/${created.id}/approve`, { reason: 'dépannage exceptionnel' })).statusCode).toBe(200);
    expect((await adv.post(`/api/orders/${created.id}/confirm`)).statusCode).toBe(200);
    const refused = await adv.put(`/api/orders/${created.id}`, capMarcheOrder());
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'INVALID_TRANSITION', status: 409, currentStatus: 'confirmed' });
  });

  it('lists orders newest first, with customer name, totals and line count, filtered every way', async () => {
    const c020 = ids.customer('C020');
    const a = (
      await adv.post('/api/orders', {
        customerId: c020,
        channel: 'fax',
        customerRef: 'Martin-Fax-0042',
        requestedDate: '2031-01-07',
        lines: [{ productId: ids.product('FAR-T65-S25').id, quantity: 4 }],
      })
    ).json();
    const b = (
      await adv.post('/api/orders', {
        customerId: c020,
        channel: 'portal',
        requestedDate: '2031-01-21',
        lines: [
          { productId: ids.product('FAR-T65-S25').id, quantity: 12 },
          { productId: ids.product('FAR-T80-S25').id, quantity: 2 },
        ],
      })
    ).json();
    expect((await adv.post(`/api/orders/${b.id}/confirm`)).statusCode).toBe(200); // above the artisans' 250 € minimum

    const all = (await adv.get('/api/orders?limit=3')).json();
    expect(all.total).toBeGreaterThan(70);
    expect(all.items).toHaveLength(3);
    expect(all.items[0]).toMatchObject({
      id: b.id,
      customerName: 'Boulangerie Martin',
      status: 'confirmed',
      lineCount: 2,
      channel: 'portal',
    });
    expect(all.items[0].totals.grossCents).toBe(b.totals.grossCents);

    const numbers = async (query: string) => (await adv.get(`/api/orders?${query}`)).json().items.map((o: { number: string }) => o.number);
    expect(await numbers(`customerId=${c020}&status=draft`)).toContain(a.number);
    expect(await numbers(`customerId=${c020}&status=draft`)).not.toContain(b.number);
    expect(await numbers(`customerId=${c020}&status=confirmed`)).toContain(b.number);
    expect(await numbers('channel=fax&from=2031-01-01')).toEqual([a.number]);
    expect(await numbers('channel=portal&from=2031-01-01')).toEqual([b.number]);
    expect(await numbers('from=2031-01-01&to=2031-01-10')).toEqual([a.number]);
    expect(await numbers('from=2031-01-08')).toEqual([b.number]);
    expect(await numbers(`q=${a.number.slice(-5)}`)).toEqual([a.number]);
    expect(await numbers('q=martin-FAX')).toEqual([a.number]); // the PO reference, whatever the case
    expect(await numbers('q=100%25')).toEqual([]); // a literal %, not a wildcard
    expect((await adv.get('/api/orders?status=lost')).statusCode).toBe(400);
    const page2 = (await adv.get(`/api/orders?customerId=${c020}&limit=1&offset=1`)).json();
    expect(page2.items[0].number).toBe(a.number);
  });

  it('gives the entry screen its context: customer, codes, price tiers, earliest date per delivery point, today', async () => {
    const res = await adv.get(`/api/customers/${ids.customer('C001')}/order-context`);
    expect(res.statusCode).toBe(200);
    const ctx = res.json();
    expect(ctx.customer.code).toBe('C001');
    expect(ctx.customer.deliveryPoints.map((p: { code: string }) => p.code)).toEqual(['C001-DP1', 'C001-DP2']);
    expect(ctx.customer.deliveryPoints[0].deliveryWeekdays).toEqual(['MON', 'TUE', 'WED', 'THU', 'FRI']);
    expect(ctx.customer.contacts.length).toBeGreaterThan(0);
    expect(ctx.productCodes).toContainEqual({ code: 'CM-204511', productId: ids.product('FAR-T45-1KG').id, unitFactor: 1 });
    expect(ctx.prices).toContainEqual({ productId: ids.product('FAR-T45-1KG').id, minQuantity: 1, unitPriceCents: 720 });
    expect(ctx.today).toBe(parisNow(t.app.clock.now()).date);
    expect(Object.keys(ctx.earliestDates)).toEqual(ctx.customer.deliveryPoints.map((p: { id: number }) => String(p.id)));
    expect(ctx.earliestDates[String(ids.point('C001-DP1'))] > ctx.today).toBe(true);
    expect((await adv.get('/api/customers/999999/order-context')).statusCode).toBe(404);
  });

  it('lets staff read, and only the order desk write', async () => {
    const body = capMarcheOrder();
    const forbidden = await admin.post('/api/orders', body);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('FORBIDDEN');
    expect((await admin.get('/api/orders')).statusCode).toBe(200);
    const created = (await manager.post('/api/orders', body)).json();
    expect((await admin.get(`/api/orders/${created.id}`)).statusCode).toBe(200);
    expect((await admin.post(`/api/orders/${created.id}/confirm`)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/orders' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/orders', payload: body })).statusCode).toBe(401);
    const session = await login(t.app, 'adv2@demo.local');
    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/orders', payload: body, headers: { cookie: session.cookie } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('CSRF');
    expect((await adv.get('/api/orders/999999')).statusCode).toBe(404);
  });

  it('publishes every order route in OpenAPI', async () => {
    const paths = Object.keys((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths);
    for (const p of [
      '/api/orders',
      '/api/orders/{id}',
      '/api/orders/{id}/ship',
      '/api/orders/{id}/events',
      '/api/orders/{id}/documents',
      '/api/documents/{id}',
      '/api/customers/{id}/order-context',
    ]) {
      expect(paths).toContain(p);
    }
  });
});
