import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortalCustomerStockSchema } from '../../core/customer-stock/customer-stock.schemas.ts';
import { testEngines } from '../helpers/engines.ts';
import { multipart } from '../helpers/multipart.ts';
import { client, createTestApp, login, type Session, type TestApp } from '../helpers/test-app.ts';
import { demoIds } from './orders-fixtures.ts';

/**
 * Pause Croustille's buyer (customer A, under customer stocks in the demo) sends her stock report from the portal and
 * reads back what she declared; Au Pain Doré's buyer (customer B, without them) is refused her own until the desk
 * turns them on, and customer A's stock answers her 404.
 */
describe.each(await testEngines())("a buyer's stock report on the portal on %s", (engine) => {
  let t: TestApp;
  let buyerA: Session;
  let buyerB: Session;
  let a: number;
  let b: number;
  let product: string;

  const upload = (customerId: number, content: string, mode: string, session: Session) => {
    const body = multipart({ filename: 'stock.csv', content }, mode);
    return t.app.inject({
      method: 'POST',
      url: `/api/customers/${customerId}/stock-reports`,
      payload: body.payload,
      headers: { 'content-type': body.contentType, cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    });
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    const ids = await demoIds(t.handle.db);
    a = ids.customer('C042');
    b = ids.customer('C021');
    [buyerA, buyerB] = await Promise.all([login(t.app, 'achats@pause-croustille.demo'), login(t.app, 'commandes@paindore.demo')]);
    product = (await client(t.app, buyerA).get(`/api/customers/${a}/catalogue`)).json().products[0].code;
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('takes her report row by row, and shows her what she declared, nothing of ours', async () => {
    expect((await client(t.app, buyerA).get(`/api/customers/${a}/catalogue`)).json().customerStocks).toBe(true);
    const csv = `deliveryPoint;product;onHand\nC042-DP1;${product};12\nC021-DP1;${product};5\nC042-DP1;${product};beaucoup\n`;
    const checked = await upload(a, csv, 'validate', buyerA);
    expect(checked.statusCode, checked.body).toBe(200);
    expect(checked.json()).toMatchObject({ totalRows: 3, validRows: 1, written: 0 });
    // Another customer's delivery point is not one of hers: refused on its row, like an unknown one.
    expect(checked.json().errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, 'deliveryPoint'],
      [4, 'onHand'],
    ]);
    const written = await upload(a, csv, 'commit-valid', buyerA);
    expect(written.json()).toMatchObject({ written: 1 });

    const stock = await client(t.app, buyerA).get(`/api/customers/${a}/stock`);
    expect(stock.statusCode).toBe(200);
    expect(Object.keys(stock.json()).sort()).toEqual(Object.keys(PortalCustomerStockSchema.properties).sort());
    expect(stock.json().items).toEqual([expect.objectContaining({ productCode: product, onHand: 12 })]);
    expect(Object.keys(stock.json().items[0]).sort()).toEqual(
      Object.keys(PortalCustomerStockSchema.properties.items.items.properties).sort(),
    );
    // The desk reads the whole picture.
    const manager = client(t.app, await login(t.app, 'manager@demo.local'));
    expect((await manager.get(`/api/customers/${a}/stock`)).json()).toHaveProperty('settings.enabled', true);
  });

  it("answers another customer's stock 404, and her own 403 until customer stocks apply to her company", async () => {
    const api = client(t.app, buyerB);
    expect((await api.get(`/api/customers/${a}/stock`)).statusCode).toBe(404);
    expect((await upload(a, `deliveryPoint;product;onHand\nC042-DP1;${product};99\n`, 'commit', buyerB)).statusCode).toBe(404);
    expect((await api.get(`/api/customers/${b}/catalogue`)).json().customerStocks).toBe(false);
    expect((await api.get(`/api/customers/${b}/stock`)).statusCode).toBe(403);
    expect((await upload(b, `deliveryPoint;product;onHand\nC021-DP1;${product};3\n`, 'validate', buyerB)).statusCode).toBe(403);
    expect((await api.get(`/api/customers/${b}/order-proposal`)).statusCode).toBe(403);
    expect((await api.get(`/api/customers/${b}/vmi-settings`)).statusCode).toBe(403);

    const manager = client(t.app, await login(t.app, 'manager@demo.local'));
    expect((await manager.put(`/api/customers/${b}/vmi-settings`, { enabled: true, targetCoverDays: 10 })).statusCode).toBe(200);
    expect((await api.get(`/api/customers/${b}/catalogue`)).json().customerStocks).toBe(true);
    expect((await api.get(`/api/customers/${b}/stock`)).json()).toEqual({ customerId: b, items: [] });
  });
});
