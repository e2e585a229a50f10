import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../server/audit/audit.repository.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp } from '../helpers/test-app.ts';
import { demoIds } from './orders-fixtures.ts';

type Client = ReturnType<typeof client>;
const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);

/**
 * Issue 16: a price list's lines changed on the desk by a manager or an admin, read by assistants, audited as master
 * data, so the next quote (priced by the cached rules context) already charges the new price.
 */
describe.each(await testEngines())('price list lines on %s', (engine) => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let assistant: Client;
  let manager: Client;
  let admin: Client;
  let buyer: Client;
  let list: number;
  let martin: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    ids = await demoIds(t.handle.db);
    assistant = client(t.app, await login(t.app, 'adv@demo.local'));
    manager = client(t.app, await login(t.app, 'manager@demo.local'));
    admin = client(t.app, await login(t.app, 'admin@demo.local'));
    buyer = client(t.app, await login(t.app, 'achats@pause-croustille.demo'));
    martin = ids.customer('C020');
    list = (await t.handle.db.selectFrom('customers').select('priceListId').where('id', '=', martin).executeTakeFirstOrThrow())
      .priceListId!;
  });
  afterAll(() => t.close());

  const url = (code: string) => `/api/price-lists/${list}/items/${ids.product(code).id}`;
  const quote = async (code: string, quantity: number) => {
    const res = await assistant.post('/api/orders/quote', {
      customerId: martin,
      channel: 'phone',
      lines: [{ productId: ids.product(code).id, quantity }],
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().lines[0] as { unitPriceCents: number };
  };

  it('lets a manager change a line, and the next quote charges the new price and its tier', async () => {
    const before = await quote('FAR-T65-S25', 10); // warms the rules cache with the old price
    const res = await manager.put(url('FAR-T65-S25'), {
      unitPriceCents: before.unitPriceCents + 111,
      tiers: [{ minQuantity: 20, unitPriceCents: 1000 }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      priceListId: list,
      productCode: 'FAR-T65-S25',
      unitPriceCents: before.unitPriceCents + 111,
      tiers: [{ minQuantity: 20, unitPriceCents: 1000 }],
    });
    expect((await quote('FAR-T65-S25', 10)).unitPriceCents).toBe(before.unitPriceCents + 111);
    expect((await quote('FAR-T65-S25', 25)).unitPriceCents).toBe(1000);
    const detail = (await assistant.get(`/api/price-lists/${list}`)).json();
    expect(detail.items.filter((i: { productCode: string }) => i.productCode === 'FAR-T65-S25')).toHaveLength(2);
    const [event] = await listAuditEvents(t.handle.db, { entityType: 'price_list', entityId: list });
    expect(event).toMatchObject({
      action: 'update',
      userName: expect.any(String),
      before: { unitPriceCents: before.unitPriceCents, tiers: [] },
    });
    const history = (await assistant.get(`/api/price-lists/${list}/history`)).json();
    expect(history[0]).toMatchObject({
      action: 'update',
      after: { productCode: 'FAR-T65-S25', unitPriceCents: before.unitPriceCents + 111 },
    });
  });

  it('refuses assistants and buyers, and unknown lists or products', async () => {
    const body = { unitPriceCents: 1234 };
    expect((await assistant.put(url('FAR-T65-S25'), body)).statusCode).toBe(403);
    expect((await assistant.delete(url('FAR-T65-S25'))).statusCode).toBe(403);
    expect((await buyer.put(url('FAR-T65-S25'), body)).statusCode).toBe(403);
    expect((await buyer.get(`/api/price-lists/${list}/history`)).statusCode).toBe(403);
    expect((await admin.put(`/api/price-lists/99999/items/${ids.product('FAR-T65-S25').id}`, body)).statusCode).toBe(404);
    expect((await admin.put(`/api/price-lists/${list}/items/99999`, body)).statusCode).toBe(404);
    expect((await assistant.get('/api/price-lists/99999/history')).statusCode).toBe(404);
  });

  it('says which field is wrong: a negative price, a threshold given twice, a tier dearer than the unit price', async () => {
    const negative = await admin.put(url('FAR-T65-S25'), { unitPriceCents: -1 });
    expect(negative.statusCode).toBe(400);
    expect(negative.headers['content-type']).toContain('application/problem+json');
    expect(paths(negative.json())).toEqual(['body.unitPriceCents']);
    const bad = await admin.put(url('FAR-T65-S25'), {
      unitPriceCents: 2000,
      tiers: [
        { minQuantity: 10, unitPriceCents: 1900 },
        { minQuantity: 10, unitPriceCents: 2100 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad.json())).toEqual(['body.tiers.1.minQuantity', 'body.tiers.1.unitPriceCents']);
    const one = await admin.put(url('FAR-T65-S25'), { unitPriceCents: 2000, tiers: [{ minQuantity: 1, unitPriceCents: 1900 }] });
    expect(paths(one.json())).toEqual(['body.tiers.0.minQuantity']);
  });

  it('ends a line: the list no longer prices the product, audited; a second end is a 404', async () => {
    expect((await manager.delete(url('SUC-GLA-S10'))).statusCode).toBe(204);
    const detail = (await assistant.get(`/api/price-lists/${list}`)).json();
    expect(detail.items.some((i: { productCode: string }) => i.productCode === 'SUC-GLA-S10')).toBe(false);
    expect((await manager.delete(url('SUC-GLA-S10'))).statusCode).toBe(404);
    const history = (await assistant.get(`/api/price-lists/${list}/history`)).json();
    expect(history[0]).toMatchObject({ action: 'delete', before: { productCode: 'SUC-GLA-S10' }, after: null });
    // Back on the list: a line the list did not have is created.
    const created = await admin.put(url('SUC-GLA-S10'), { unitPriceCents: 1500 });
    expect(created.statusCode).toBe(200);
    expect((await assistant.get(`/api/price-lists/${list}/history`)).json()[0].action).toBe('create');
  });

  it("exports the list's lines to Excel, one row per product with its tiers", async () => {
    const res = await assistant.get(`/api/price-lists/${list}/items.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="liste-de-prix-[\w-]+\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]).toContain('Code article');
    const t65 = rows.find((r) => r.includes('FAR-T65-S25'))!;
    expect(t65).toContain('20 : 10,00');
    expect((await buyer.get(`/api/price-lists/${list}/items.xlsx`)).statusCode).toBe(403);
  });
});
