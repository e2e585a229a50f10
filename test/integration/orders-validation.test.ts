import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp } from '../helpers/test-app.ts';
import { demoIds, tableCounts } from './orders-fixtures.ts';

describe.each(await testEngines())('orders: bad input is refused, naming the field, and writes nothing on %s', (engine) => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let adv: ReturnType<typeof client>;
  let unpricedForIndustry: number;
  beforeAll(async () => {
    t = await createTestApp(engine);
    ids = await demoIds(t.handle.db);
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
    const listed = t.handle.db
      .selectFrom('priceListItems')
      .innerJoin('priceLists', 'priceLists.id', 'priceListItems.priceListId')
      .select('productId')
      .where('priceLists.code', '=', 'PL-INDUSTRIE-2026T1');
    unpricedForIndustry = (
      await t.handle.db.selectFrom('products').select('id').where('id', 'not in', listed).orderBy('id').executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t.close());

  const valid = () => ({
    customerId: ids.customer('C001'),
    channel: 'phone',
    lines: [
      { productId: ids.product('FAR-T45-1KG').id, quantity: 10 },
      { gtin: '3012345001021', quantity: 2 },
      { customerCode: 'CM-204512', quantity: 3 },
    ],
  });
  const withLine = (i: number, line: object) => {
    const body = valid();
    (body.lines as object[])[i] = line;
    return body;
  };

  const cases: [string, () => unknown, number, string][] = [
    ['a customer id of the wrong type', () => ({ ...valid(), customerId: 'abc' }), 400, 'body.customerId'],
    ['no customer', () => ({ ...valid(), customerId: undefined }), 400, 'body.customerId'],
    ['an unknown customer', () => ({ ...valid(), customerId: 999999 }), 422, 'body.customerId'],
    ["another customer's delivery point", () => ({ ...valid(), deliveryPointId: ids.point('C002-DP1') }), 422, 'body.deliveryPointId'],
    ['an unknown delivery point', () => ({ ...valid(), deliveryPointId: 999999 }), 422, 'body.deliveryPointId'],
    ['an unknown channel', () => ({ ...valid(), channel: 'pigeon' }), 400, 'body.channel'],
    ['a date in the wrong format', () => ({ ...valid(), requestedDate: '12/03/2026' }), 400, 'body.requestedDate'],
    ['a date that does not exist', () => ({ ...valid(), requestedDate: '2026-02-30' }), 422, 'body.requestedDate'],
    ['an order with no line', () => ({ ...valid(), lines: [] }), 400, 'body.lines'],
    ['an order without lines at all', () => ({ ...valid(), lines: undefined }), 400, 'body.lines'],
    ['a zero quantity', () => withLine(0, { productId: ids.product('FAR-T45-1KG').id, quantity: 0 }), 400, 'body.lines.0.quantity'],
    ['a negative quantity', () => withLine(1, { gtin: '3012345001021', quantity: -3 }), 400, 'body.lines.1.quantity'],
    ['a fractional quantity', () => withLine(2, { customerCode: 'CM-204512', quantity: 1.5 }), 400, 'body.lines.2.quantity'],
    [
      'a quantity of the wrong type',
      () => withLine(0, { productId: ids.product('FAR-T45-1KG').id, quantity: 'ten' }),
      400,
      'body.lines.0.quantity',
    ],
    ['an unknown product id', () => withLine(0, { productId: 999999, quantity: 1 }), 422, 'body.lines.0.productId'],
    ['an unknown GTIN', () => withLine(1, { gtin: '3012345999999', quantity: 1 }), 422, 'body.lines.1.gtin'],
    ['a malformed GTIN', () => withLine(1, { gtin: 'FAR-T55', quantity: 1 }), 400, 'body.lines.1.gtin'],
    ['an unknown customer code', () => withLine(2, { customerCode: 'CM-000000', quantity: 1 }), 422, 'body.lines.2.customerCode'],
    ["another customer's code", () => withLine(2, { customerCode: 'DO0045120', quantity: 1 }), 422, 'body.lines.2.customerCode'],
    [
      'a line naming two products',
      () => withLine(1, { productId: ids.product('FAR-T45-1KG').id, gtin: '3012345001021', quantity: 1 }),
      400,
      'body.lines.1',
    ],
    ['a line naming no product', () => withLine(1, { quantity: 1 }), 400, 'body.lines.1'],
    [
      'an unknown line property',
      () => withLine(0, { productId: ids.product('FAR-T45-1KG').id, quantity: 1, discount: 50 }),
      400,
      'body.lines.0.discount',
    ],
    ['an unknown order property', () => ({ ...valid(), status: 'closed' }), 400, 'body.status'],
    [
      'a product not on the price list',
      () => ({
        customerId: ids.customer('C030'),
        channel: 'email',
        lines: [
          { productId: ids.product('FAR-T45-VRAC').id, quantity: 1 },
          { productId: unpricedForIndustry, quantity: 1 },
        ],
      }),
      422,
      'body.lines.1',
    ],
  ];

  it.each(cases)('refuses %s', async (_name, body, status, path) => {
    const before = await tableCounts(t.handle.db);
    const res = await adv.post('/api/orders', body());
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await tableCounts(t.handle.db)).toEqual(before);
  });

  it('names every faulty line at once', async () => {
    const body = {
      ...valid(),
      lines: [
        { productId: 999999, quantity: 1 },
        { gtin: '3012345999999', quantity: 1 },
        { customerCode: 'nope', quantity: 1 },
      ],
    };
    const res = await adv.post('/api/orders', body);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'body.lines.0.productId',
      'body.lines.1.gtin',
      'body.lines.2.customerCode',
    ]);
  });

  it('refuses a body over 1 MB with 413, and a body that is not JSON with 400, writing nothing', async () => {
    const session = await login(t.app, 'adv2@demo.local'); // before counting: a login is audited
    const before = await tableCounts(t.handle.db);
    const huge = { ...valid(), note: 'x'.repeat(1024 * 1024) };
    const res = await adv.post('/api/orders', huge);
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
    const garbled = await t.app.inject({
      method: 'POST',
      url: '/api/orders',
      payload: '{"customerId": 1, "lines": [',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
    });
    expect(garbled.statusCode).toBe(400);
    expect(await tableCounts(t.handle.db)).toEqual(before);
  });

  it('leaves a draft untouched when an edit is refused', async () => {
    const draft = (await adv.post('/api/orders', valid())).json();
    const before = await tableCounts(t.handle.db);
    const res = await adv.put(`/api/orders/${draft.id}`, withLine(2, { customerCode: 'CM-000000', quantity: 1 }));
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].path).toBe('body.lines.2.customerCode');
    expect((await adv.get(`/api/orders/${draft.id}`)).json()).toEqual(draft);
    expect(await tableCounts(t.handle.db)).toEqual(before);
    expect((await adv.put('/api/orders/999999', valid())).statusCode).toBe(404);
  });
});
