import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gs1CheckDigit } from '../../core/catalog/packaging.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import { DEMO_PASSWORD } from '../../server/demo/seed.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp } from '../helpers/test-app.ts';

type Client = ReturnType<typeof client>;

/** A GLN of its own for each new customer's ship-to: a GLN names one party. */
const pointGln = (code: string) => {
  const body = `302999${code.replace(/\D/g, '').padStart(6, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
};

const newCustomer = (code: string) => ({
  code,
  name: 'Boulangerie Nouvelle',
  typology: 'ARTISAN',
  siret: '12345678900011',
  street: '3 rue du Four',
  postcode: '45000',
  city: 'Orléans',
  phone: '02 38 00 00 01',
  email: 'contact@nouvelle.example',
  preferredChannel: 'phone',
  paymentTerms: '30J',
  creditLimitCents: 500000,
  deliveryPoints: [
    {
      code: `${code}-DP1`,
      name: 'Fournil',
      gln: pointGln(code),
      street: '3 rue du Four',
      postcode: '45000',
      city: 'Orléans',
      deliveryWeekdays: ['TUE', 'FRI'],
      leadTimeDays: 1,
      cutoffTime: '11:00',
    },
  ],
  contacts: [{ name: 'Paul Nouvel', role: 'gérant', phone: '06 12 34 56 78' }],
});

const newProduct = (code: string) => ({
  code,
  gtin: '3012345009997',
  name: 'Farine de seigle T130 — sac 25 kg',
  family: 'FARINE',
  saleUnit: 'SAC',
  netWeightG: 25000,
  grossWeightG: 25150,
  unitsPerCarton: 1,
  cartonsPerLayer: 5,
  layersPerPallet: 8,
  vatRateBp: 550,
  temperatureClass: 'AMBIANT',
});

describe.each(await testEngines())('master data on %s', (engine) => {
  let t: TestApp;
  let assistant: Client;
  let manager: Client;
  let admin: Client;
  let buyer: Client;

  beforeAll(async () => {
    t = await createTestApp(engine);
    assistant = client(t.app, await login(t.app, 'adv@demo.local'));
    manager = client(t.app, await login(t.app, 'manager@demo.local'));
    admin = client(t.app, await login(t.app, 'admin@demo.local'));
    const martin = await t.handle.db.selectFrom('customers').select('id').where('code', '=', 'C020').executeTakeFirstOrThrow();
    await t.handle.db
      .insertInto('users')
      .values({
        email: 'acheteur@martin.example',
        name: 'Acheteur Martin',
        role: 'buyer',
        passwordHash: await hashPassword(DEMO_PASSWORD),
        customerId: martin.id,
        createdAt: t.app.clock.now().toISOString(),
      })
      .execute();
    buyer = client(t.app, await login(t.app, 'acheteur@martin.example'));
  });
  afterAll(() => t.close());

  const names = async (url: string) => ((await assistant.get(url)).json().items as { name: string }[]).map((c) => c.name);

  describe('customer search', () => {
    it('finds a customer by a word of its name, its code first when typed in full', async () => {
      expect(await names('/api/customers?q=martin')).toContain('Boulangerie Martin');
      expect((await names('/api/customers?q=c020'))[0]).toBe('Boulangerie Martin');
    });

    it('finds a customer by the GLN of the account or of a delivery point', async () => {
      expect(await names('/api/customers?q=3029990000200')).toEqual(['Boulangerie Martin']);
      expect(await names('/api/customers?q=3027000000325')).toEqual(['Pause Croustille (réseau de boulangeries-cafés)']);
    });

    it('finds a customer by phone whatever the spacing', async () => {
      expect(await names('/api/customers?q=0261914001')).toEqual(['Boulangerie Martin']);
      expect(await names('/api/customers?q=02.61.91.40.01')).toEqual(['Boulangerie Martin']);
      expect(await names('/api/customers?q=%2B33%202%2061%2091%2040%2001')).toEqual(['Boulangerie Martin']);
    });

    it('finds a customer by a contact phone, by city, and by a delivery point city', async () => {
      expect(await names('/api/customers?q=0261912002')).toEqual(["Cap Marché — Centrale d'achats Centre-Ouest"]);
      const orleans = await names('/api/customers?q=Orléans');
      expect(orleans).toEqual(expect.arrayContaining(['Boulangerie Martin', 'Pâtisserie Rousseau']));
      expect(await names('/api/customers?q=chilly')).toEqual(["Cap Marché — Centrale d'achats Centre-Ouest"]);
    });

    it('ranks names starting with the text before other matches, pages and counts', async () => {
      const res = await assistant.get('/api/customers?q=boulangerie&limit=2');
      expect(res.json().total).toBeGreaterThan(2);
      expect(res.json().items).toHaveLength(2);
      expect(res.json().items.every((c: { name: string }) => c.name.startsWith('Boulangerie'))).toBe(true);
      expect((await assistant.get('/api/customers?typology=GMS_CENTRALE')).json().total).toBe(4);
    });

    it('takes % and _ as plain characters', async () => {
      expect((await assistant.get('/api/customers?q=%25')).json().total).toBe(0);
    });
  });

  describe('customers', () => {
    it('shows a customer with its delivery points (weekdays as a list) and contacts', async () => {
      const { id } = (await assistant.get('/api/customers?q=C001')).json().items[0];
      const detail = (await assistant.get(`/api/customers/${id}`)).json();
      expect(detail.code).toBe('C001');
      expect(detail.deliveryPoints[0]).toMatchObject({
        code: 'C001-DP1',
        isDefault: true,
        deliveryWeekdays: ['MON', 'TUE', 'WED', 'THU', 'FRI'],
        appointmentRequired: true,
      });
      expect(detail.contacts.map((c: { name: string }) => c.name)).toContain('Sophie Garnier');
      expect((await assistant.get('/api/customers/99999')).statusCode).toBe(404);
    });

    it('creates a customer with its ship-to and contact, audited', async () => {
      const res = await manager.post('/api/customers', newCustomer('C900'));
      expect(res.statusCode).toBe(201);
      const created = res.json();
      expect(created.deliveryPoints).toMatchObject([{ code: 'C900-DP1', isDefault: true, deliveryWeekdays: ['TUE', 'FRI'] }]);
      expect(created.contacts).toMatchObject([{ name: 'Paul Nouvel' }]);
      const audit = await t.handle.db
        .selectFrom('auditEvents')
        .selectAll()
        .where('entityType', '=', 'customer')
        .where('entityId', '=', created.id)
        .execute();
      expect(audit).toMatchObject([{ action: 'create' }]);
      expect(JSON.parse(audit[0].afterJson!).code).toBe('C900');
    });

    it('refuses bad input with the path of each faulty field', async () => {
      const body = newCustomer('C901');
      const res = await manager.post('/api/customers', {
        ...body,
        siret: '1234',
        email: 'not-an-email',
        typology: 'BAKERY',
        deliveryPoints: [{ ...body.deliveryPoints[0], gln: '3029990100208' }],
      });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const paths = res.json().errors.map((e: { path: string }) => e.path);
      expect(paths).toEqual(expect.arrayContaining(['body.siret', 'body.email', 'body.typology']));

      const badGln = await manager.post('/api/customers', {
        ...body,
        deliveryPoints: [{ ...body.deliveryPoints[0], gln: '3029990100208' }],
      });
      expect(badGln.statusCode).toBe(400);
      expect(badGln.json().errors).toEqual([
        { path: 'body.deliveryPoints.0.gln', code: 'check-digit', params: {}, message: 'has a wrong GS1 check digit' },
      ]);

      const badWeekday = await manager.post('/api/customers', {
        ...body,
        deliveryPoints: [{ ...body.deliveryPoints[0], deliveryWeekdays: ['TUESDAY'], cutoffTime: '25:00' }],
      });
      expect(badWeekday.json().errors.map((e: { path: string }) => e.path)).toEqual(
        expect.arrayContaining(['body.deliveryPoints.0.deliveryWeekdays.0', 'body.deliveryPoints.0.cutoffTime']),
      );

      const unknownList = await manager.post('/api/customers', { ...body, priceListId: 9999 });
      expect(unknownList.json().errors).toEqual([
        { path: 'body.priceListId', code: 'not-found', params: { entity: 'price-list', id: 9999 }, message: 'no price list 9999' },
      ]);
      const extra = await manager.post('/api/customers', { ...body, colour: 'blue' });
      expect(extra.json().errors[0].path).toBe('body.colour');
      expect((await manager.post('/api/customers', newCustomer('C020'))).statusCode).toBe(409);
      expect(await t.handle.db.selectFrom('customers').select('id').where('code', '=', 'C901').executeTakeFirst()).toBeUndefined();
    });

    it('edits a customer and keeps before and after in the audit', async () => {
      const { id, ...rest } = (await manager.get('/api/customers?q=C021')).json().items[0];
      const res = await manager.put(`/api/customers/${id}`, { ...rest, paymentTerms: '45FDM', vatNumber: 'FR12345678901' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ paymentTerms: '45FDM', vatNumber: 'FR12345678901' });
      const audit = await t.handle.db
        .selectFrom('auditEvents')
        .selectAll()
        .where('entityType', '=', 'customer')
        .where('entityId', '=', id)
        .where('action', '=', 'update')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(audit.beforeJson!).paymentTerms).toBe(rest.paymentTerms);
      expect(JSON.parse(audit.afterJson!).paymentTerms).toBe('45FDM');
      expect((await manager.put('/api/customers/99999', rest)).statusCode).toBe(404);
    });

    it('adds, edits and moves the default delivery point', async () => {
      const customer = (await manager.get('/api/customers?q=C900')).json().items[0];
      const point = {
        code: 'C900-DP2',
        name: 'Boutique',
        street: '1 place du Martroi',
        postcode: '45000',
        city: 'Orléans',
        deliveryWeekdays: ['MON'],
        leadTimeDays: 0,
        cutoffTime: '10:30',
        windowFrom: '06:00',
        windowTo: '08:00',
      };
      const created = await manager.post(`/api/customers/${customer.id}/delivery-points`, point);
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ isDefault: false, windowFrom: '06:00' });
      const edited = await manager.put(`/api/delivery-points/${created.json().id}`, {
        ...point,
        isDefault: true,
        deliveryWeekdays: ['MON', 'THU'],
      });
      expect(edited.json()).toMatchObject({ isDefault: true, deliveryWeekdays: ['MON', 'THU'] });
      const detail = (await manager.get(`/api/customers/${customer.id}`)).json();
      expect(detail.deliveryPoints.filter((p: { isDefault: boolean }) => p.isDefault).map((p: { code: string }) => p.code)).toEqual([
        'C900-DP2',
      ]);
      const badWindow = await manager.put(`/api/delivery-points/${created.json().id}`, { ...point, windowFrom: '09:00', leadTimeDays: -1 });
      expect(badWindow.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.leadTimeDays']);
      expect(
        (await manager.put(`/api/delivery-points/${created.json().id}`, { ...point, windowFrom: '09:00' })).json().errors[0].path,
      ).toBe('body.windowTo');
      expect((await manager.post(`/api/customers/${customer.id}/delivery-points`, { ...point, code: 'C001-DP1' })).statusCode).toBe(409);
      expect((await manager.post('/api/customers/99999/delivery-points', point)).statusCode).toBe(404);
    });

    it('adds, edits and removes a contact', async () => {
      const customer = (await manager.get('/api/customers?q=C900')).json().items[0];
      const created = await manager.post(`/api/customers/${customer.id}/contacts`, {
        name: 'Anne Comptable',
        email: 'compta@nouvelle.example',
      });
      expect(created.statusCode).toBe(201);
      const edited = await manager.put(`/api/contacts/${created.json().id}`, { name: 'Anne Comptable', phone: '02 38 00 00 02' });
      expect(edited.json()).toMatchObject({ phone: '02 38 00 00 02', email: null });
      expect(await names('/api/customers?q=0238000002')).toEqual(['Boulangerie Nouvelle']);
      expect((await manager.put(`/api/contacts/${created.json().id}`, { name: 'x', email: 'bad' })).json().errors[0].path).toBe(
        'body.email',
      );
      expect((await manager.delete(`/api/contacts/${created.json().id}`)).statusCode).toBe(204);
      expect((await manager.delete(`/api/contacts/${created.json().id}`)).statusCode).toBe(404);
    });

    it("maps the customer's product codes, one product per code", async () => {
      const customer = (await manager.get('/api/customers?q=C900')).json().items[0];
      const product = (await manager.get('/api/products?q=FAR-T55-S25')).json().items[0];
      const created = await manager.post(`/api/customers/${customer.id}/product-codes`, { code: 'NV-55', productId: product.id });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ code: 'NV-55', productCode: 'FAR-T55-S25', unitFactor: 1 });
      expect((await manager.post(`/api/customers/${customer.id}/product-codes`, { code: 'NV-55', productId: product.id })).statusCode).toBe(
        409,
      );
      expect(
        (await manager.post(`/api/customers/${customer.id}/product-codes`, { code: 'NV-56', productId: 99999 })).json().errors[0].path,
      ).toBe('body.productId');
      expect((await assistant.get(`/api/customers/${customer.id}/product-codes`)).json()).toHaveLength(1);
      expect((await manager.delete(`/api/customer-product-codes/${created.json().id}`)).statusCode).toBe(204);
      expect((await assistant.get(`/api/customers/${customer.id}/product-codes`)).json()).toHaveLength(0);
    });
  });

  describe('products', () => {
    it('finds products by code, GTIN and words of the name in any order', async () => {
      const codes = async (q: string) =>
        ((await assistant.get(`/api/products?q=${encodeURIComponent(q)}`)).json().items as { code: string }[]).map((p) => p.code);
      expect(await codes('FAR-T45')).toEqual(expect.arrayContaining(['FAR-T45-S25', 'FAR-T45-1KG']));
      expect((await codes('far-t45-s05'))[0]).toBe('FAR-T45-S05');
      expect(await codes('3012345001014')).toEqual(['FAR-T45-S25']);
      expect(await codes('sac T45 farine')).toContain('FAR-T45-S25');
      expect(
        (await assistant.get('/api/products?status=discontinued'))
          .json()
          .items.every((p: { status: string }) => p.status === 'discontinued'),
      ).toBe(true);
    });

    it('shows a product with its substitutes and stock per warehouse', async () => {
      const { id } = (await assistant.get('/api/products?q=FAR-T45-S25')).json().items[0];
      const detail = (await assistant.get(`/api/products/${id}`)).json();
      expect(detail.substitutes.map((s: { code: string }) => s.code)).toEqual(['FAR-T45-S05']);
      expect(detail.stock.length).toBeGreaterThan(0);
      for (const s of detail.stock) expect(s.available).toBe(s.onHand - s.reserved);
    });

    it('creates and edits a product, validating GTIN, VAT and packaging', async () => {
      const bad = await admin.post('/api/products', {
        ...newProduct('SEI-T130'),
        gtin: '3012345009998',
        vatRateBp: 1000,
        layersPerPallet: null,
        netWeightG: 0,
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['body.vatRateBp', 'body.netWeightG']));
      const badGtin = await admin.post('/api/products', { ...newProduct('SEI-T130'), gtin: '3012345009998', layersPerPallet: null });
      expect(badGtin.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.gtin', 'body.layersPerPallet']);

      const created = await admin.post('/api/products', newProduct('SEI-T130'));
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ code: 'SEI-T130', status: 'active' });
      expect((await admin.post('/api/products', newProduct('SEI-T130'))).statusCode).toBe(409);
      expect((await admin.post('/api/products', { ...newProduct('SEI-T131') })).json().errors[0].path).toBe('body.gtin');

      const bulk = await admin.put(`/api/products/${created.json().id}`, {
        ...newProduct('SEI-T130'),
        saleUnit: 'TONNE',
        cartonsPerLayer: null,
        layersPerPallet: null,
        status: 'discontinued',
        substituteIds: [created.json().id],
      });
      expect(bulk.json().errors[0].path).toBe('body.substituteIds');
      const substitute = (await admin.get('/api/products?q=FAR-T55-S25')).json().items[0];
      const edited = await admin.put(`/api/products/${created.json().id}`, {
        ...newProduct('SEI-T130'),
        saleUnit: 'TONNE',
        cartonsPerLayer: null,
        layersPerPallet: null,
        status: 'discontinued',
        substituteIds: [substitute.id],
      });
      expect(edited.statusCode).toBe(200);
      expect(edited.json()).toMatchObject({ saleUnit: 'TONNE', cartonsPerLayer: null, status: 'discontinued' });
      expect((await admin.get(`/api/products/${created.json().id}`)).json().substitutes).toMatchObject([{ code: 'FAR-T55-S25' }]);
      const audit = await t.handle.db
        .selectFrom('auditEvents')
        .select('action')
        .where('entityType', '=', 'product')
        .where('entityId', '=', created.json().id)
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    });
  });

  describe('warehouses, stock and price lists', () => {
    it('lists, creates and edits warehouses', async () => {
      expect((await assistant.get('/api/warehouses')).json().map((w: { code: string }) => w.code)).toContain('WH-MOULIN');
      expect(
        (await admin.post('/api/warehouses', { code: 'WH-NORD', name: 'Dépôt Nord', gln: '3012345000100' })).json().errors[0].path,
      ).toBe('body.gln');
      const created = await admin.post('/api/warehouses', { code: 'WH-NORD', name: 'Dépôt Nord', city: 'Lille' });
      expect(created.statusCode).toBe(201);
      const edited = await admin.put(`/api/warehouses/${created.json().id}`, { code: 'WH-NORD', name: 'Dépôt Lille', city: 'Lille' });
      expect(edited.json()).toMatchObject({ name: 'Dépôt Lille', street: null });
      expect((await admin.post('/api/warehouses', { code: 'WH-NORD', name: 'Doublon' })).statusCode).toBe(409);
    });

    it('lists stock with filters and sets the quantity on hand', async () => {
      const moulin = (await assistant.get('/api/warehouses')).json().find((w: { code: string }) => w.code === 'WH-MOULIN');
      const items = (await assistant.get(`/api/stock?warehouseId=${moulin.id}&q=T45`)).json().items;
      expect(items.length).toBeGreaterThan(0);
      expect(
        items.every(
          (s: { warehouseCode: string; productCode: string }) => s.warehouseCode === 'WH-MOULIN' && s.productCode.includes('T45'),
        ),
      ).toBe(true);
      const level = items[0];
      const res = await admin.put(`/api/stock/${moulin.id}/${level.productId}`, { onHand: level.reserved + 7 });
      expect(res.json()).toMatchObject({ onHand: level.reserved + 7, reserved: level.reserved, available: 7 });
      expect((await admin.put(`/api/stock/${moulin.id}/${level.productId}`, { onHand: -1 })).json().errors[0].path).toBe('body.onHand');
      expect((await admin.put(`/api/stock/99999/${level.productId}`, { onHand: 1 })).statusCode).toBe(404);
    });

    it('lists price lists and shows one with its tiers', async () => {
      const lists = (await assistant.get('/api/price-lists')).json();
      const gms = lists.find((l: { code: string }) => l.code === 'PL-GMS-2026');
      const detail = (await assistant.get(`/api/price-lists/${gms.id}`)).json();
      expect(detail.items).toEqual(
        expect.arrayContaining([expect.objectContaining({ productCode: 'FAR-T45-S25', minQuantity: 1, unitPriceCents: 1850 })]),
      );
      expect((await assistant.get('/api/price-lists/99999')).statusCode).toBe(404);
    });
  });

  describe('who may do what', () => {
    it('lets an assistant read customers but not write them', async () => {
      expect((await assistant.get('/api/customers')).statusCode).toBe(200);
      expect((await assistant.post('/api/customers', newCustomer('C950'))).statusCode).toBe(403);
      expect((await assistant.post('/api/customers/1/contacts', { name: 'x' })).statusCode).toBe(403);
    });

    it('lets a manager write customers but not products, warehouses or stock', async () => {
      expect((await manager.post('/api/customers', newCustomer('C951'))).statusCode).toBe(201);
      expect((await manager.post('/api/products', newProduct('X-1'))).statusCode).toBe(403);
      expect((await manager.post('/api/warehouses', { code: 'X', name: 'X' })).statusCode).toBe(403);
      expect((await manager.put('/api/stock/1/1', { onHand: 1 })).statusCode).toBe(403);
    });

    it('lets an admin write customers and products', async () => {
      expect((await admin.post('/api/customers', newCustomer('C952'))).statusCode).toBe(201);
    });

    // A buyer reads the products listed for her company (the portal, scoped to it); nothing else of the master data.
    it('refuses a customer buyer everywhere, and anyone without a session', async () => {
      for (const url of [
        '/api/customers',
        '/api/customers/1',
        '/api/customers/1/product-codes',
        '/api/products/1',
        '/api/warehouses',
        '/api/stock',
        '/api/price-lists',
        '/api/price-lists/1',
      ]) {
        expect((await buyer.get(url)).statusCode, url).toBe(403);
        expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
      }
      expect((await buyer.post('/api/customers', newCustomer('C953'))).statusCode).toBe(403);
      expect((await buyer.put('/api/stock/1/1', { onHand: 1 })).statusCode).toBe(403);
    });
  });
});
