import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, parisNow } from '../../core/calendar/dates.ts';
import { testEngines } from '../helpers/engines.ts';
import { multipart } from '../helpers/multipart.ts';
import { fixedClock } from '../../server/clock.ts';
import { client, createTestApp, login, type Session, type TestApp, TEST_NOW } from '../helpers/test-app.ts';
import { demoIds } from './orders-fixtures.ts';

describe.each(await testEngines())('availability and planned receipts on %s', (engine) => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let adv: ReturnType<typeof client>;
  let manager: ReturnType<typeof client>;
  let admin: Session;
  const clock = fixedClock(TEST_NOW);
  const today = parisNow(clock.now()).date;

  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
    ids = await demoIds(t.handle.db);
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
    manager = client(t.app, await login(t.app, 'manager@demo.local'));
    admin = await login(t.app, 'admin@demo.local');
  });
  afterAll(() => t.close());

  it('says what can be promised on a date, per warehouse, and when a quantity is complete (the T55 run in three days)', async () => {
    const t55 = ids.product('FAR-T55-S25').id;
    const res = await adv.get(`/api/availability?productId=${t55}&date=${today}&quantity=2000`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ productId: t55, date: today, promisable: 1120, earliestCompleteDate: addDays(today, 3) });
    expect(res.json().byWarehouse).toEqual([
      { warehouseId: expect.any(Number), onHand: 1120, reserved: 0, tooOld: 0, receipts: 0, reservations: 0, promisable: 1120 },
    ]);
    expect((await adv.get(`/api/availability?productId=${t55}&date=${addDays(today, 3)}`)).json().promisable).toBe(2320);
    expect((await adv.get(`/api/availability?productId=${t55}&date=${today}&quantity=2400`)).json().earliestCompleteDate).toBeNull();
  });

  it("does not count a lot too old for Cap Marché's 66 % for Cap Marché, and counts it for an artisan", async () => {
    const t65 = ids.product('FAR-T65-S25').id;
    // 270 days of life, 70 left: 26 % for Cap Marché.
    await t.handle.db
      .updateTable('stockLots')
      .set({ productionDate: addDays(today, -200), bestBefore: addDays(today, 70) })
      .where('productId', '=', t65)
      .execute();
    const cap = (await adv.get(`/api/availability?productId=${t65}&date=${today}&customerId=${ids.customer('C001')}`)).json();
    expect(cap).toMatchObject({ minRemainingShelfLifePct: 66, promisable: 0, earliestCompleteDate: addDays(today, 4) });
    expect(cap.byWarehouse[0]).toMatchObject({ onHand: 480, tooOld: 480, promisable: 0 });
    const artisan = (await adv.get(`/api/availability?productId=${t65}&date=${today}&customerId=${ids.customer('C020')}`)).json();
    expect(artisan).toMatchObject({ minRemainingShelfLifePct: null, promisable: 480 });
  });

  it('has every product of the demo in lots, sugar included: what leaves names its lot and DDM', async () => {
    const db = t.handle.db;
    const levels = await db.selectFrom('stockLevels').select(['warehouseId', 'productId', 'onHand']).execute();
    const lots = await db.selectFrom('stockLots').select(['warehouseId', 'productId', 'quantity']).execute();
    const inLots = (l: { warehouseId: number; productId: number }) =>
      lots.filter((x) => x.warehouseId === l.warehouseId && x.productId === l.productId).reduce((sum, x) => sum + Number(x.quantity), 0);
    expect(levels.filter((l) => inLots(l) < Number(l.onHand))).toEqual([]);
  });

  it('refuses bad queries by field and unknown records', async () => {
    const bad = await adv.get('/api/availability?productId=0&date=2026-13-01');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['querystring.date', 'querystring.productId']);
    expect((await adv.get(`/api/availability?productId=99999&date=${today}`)).statusCode).toBe(404);
  });

  it('lets a manager move a receipt, keeping its original date, audited; an assistant only reads', async () => {
    const t45 = ids.product('FAR-T45-S25').id;
    const [receipt] = (await adv.get(`/api/planned-receipts?productId=${t45}`)).json().items;
    expect(receipt).toMatchObject({
      ref: 'OF-26-0141',
      quantity: 800,
      status: 'planned',
      date: addDays(today, 2),
      originalDate: addDays(today, 2),
    });
    const body = {
      warehouseId: receipt.warehouseId,
      productId: t45,
      date: addDays(today, 5),
      quantity: 600,
      kind: 'PRODUCTION',
      ref: 'OF-26-0141',
    };
    expect((await adv.put(`/api/planned-receipts/${receipt.id}`, body)).statusCode).toBe(403);
    const moved = await manager.put(`/api/planned-receipts/${receipt.id}`, body);
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ date: addDays(today, 5), originalDate: addDays(today, 2), quantity: 600 });
    const audit = await t.handle.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('entityType', '=', 'planned_receipt')
      .where('entityId', '=', receipt.id)
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('update');
    expect((await manager.post('/api/planned-receipts', { ...body, ref: 'OF-26-0141' })).statusCode).toBe(409);
    const created = await manager.post('/api/planned-receipts', { ...body, ref: 'OF-26-0999' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ originalDate: addDays(today, 5), status: 'planned' });
    const lots = (await adv.get(`/api/stock-lots?productId=${t45}`)).json().items;
    expect(lots.map((l: { lot: string }) => l.lot)).toEqual(['L26012P', 'L26015Q']);
  });

  it('imports the production plan: moves known receipts, plans new ones, reports bad rows and writes nothing on commit with errors', async () => {
    const upload = (content: string, mode: string) => {
      const body = multipart({ filename: 'plan.csv', content }, mode);
      return t.app.inject({
        method: 'POST',
        url: '/api/imports/planned-receipts',
        payload: body.payload,
        headers: { 'content-type': body.contentType, cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
      });
    };
    const file = [
      'warehouseCode;productCode;ref;date;quantity;kind;status',
      `WH-MOULIN;FAR-T55-S25;OF-26-0142;${addDays(today, 6)};1000;PRODUCTION;planned`,
      `WH-MOULIN;FAR-T80-S25;OF-26-0200;${addDays(today, 8).split('-').reverse().join('/')};300;;`,
      'WH-MOULIN;FAR-T80-S25;OF-26-0201;2026-02-30;-4;USINE;',
      `WH-MOULIN;FAR-XXX;OF-26-0202;${today};10;;`,
    ].join('\n');
    const refused = await upload(file, 'commit');
    expect(refused.statusCode).toBe(422);
    expect(
      refused
        .json()
        .errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)
        .sort(),
    ).toEqual(['4:date', '4:kind', '4:quantity', '5:productCode']);
    const written = await upload(file, 'commit-valid');
    expect(written.json()).toMatchObject({ totalRows: 4, validRows: 2, written: 2 });
    const t55 = (await adv.get(`/api/planned-receipts?productId=${ids.product('FAR-T55-S25').id}`)).json().items[0];
    expect(t55).toMatchObject({ date: addDays(today, 6), originalDate: addDays(today, 3), quantity: 1000 });
    const t80 = (await adv.get(`/api/planned-receipts?productId=${ids.product('FAR-T80-S25').id}`)).json().items;
    expect(t80).toMatchObject([{ ref: 'OF-26-0200', date: addDays(today, 8), kind: 'PRODUCTION', status: 'planned' }]);
  });

  it("lets a manager correct a lot's quantity and DDM, audited; the desk reads, a buyer never sees lots", async () => {
    const t45 = ids.product('FAR-T45-1KG').id;
    const [lot] = (await adv.get(`/api/stock-lots?productId=${t45}`)).json().items;
    const onHand = async () =>
      (
        await t.handle.db
          .selectFrom('stockLevels')
          .select('onHand')
          .where('productId', '=', t45)
          .where('warehouseId', '=', lot.warehouseId)
          .executeTakeFirstOrThrow()
      ).onHand;
    const before = await onHand();
    const corrected = await manager.put(`/api/stock-lots/${lot.id}`, { quantity: lot.quantity - 5, bestBefore: addDays(today, 200) });
    expect(corrected.statusCode).toBe(200);
    // The counted lot moves the warehouse's stock by as much: availability and the lots agree.
    expect(await onHand()).toBe(before - 5);
    expect(corrected.json()).toMatchObject({ id: lot.id, lot: lot.lot, quantity: lot.quantity - 5, bestBefore: addDays(today, 200) });
    const event = await t.handle.db
      .selectFrom('auditEvents')
      .select(['beforeJson', 'afterJson'])
      .where('entityType', '=', 'stock_lot')
      .where('entityId', '=', lot.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.beforeJson!)).toMatchObject({ quantity: lot.quantity, bestBefore: lot.bestBefore });
    expect(JSON.parse(event.afterJson!)).toMatchObject({ quantity: lot.quantity - 5, bestBefore: addDays(today, 200) });

    const bad = await manager.put(`/api/stock-lots/${lot.id}`, { quantity: -1, bestBefore: 'demain' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.bestBefore', 'body.quantity']);
    const backwards = await manager.put(`/api/stock-lots/${lot.id}`, { quantity: 1, bestBefore: today, productionDate: addDays(today, 1) });
    expect(backwards.json().errors[0].path).toBe('body.bestBefore');
    expect((await manager.put('/api/stock-lots/99999', { quantity: 1, bestBefore: today })).statusCode).toBe(404);
    expect((await adv.put(`/api/stock-lots/${lot.id}`, { quantity: 1, bestBefore: today })).statusCode).toBe(403);
    const buyer = client(t.app, await login(t.app, 'commandes@paindore.demo'));
    expect((await buyer.get('/api/stock-lots')).statusCode).toBe(403);
    expect((await buyer.put(`/api/stock-lots/${lot.id}`, { quantity: 1, bestBefore: today })).statusCode).toBe(403);

    // The product page reads the corrections back, newest first, the lot named with its warehouse; other products' none.
    const history = await adv.get(`/api/stock-lots/history?productId=${t45}`);
    expect(history.statusCode).toBe(200);
    expect(history.json()).toHaveLength(1);
    expect(history.json()[0]).toMatchObject({
      userName: 'Claire Dubois',
      before: { lot: lot.lot, warehouseCode: lot.warehouseCode, quantity: lot.quantity },
      after: { quantity: lot.quantity - 5, bestBefore: addDays(today, 200) },
    });
    expect((await adv.get(`/api/stock-lots/history?productId=${ids.product('SUC-GLA-S10').id}`)).json()).toEqual([]);
    expect((await adv.get('/api/stock-lots/history?productId=abc')).statusCode).toBe(400);
    expect((await buyer.get(`/api/stock-lots/history?productId=${t45}`)).statusCode).toBe(403);

    // And exports them, as the page lists them.
    const xlsx = await adv.get(`/api/stock-lots.xlsx?productId=${t45}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="lots.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]).toEqual([undefined, 'Dépôt', 'Code article', 'Lot', 'Produit le', 'DDM', 'Quantité']);
    expect(rows.find((r) => r.includes(lot.lot))).toContain(lot.quantity - 5);
    expect(rows.slice(1).every((r) => r[2] === 'FAR-T45-1KG')).toBe(true);
    expect((await buyer.get('/api/stock-lots.xlsx')).statusCode).toBe(403);
  });
});
