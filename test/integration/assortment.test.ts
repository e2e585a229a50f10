import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp } from '../helpers/test-app.ts';
import { demoIds } from './orders-fixtures.ts';

type Client = ReturnType<typeof client>;
type Assortment = { restricted: boolean; products: { productId: number; productCode: string }[] };

/**
 * Issue 16, item 3: a customer's assortment changed one product at a time on the customer page — managers and admins
 * list and unlist, assistants read; each change audited and read back, the list exported to Excel.
 */
describe.each(await testEngines())('a customer assortment, product by product, on %s', (engine) => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let assistant: Client;
  let manager: Client;
  let admin: Client;
  let cap: number;
  let martin: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    ids = await demoIds(t.handle.db);
    assistant = client(t.app, await login(t.app, 'adv@demo.local'));
    manager = client(t.app, await login(t.app, 'manager@demo.local'));
    admin = client(t.app, await login(t.app, 'admin@demo.local'));
    cap = ids.customer('C001');
    martin = ids.customer('C020');
  });
  afterAll(() => t.close());

  const url = (customer: number, code: string) => `/api/customers/${customer}/assortment/${ids.product(code).id}`;
  const codes = async (customer: number) =>
    (await assistant.get(`/api/customers/${customer}/assortment`)).json<Assortment>().products.map((p) => p.productCode);

  it('lists a product (managers and admins), refuses it twice, and says since when and by whom', async () => {
    const before = await codes(cap);
    const product = 'FAR-T65BIO-1KG';
    expect(before).not.toContain(product);
    expect((await assistant.put(url(cap, product))).statusCode).toBe(403);
    const listed = await manager.put(url(cap, product));
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json<Assortment>()).toMatchObject({ restricted: true });
    expect(await codes(cap)).toEqual([...before, product].sort());
    const again = await admin.put(url(cap, product));
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/FAR-T65BIO-1KG/);
    expect((await manager.put(`/api/customers/${cap}/assortment/999999`)).statusCode).toBe(404);
    expect((await manager.put(`/api/customers/999999/assortment/${ids.product(product).id}`)).statusCode).toBe(404);
    const bad = await manager.put(`/api/customers/${cap}/assortment/abc`);
    expect(bad.statusCode).toBe(400);

    const [event] = (await assistant.get(`/api/customers/${cap}/assortment/history`)).json();
    expect(event).toMatchObject({ action: 'add-product', userName: 'Claire Dubois' });
    expect(event.after.productIds).toContain(ids.product(product).id);
    expect(event.before.productIds).not.toContain(ids.product(product).id);

    const res = await assistant.get(`/api/customers/${cap}/assortment.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="referencement-client-${cap}.xlsx"`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]).toContain('Référencé le');
    const row = rows.find((r) => r.includes(product))!;
    expect(row).toContain('Claire Dubois');
    expect(row.find((v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))).toBeDefined();
    expect(rows).toHaveLength(before.length + 2);
  });

  it('takes a product out, audited; one not listed is a 404, the last of a restricted assortment a 409', async () => {
    const product = 'FAR-T65BIO-1KG';
    expect((await assistant.delete(url(cap, product))).statusCode).toBe(403);
    const out = await admin.delete(url(cap, product));
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json<Assortment>().products.map((p) => p.productCode)).not.toContain(product);
    expect((await admin.delete(url(cap, product))).statusCode).toBe(404);
    const [event] = (await assistant.get(`/api/customers/${cap}/assortment/history`)).json();
    expect(event).toMatchObject({ action: 'remove-product', userName: 'Marc Lemoine' });

    // Martin's assortment, restricted to one product: taking it out would leave him nothing to order.
    const only = ids.product('FAR-T45-1KG').id;
    expect((await manager.put(`/api/customers/${martin}/assortment`, { restricted: true, productIds: [only] })).statusCode).toBe(200);
    const last = await manager.delete(url(martin, 'FAR-T45-1KG'));
    expect(last.statusCode).toBe(409);
    expect(last.json().detail).toMatch(/last product of a restricted assortment/);
    // Opened, the list may be emptied.
    expect((await manager.put(`/api/customers/${martin}/assortment`, { restricted: false, productIds: [only] })).statusCode).toBe(200);
    expect((await manager.delete(url(martin, 'FAR-T45-1KG'))).statusCode).toBe(200);
    expect(await codes(martin)).toEqual([]);
    expect((await assistant.get('/api/customers/999999/assortment/history')).statusCode).toBe(404);
  });

  it('lists a product for a customer who had no assortment yet: the list starts open', async () => {
    const fresh = ids.customer('C025');
    const res = await manager.put(url(fresh, 'SUC-GLA-S10'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Assortment>()).toMatchObject({ restricted: false, products: [{ productCode: 'SUC-GLA-S10' }] });
  });
});
