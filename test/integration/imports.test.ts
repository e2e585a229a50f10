import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../helpers/engines.ts';
import { multipart } from '../helpers/multipart.ts';
import { createTestApp, login, type Session, type TestApp } from '../helpers/test-app.ts';

const PRICES_HEADER = 'priceListCode;productCode;minQuantity;unitPrice';

describe.each(await testEngines())('imports on %s', (engine) => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await login(t.app, 'admin@demo.local');
  });
  afterAll(() => t.close());

  const upload = (
    kind: string,
    file: { filename: string; content: Buffer | string } | null,
    mode?: string,
    session: Session | null = admin,
  ) => {
    const body = multipart(file, mode);
    return t.app.inject({
      method: 'POST',
      url: `/api/imports/${kind}`,
      payload: body.payload,
      headers: { 'content-type': body.contentType, ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}) },
    });
  };
  const csv = (content: string) => ({ filename: 'data.csv', content });

  const tierPrice = async (listCode: string, productCode: string, minQuantity = 1) => {
    const row = await t.handle.db
      .selectFrom('priceListItems')
      .innerJoin('priceLists', 'priceLists.id', 'priceListItems.priceListId')
      .innerJoin('products', 'products.id', 'priceListItems.productId')
      .select('priceListItems.unitPriceCents')
      .where('priceLists.code', '=', listCode)
      .where('products.code', '=', productCode)
      .where('priceListItems.minQuantity', '=', minQuantity)
      .executeTakeFirst();
    return row?.unitPriceCents ?? null;
  };

  it('serves a template with the header and an example row', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/imports/price-lists/template.csv', headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('priceListCode;priceListName;productCode;minQuantity;unitPrice');
  });

  it('validates without writing, then commits a good products file (";", BOM, decimal comma)', async () => {
    const file = csv(
      '\uFEFFcode;gtin;name;family;saleUnit;netWeightG;grossWeightG;cartonsPerLayer;layersPerPallet;vatRate;temperatureClass\r\n' +
        'IMP-SEI-25;3012345009997;Farine de seigle T130 — sac 25 kg;FARINE;SAC;25000;25150;5;8;5,5;AMBIANT\r\n' +
        'IMP-VRAC;;Farine T65 vrac;FARINE;TONNE;1000000;1000000;;;5,5;ambiant\r\n',
    );
    const check = await upload('products', file, 'validate');
    expect(check.json()).toEqual({ kind: 'products', mode: 'validate', totalRows: 2, validRows: 2, written: 0, errors: [] });
    expect(await t.handle.db.selectFrom('products').select('id').where('code', 'like', 'IMP-%').execute()).toHaveLength(0);

    const res = await upload('products', file, 'commit');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ written: 2, errors: [] });
    const rows = await t.handle.db.selectFrom('products').selectAll().where('code', 'like', 'IMP-%').orderBy('code').execute();
    expect(rows.map((r) => [r.code, r.vatRateBp, r.cartonsPerLayer, r.status])).toEqual([
      ['IMP-SEI-25', 550, 5, 'active'],
      ['IMP-VRAC', 550, null, 'active'],
    ]);
    const audit = await t.handle.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityType', '=', 'product')
      .where('entityId', '=', rows[0].id)
      .execute();
    expect(audit).toEqual([{ action: 'import' }]);
  });

  it('upserts by code: a second import updates the product and keeps its status when the cell is empty', async () => {
    await t.handle.db.updateTable('products').set({ status: 'discontinued' }).where('code', '=', 'IMP-VRAC').execute();
    const res = await upload(
      'products',
      csv(
        'code,name,family,saleUnit,netWeightG,grossWeightG,vatRate,temperatureClass\nIMP-VRAC,Farine T65 vrac (citerne),FARINE,TONNE,1000000,1000000,"5,5",AMBIANT\n',
      ),
      'commit',
    );
    expect(res.json().written).toBe(1);
    const row = await t.handle.db.selectFrom('products').selectAll().where('code', '=', 'IMP-VRAC').executeTakeFirstOrThrow();
    expect([row.name, row.status]).toEqual(['Farine T65 vrac (citerne)', 'discontinued']);
  });

  it('refuses a commit with one bad row (422, row by row) and writes nothing', async () => {
    const before = await tierPrice('PL-GMS-2026', 'FAR-T45-S25');
    const file = csv(
      `${PRICES_HEADER}\nPL-GMS-2026;FAR-T45-S25;1;19,90\nPL-GMS-2026;NOPE;1;3\nPL-GMS-2026;FAR-T55-S25;1;abc\nPL-GMS-2026;FAR-T45-S25;1;20\n`,
    );
    const res = await upload('price-lists', file, 'commit');
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 422, code: 'UNPROCESSABLE' });
    expect(res.json().errors).toEqual([
      { row: 3, column: 'productCode', code: 'not-found', params: { entity: 'product', id: 'NOPE' }, reason: 'no product with code NOPE' },
      { row: 4, column: 'unitPrice', code: 'not-decimal', params: { value: 'abc' }, reason: '"abc" is not a positive decimal number' },
      { row: 5, column: 'productCode', code: 'repeats-row', params: { row: 2 }, reason: 'repeats row 2' },
    ]);
    expect(await tierPrice('PL-GMS-2026', 'FAR-T45-S25')).toBe(before);
  });

  it('writes only the good rows with commit-valid, and reports the others', async () => {
    const file = csv(`${PRICES_HEADER}\nPL-GMS-2026;FAR-T45-S25;1;19,90\nPL-GMS-2026;NOPE;1;3\nPL-GMS-2026;FAR-T45-S25;50;18,505\n`);
    const res = await upload('price-lists', file, 'commit-valid');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ totalRows: 3, validRows: 2, written: 2, errors: [{ row: 3, column: 'productCode' }] });
    expect(await tierPrice('PL-GMS-2026', 'FAR-T45-S25')).toBe(1990);
    expect(await tierPrice('PL-GMS-2026', 'FAR-T45-S25', 50)).toBe(1851);
  });

  it('creates a price list named in the file, and refuses an unknown code without a name', async () => {
    const res = await upload(
      'price-lists',
      csv(
        'priceListCode;priceListName;productCode;unitPrice\nPL-NEW;Tarif nouveau;FAR-T55-S25;15\nPL-NEW;;FAR-T45-S25;17\nPL-TYPO;;FAR-T45-S25;17\n',
      ),
      'commit-valid',
    );
    expect(res.json()).toMatchObject({ written: 2, errors: [{ row: 4, column: 'priceListCode' }] });
    const list = await t.handle.db.selectFrom('priceLists').selectAll().where('code', '=', 'PL-NEW').executeTakeFirstOrThrow();
    expect(list.name).toBe('Tarif nouveau');
    expect(await tierPrice('PL-NEW', 'FAR-T45-S25')).toBe(1700);
  });

  it('imports customers from an .xlsx workbook, each with its default ship-to', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Clients');
    sheet.addRow([
      'code',
      'name',
      'typology',
      'street',
      'postcode',
      'city',
      'phone',
      'preferredChannel',
      'paymentTerms',
      'creditLimit',
      'priceListCode',
      'deliveryWeekdays',
      'cutoffTime',
      'deliveryPointGln',
    ]);
    sheet.addRow([
      'C700',
      'Boulangerie Importée',
      'ARTISAN',
      '2 rue Neuve',
      '41000',
      'Blois',
      '02 54 00 00 07',
      'phone',
      '30J',
      2500.5,
      'PL-ARTISANS-2026',
      'LUN,JEU',
      '11:30',
      '3029990100993',
    ]);
    sheet.addRow(['C701', 'Sans Jours', 'ARTISAN', '3 rue Neuve', '41000', 'Blois', '', 'fax', '30J', 0, '', '', '11:30', '']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await upload('customers', { filename: 'clients.xlsx', content }, 'commit-valid');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ written: 1, errors: [{ row: 3, column: 'deliveryWeekdays', reason: 'is required' }] });
    const customer = await t.handle.db.selectFrom('customers').selectAll().where('code', '=', 'C700').executeTakeFirstOrThrow();
    expect(customer.creditLimitCents).toBe(250050);
    expect(customer.priceListId).not.toBeNull();
    const points = await t.handle.db.selectFrom('deliveryPoints').selectAll().where('customerId', '=', customer.id).execute();
    expect(points).toMatchObject([{ code: 'C700-DP1', city: 'Blois', deliveryWeekdays: 'MON,THU', isDefault: 1, gln: '3029990100993' }]);
    const session = await login(t.app, 'adv@demo.local');
    const found = await t.app.inject({ method: 'GET', url: '/api/customers?q=0254000007', headers: { cookie: session.cookie } });
    expect(found.json().items.map((c: { code: string }) => c.code)).toEqual(['C700']);
  });

  it('sets stock levels and keeps what is reserved', async () => {
    const level = await t.handle.db
      .selectFrom('stockLevels')
      .innerJoin('warehouses', 'warehouses.id', 'stockLevels.warehouseId')
      .innerJoin('products', 'products.id', 'stockLevels.productId')
      .select(['warehouses.code as warehouseCode', 'products.code as productCode', 'stockLevels.reserved'])
      .executeTakeFirstOrThrow();
    const res = await upload(
      'stock-levels',
      csv(`warehouseCode,productCode,onHand\n${level.warehouseCode},${level.productCode},4321\nWH-NOWHERE,${level.productCode},1\n`),
      'commit-valid',
    );
    expect(res.json()).toMatchObject({ written: 1, errors: [{ row: 3, column: 'warehouseCode' }] });
    const after = await t.handle.db
      .selectFrom('stockLevels')
      .innerJoin('warehouses', 'warehouses.id', 'stockLevels.warehouseId')
      .innerJoin('products', 'products.id', 'stockLevels.productId')
      .select(['stockLevels.onHand', 'stockLevels.reserved'])
      .where('warehouses.code', '=', level.warehouseCode)
      .where('products.code', '=', level.productCode)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ onHand: 4321, reserved: level.reserved });
  });

  it('refuses a malformed file with a 400 naming what is wrong', async () => {
    const quote = await upload(
      'stock-levels',
      csv('warehouseCode;productCode;onHand\nWH-MOULIN;FAR-T45-S25;1\nWH-MOULIN;"FAR-T55-S25;2\n'),
      'commit',
    );
    expect(quote.statusCode).toBe(400);
    expect(quote.json().detail).toMatch(/row 3/);
    const header = await upload('stock-levels', csv('entrepot;produit;quantite\nWH-MOULIN;FAR-T45-S25;1\n'), 'commit');
    expect(header.statusCode).toBe(400);
    expect(header.json().detail).toMatch(/Unknown column\(s\) in the header: entrepot, produit, quantite/);
    expect((await upload('stock-levels', csv(''), 'commit')).json().detail).toMatch(/empty/);
    expect((await upload('stock-levels', csv('warehouseCode;productCode;onHand\n'), 'commit')).json().detail).toMatch(/no data rows/);
    expect((await upload('stock-levels', { filename: 'x.xlsx', content: Buffer.from('PK\u0003\u0004garbage') }, 'commit')).statusCode).toBe(
      400,
    );
    expect((await upload('stock-levels', null, 'commit')).json().detail).toMatch(/No file/);
    expect(
      (await upload('stock-levels', csv('warehouseCode;productCode;onHand\nWH-MOULIN;FAR-T45-S25;1\n'), 'everything')).json().errors[0]
        .path,
    ).toBe('body.mode');
    expect((await upload('widgets', csv('a\n1\n'), 'commit')).statusCode).toBe(400);
  });

  it('lets only an admin import', async () => {
    const file = csv('warehouseCode;productCode;onHand\nWH-MOULIN;FAR-T45-S25;1\n');
    expect((await upload('stock-levels', file, 'validate', await login(t.app, 'manager@demo.local'))).statusCode).toBe(403);
    expect((await upload('stock-levels', file, 'validate', await login(t.app, 'adv@demo.local'))).statusCode).toBe(403);
    expect((await upload('stock-levels', file, 'validate', null)).statusCode).toBe(401);
  });
});
