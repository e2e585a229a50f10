import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PARTNERS, demoInterchange, demoOrder } from '../../server/edi/demo-orders.ts';
import { ingestFile } from '../../server/edi/ingest.ts';
import { testEngines } from '../helpers/engines.ts';
import { multipart } from '../helpers/multipart.ts';
import { client, createTestApp, login, type Session, type TestApp, TEST_TODAY } from '../helpers/test-app.ts';
import { demoIds } from './orders-fixtures.ts';

// A GLN names one party (core/customers/gln.ts): held once across customer accounts and delivery points, an EDI
// partner's only by its own customer. Probed as issue 9 found it: `PUT /api/customers/14` with Cap Marché's GLN
// answered 200, and every Cap Marché interchange then went to the wrong customer.

const CAP_GLN = '3021000000019'; // C001's account, and the GLN its EDI partner sends as
const SARAN_GLN = '3021000001023'; // C001-DP1
const TODAY = TEST_TODAY;

describe.each(await testEngines())('GLNs on %s', (engine) => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let manager: ReturnType<typeof client>;
  let adminSession: Session;
  const account = async (code: string) => {
    const { id, ...rest } = (await manager.get(`/api/customers?q=${code}`)).json().items[0];
    return { id: id as number, body: rest };
  };
  const point = async (code: string) => {
    const detail = (await manager.get(`/api/customers/${ids.customer(code.slice(0, 4))}`)).json();
    const { id, customerId: _c, isDefault: _d, ...rest } = detail.deliveryPoints.find((p: { code: string }) => p.code === code);
    return { id: id as number, body: rest };
  };
  const glnOf = async (table: 'customers' | 'deliveryPoints', id: number) =>
    (await t.handle.db.selectFrom(table).select('gln').where('id', '=', id).executeTakeFirstOrThrow()).gln;

  beforeAll(async () => {
    t = await createTestApp(engine);
    ids = await demoIds(t.handle.db);
    manager = client(t.app, await login(t.app, 'manager@demo.local'));
    adminSession = await login(t.app, 'admin@demo.local');
  });
  afterAll(() => t.close());

  it("refuses a second customer the EDI partner's GLN with a 409 naming the holder, and Cap Marché's orders still reach Cap Marché", async () => {
    const other = await account('C013');
    const res = await manager.put(`/api/customers/${other.id}`, { ...other.body, gln: CAP_GLN });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      code: 'CONFLICT',
      errors: [{ path: 'body.gln', message: expect.stringContaining('customer C001 Cap Marché') }],
      holder: { kind: 'customer', customerCode: 'C001', customerId: ids.customer('C001') },
    });
    expect(await glnOf('customers', other.id)).toBe(other.body.gln);

    const file = path.join(t.dataDir, 'cap.edi');
    fs.writeFileSync(file, demoInterchange(DEMO_PARTNERS[0], 'GLN-1', TODAY, [demoOrder(DEMO_PARTNERS[0], 911, TODAY, 1)]));
    const [taken] = await ingestFile(t.handle.db, file, { door: 'cli', clock: t.app.clock });
    const order = await t.handle.db
      .selectFrom('orders')
      .select('customerId')
      .where('id', '=', taken.messages[0].orderId!)
      .executeTakeFirstOrThrow();
    expect(order.customerId).toBe(ids.customer('C001'));
  });

  it("refuses an account a delivery point's GLN, and a point an account's or another point's, its own customer's included", async () => {
    const other = await account('C013');
    const taken = await manager.put(`/api/customers/${other.id}`, { ...other.body, gln: SARAN_GLN });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().holder).toMatchObject({ kind: 'delivery-point', deliveryPointCode: 'C001-DP1', customerCode: 'C001' });
    expect(taken.json().detail).toContain('delivery point C001-DP1');

    const saran = await point('C001-DP1');
    for (const [gln, holder] of [
      [CAP_GLN, 'C001'],
      ['3021000002051', 'C001-DP2'],
      ['3022000000016', 'C002'],
    ] as const) {
      const res = await manager.put(`/api/delivery-points/${saran.id}`, { ...saran.body, gln });
      expect(res.statusCode, gln).toBe(409);
      expect(res.json().errors[0]).toMatchObject({ path: 'body.gln', message: expect.stringContaining(holder) });
    }
    const created = await manager.post(`/api/customers/${other.id}/delivery-points`, { ...saran.body, code: 'C013-DP9', gln: SARAN_GLN });
    expect(created.statusCode).toBe(409);
    expect(created.json().holder).toMatchObject({ kind: 'delivery-point', deliveryPointCode: 'C001-DP1' });
    expect(await t.handle.db.selectFrom('deliveryPoints').select('id').where('code', '=', 'C013-DP9').executeTakeFirst()).toBeUndefined();

    // Keeping one's own GLN is no conflict.
    expect((await manager.put(`/api/delivery-points/${saran.id}`, saran.body)).statusCode).toBe(200);
    expect((await manager.put(`/api/customers/${other.id}`, other.body)).statusCode).toBe(200);
  });

  it('refuses a new customer a GLN already held, or given twice in its own body', async () => {
    const fresh = { ...(await account('C013')).body, code: 'C913', name: 'Nouveau client' };
    const res = await manager.post('/api/customers', { ...fresh, gln: '3029990000200' });
    expect(res.json()).toMatchObject({ status: 409, holder: { kind: 'customer', customerCode: 'C020' } });
    const dp = { ...(await point('C001-DP1')).body, code: 'C913-DP1', gln: '3029990009135' };
    const twice = await manager.post('/api/customers', { ...fresh, gln: '3029990009135', deliveryPoints: [dp] });
    expect(twice.json()).toMatchObject({
      status: 400,
      errors: [{ path: 'body.deliveryPoints.0.gln', message: expect.stringContaining("account's own GLN") }],
    });
    expect(await t.handle.db.selectFrom('customers').select('id').where('code', '=', 'C913').executeTakeFirst()).toBeUndefined();
  });

  it("keeps a partner's GLN for the partner's customer even when its account lets it go", async () => {
    const cap = await account('C001');
    expect((await manager.put(`/api/customers/${cap.id}`, { ...cap.body, gln: null })).statusCode).toBe(200);
    const other = await account('C013');
    const res = await manager.put(`/api/customers/${other.id}`, { ...other.body, gln: CAP_GLN });
    expect(res.json()).toMatchObject({ status: 409, holder: { kind: 'edi-partner', customerCode: 'C001' } });
    expect(res.json().detail).toContain('EDI partner');
    expect((await manager.put(`/api/customers/${cap.id}`, cap.body)).statusCode).toBe(200);
  });

  it("refuses an EDI partner another customer's GLN", async () => {
    const admin = client(t.app, adminSession);
    const res = await admin.post('/api/edi/partners', { customerId: ids.customer('C013'), gln: SARAN_GLN, folder: 'c013' });
    expect(res.json()).toMatchObject({ status: 409, holder: { kind: 'delivery-point', deliveryPointCode: 'C001-DP1' } });
    expect(await t.handle.db.selectFrom('ediPartners').select('id').where('gln', '=', SARAN_GLN).executeTakeFirst()).toBeUndefined();
  });

  it('answers an import row that takes a GLN held, or given earlier in the file, naming the holder; nothing written', async () => {
    const header = 'code;name;typology;gln;street;postcode;city;preferredChannel;paymentTerms;deliveryPointGln;deliveryWeekdays;cutoffTime';
    const csv = [
      header,
      `C914;Épicerie A;ARTISAN;${CAP_GLN};1 rue A;45000;Orléans;phone;30J;;MON;12:00`,
      `C915;Épicerie B;ARTISAN;3029990009159;1 rue B;45000;Orléans;phone;30J;${SARAN_GLN};MON;12:00`,
      'C916;Épicerie C;ARTISAN;3029990009166;1 rue C;45000;Orléans;phone;30J;;MON;12:00',
      'C917;Épicerie D;ARTISAN;;1 rue D;45000;Orléans;phone;30J;3029990009166;MON;12:00',
    ].join('\r\n');
    const body = multipart({ filename: 'customers.csv', content: csv }, 'validate');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/imports/customers',
      payload: body.payload,
      headers: { 'content-type': body.contentType, cookie: adminSession.cookie, 'x-csrf-token': adminSession.csrfToken },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().errors).toEqual([
      {
        row: 2,
        column: 'gln',
        code: 'taken',
        params: { value: expect.any(String) },
        reason: expect.stringContaining('customer C001 Cap Marché'),
      },
      {
        row: 3,
        column: 'deliveryPointGln',
        code: 'taken',
        params: { value: expect.any(String) },
        reason: expect.stringContaining('delivery point C001-DP1'),
      },
      { row: 5, column: 'deliveryPointGln', code: 'duplicate', params: {}, reason: expect.stringContaining('customer C916 in this file') },
    ]);
  });

  it('lets the database refuse what the API would: a GLN twice across accounts and points, or a partner’s for another customer', async () => {
    const db = t.handle.db;
    const other = ids.customer('C013');
    await expect(db.updateTable('customers').set({ gln: SARAN_GLN }).where('id', '=', other).execute()).rejects.toThrow(/gln_holders/);
    await expect(db.updateTable('deliveryPoints').set({ gln: '3029990000200' }).where('code', '=', 'C013-DP1').execute()).rejects.toThrow(
      /gln_holders/,
    ); // C020's
    await expect(
      db.updateTable('deliveryPoints').set({ customerId: other }).where('code', '=', 'C001-DP1').execute(),
    ).resolves.toBeDefined();
    await db
      .updateTable('deliveryPoints')
      .set({ customerId: ids.customer('C001') })
      .where('code', '=', 'C001-DP1')
      .execute();
    await db.updateTable('customers').set({ gln: null }).where('id', '=', ids.customer('C001')).execute();
    await expect(db.updateTable('customers').set({ gln: CAP_GLN }).where('id', '=', other).execute()).rejects.toThrow(/GLN_HELD/);
    await db.updateTable('customers').set({ gln: CAP_GLN }).where('id', '=', ids.customer('C001')).execute();
    const partner = {
      customerId: other,
      gln: '3021000002051',
      name: 'X',
      tokenHash: null,
      inboxFolder: 'x',
      outboxFolder: 'x',
      createdAt: t.app.clock.now().toISOString(),
    };
    await expect(db.insertInto('ediPartners').values(partner).execute()).rejects.toThrow(/GLN_HELD/);
    const holders = await db
      .selectFrom('glnHolders')
      .select(['gln', 'customerId', 'deliveryPointId'])
      .where('gln', 'in', [CAP_GLN, SARAN_GLN])
      .orderBy('gln')
      .execute();
    expect(holders).toEqual([
      { gln: CAP_GLN, customerId: ids.customer('C001'), deliveryPointId: null },
      { gln: SARAN_GLN, customerId: ids.customer('C001'), deliveryPointId: ids.point('C001-DP1') },
    ]);
  });

  it('gives a free GLN to one of two customers asking at once; the other gets the 409', async () => {
    const [a, b] = [await account('C020'), await account('C021')];
    const gln = '3029990009920';
    const results = await Promise.all([
      manager.put(`/api/customers/${a.id}`, { ...a.body, gln }),
      manager.put(`/api/customers/${b.id}`, { ...b.body, gln }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.statusCode === 409)!.json();
    expect(loser.holder.kind).toBe('customer');
    expect([a.body.code, b.body.code]).toContain(loser.holder.customerCode);
  });
});
