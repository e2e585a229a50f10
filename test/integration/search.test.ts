import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Kysely, Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResults } from '../../core/search/search.schemas.ts';
import { openDatabase } from '../../server/db/connect.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { migrations } from '../../server/db/migrations/index.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp } from '../helpers/test-app.ts';

type Client = ReturnType<typeof client>;

/** A minimal CSV upload through the import route, as the admin screen sends it. */
function csvUpload(content: string) {
  const boundary = '----carnet-search-boundary';
  const payload = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="mode"\r\n\r\ncommit\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="data.csv"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`,
  );
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

describe.each(await testEngines())('accent-insensitive search on %s', (engine) => {
  let t: TestApp;
  let assistant: Client;
  let manager: Client;
  let admin: Client;
  let adminSession: Awaited<ReturnType<typeof login>>;

  beforeAll(async () => {
    t = await createTestApp(engine);
    assistant = client(t.app, await login(t.app, 'adv@demo.local'));
    manager = client(t.app, await login(t.app, 'manager@demo.local'));
    adminSession = await login(t.app, 'admin@demo.local');
    admin = client(t.app, adminSession);
  });
  afterAll(() => t.close());

  const customers = async (q: string) =>
    ((await assistant.get(`/api/customers?q=${encodeURIComponent(q)}`)).json().items as { name: string; code: string }[]).map(
      (c) => c.name,
    );
  const products = async (q: string) =>
    ((await assistant.get(`/api/products?q=${encodeURIComponent(q)}`)).json().items as { code: string }[]).map((p) => p.code);

  it('finds the demo customers without their accents or capitals (search text written by the seed)', async () => {
    expect(await customers('orleans')).toEqual(expect.arrayContaining(['Boulangerie Martin', 'Pâtisserie Rousseau']));
    expect(await customers('ORLÉANS')).toEqual(await customers('orleans'));
    expect(await customers('lefevre')).toEqual(['Maison Lefèvre, boulangerie-pâtisserie']);
    expect(await customers('patisserie rousseau')).toEqual(['Pâtisserie Rousseau']);
    // Every word, in any order, over name, code and city; a ship-to's city still counts.
    expect(await customers('orleans martin')).toEqual(['Boulangerie Martin']);
    expect(await customers('chilly mazarin')).toEqual(["Cap Marché — Centrale d'achats Centre-Ouest"]);
    // Names starting with the text still come first.
    expect((await customers('pate'))[0]).toBe('Pâtes Fraîches du Val (traiteur industriel)');
  });

  it('answers an inbound call: the one search finds the caller by his number however it is typed', async () => {
    const found = async (q: string) =>
      (await assistant.get(`/api/search?q=${encodeURIComponent(q)}`)).json<SearchResults>().customers.map((c) => c.name);
    for (const typed of ['02 61 91 40 01', '0261914001', '+33 2 61 91 40 01', '+33261914001'])
      expect(await found(typed), typed).toEqual(['Boulangerie Martin']);
  });

  it('finds products by words of the name without accents, in any order', async () => {
    expect(await products('sucre glace')).toEqual(['SUC-GLA-500', 'SUC-GLA-S10']);
    expect(await products('GLACÉ sucre 500')).toEqual(['SUC-GLA-500']);
    expect(await products('ble bise')).toEqual(['FAR-T80-S25']);
    expect(await products('far-t65')).toEqual(['FAR-T65-S25', 'FAR-T65BIO-1KG']);
    const stock = (await assistant.get('/api/stock?q=sucre%20glace')).json().items.map((s: { productCode: string }) => s.productCode);
    expect(stock).toEqual(['SUC-GLA-500', 'SUC-GLA-S10']);
  });

  it('keeps the search text up to date on every write: customers, ship-tos and products over the API', async () => {
    const created = (
      await manager.post('/api/customers', {
        code: 'C950',
        name: 'Crêperie Œuvre',
        typology: 'RHD',
        street: '1 rue Haute',
        postcode: '37000',
        city: 'Tours',
        preferredChannel: 'phone',
        paymentTerms: '30J',
        creditLimitCents: 0,
        deliveryPoints: [
          {
            code: 'C950-DP1',
            name: 'Cuisine',
            street: '1 rue Haute',
            postcode: '37000',
            city: 'Tours',
            deliveryWeekdays: ['MON'],
            leadTimeDays: 1,
            cutoffTime: '11:00',
          },
        ],
      })
    ).json();
    expect(await customers('creperie oeuvre')).toEqual(['Crêperie Œuvre']);

    const { id, deliveryPoints: _p, contacts: _c, ...account } = created;
    expect((await manager.put(`/api/customers/${id}`, { ...account, name: 'Brasserie Désirée', city: 'Amboise' })).statusCode).toBe(200);
    expect(await customers('creperie')).toEqual([]);
    expect(await customers('desiree amboise')).toEqual(['Brasserie Désirée']);

    const point = created.deliveryPoints[0];
    const { id: pointId, customerId: _cid, isDefault: _d, ...pointFields } = point;
    expect((await manager.put(`/api/delivery-points/${pointId}`, { ...pointFields, city: 'Châtellerault' })).statusCode).toBe(200);
    expect(await customers('chatellerault')).toEqual(['Brasserie Désirée']);
    const added = await manager.post(`/api/customers/${id}/delivery-points`, { ...pointFields, code: 'C950-DP2', city: 'Saint-Étienne' });
    expect(added.statusCode).toBe(201);
    expect(await customers('saint-etienne')).toEqual(['Brasserie Désirée']);

    const product = {
      code: 'PAT-FEU-01',
      name: 'Pâte feuilletée pur beurre',
      family: 'SURGELE',
      saleUnit: 'COLIS',
      netWeightG: 1000,
      grossWeightG: 1100,
      unitsPerCarton: 10,
      cartonsPerLayer: null,
      layersPerPallet: null,
      vatRateBp: 550,
      temperatureClass: 'SURGELE',
    };
    const made = (await admin.post('/api/products', product)).json();
    expect(await products('pate feuilletee')).toEqual(['PAT-FEU-01']);
    expect((await admin.put(`/api/products/${made.id}`, { ...product, name: 'Pâte brisée' })).statusCode).toBe(200);
    expect(await products('feuilletee')).toEqual([]);
    expect(await products('pate brisee')).toEqual(['PAT-FEU-01']);
    // The stored text is never part of what the API answers.
    expect(made).not.toHaveProperty('searchText');
    expect(created).not.toHaveProperty('searchText');
    expect(point).not.toHaveProperty('searchText');
  });

  it('keeps the search text up to date through imports, on create and on update', async () => {
    const upload = async (kind: string, content: string) => {
      const body = csvUpload(content);
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/imports/${kind}`,
        payload: body.payload,
        headers: { 'content-type': body.contentType, cookie: adminSession.cookie, 'x-csrf-token': adminSession.csrfToken },
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    const customerHeader = 'code;name;typology;street;postcode;city;preferredChannel;paymentTerms;deliveryWeekdays;cutoffTime\r\n';
    await upload('customers', `${customerHeader}C960;Épicerie Fine Noël;ARTISAN;1 rue Basse;45000;Orléans;phone;30J;MON;11:00\r\n`);
    expect(await customers('epicerie noel')).toEqual(['Épicerie Fine Noël']);
    await upload('customers', `${customerHeader}C960;Épicerie Hélène;ARTISAN;1 rue Basse;18000;Bourges;phone;30J;MON;11:00\r\n`);
    expect(await customers('epicerie noel')).toEqual([]);
    expect(await customers('helene bourges')).toEqual(['Épicerie Hélène']);

    const productHeader = 'code;name;family;saleUnit;netWeightG;grossWeightG;vatRate;temperatureClass\r\n';
    await upload('products', `${productHeader}IMP-CRE-01;Crème pâtissière;SUCRE;COLIS;1000;1100;5,5;AMBIANT\r\n`);
    expect(await products('creme patissiere')).toEqual(['IMP-CRE-01']);
    await upload('products', `${productHeader}IMP-CRE-01;Crème brûlée;SUCRE;COLIS;1000;1100;5,5;AMBIANT\r\n`);
    expect(await products('creme brulee')).toEqual(['IMP-CRE-01']);
    expect(await products('patissiere')).toEqual([]);
  });
});

describe.each(await testEngines())('the search_text migration on %s', (engine) => {
  it('fills the search text of rows that existed before it', async () => {
    // A bare database at the first migration, a few rows written the old way, then the rest of the migrations.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'carnet-migrate-'));
    const handle = openDatabase({ databaseUrl: engine === 'postgres' ? await freshPostgres() : undefined, dataDir });
    try {
      const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations } });
      const first = await migrator.migrateTo('2026_11_27_0001_spine');
      expect(first.error).toBeUndefined();
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema as the first migration left it, not today's
      const db = handle.db as unknown as Kysely<any>;
      const now = '2026-11-27T09:00:00.000Z';
      const customer = await db
        .insertInto('customers')
        .values({
          code: 'OLD1',
          name: 'Boulangerie Lefèvre',
          typology: 'ARTISAN',
          street: 'x',
          postcode: '45000',
          city: 'Orléans',
          preferredChannel: 'phone',
          paymentTerms: '30J',
          creditLimitCents: 0,
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('deliveryPoints')
        .values({
          customerId: customer.id,
          code: 'OLD1-DP1',
          name: 'Fournil',
          street: 'x',
          postcode: '41000',
          city: 'Blois-Vienne Éclair',
          deliveryWeekdays: 'MON',
          leadTimeDays: 1,
          cutoffTime: '11:00',
        })
        .execute();
      await db
        .insertInto('products')
        .values({
          code: 'OLD-P1',
          name: 'Sucre glacé',
          family: 'SUCRE',
          saleUnit: 'SAC',
          netWeightG: 1,
          grossWeightG: 1,
          vatRateBp: 550,
          temperatureClass: 'AMBIANT',
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      await migrateToLatest(handle.db);
      expect(await db.selectFrom('customers').select('searchText').executeTakeFirstOrThrow()).toEqual({
        searchText: 'boulangerie lefevre old1 orleans',
      });
      expect(await db.selectFrom('deliveryPoints').select('searchText').executeTakeFirstOrThrow()).toEqual({
        searchText: 'fournil old1-dp1 blois-vienne eclair',
      });
      expect(await db.selectFrom('products').select('searchText').executeTakeFirstOrThrow()).toEqual({ searchText: 'sucre glace old-p1' });
    } finally {
      await handle.close();
      await dropPostgres();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

let createdDatabase: string | null = null;

async function freshPostgres(): Promise<string> {
  const pg = (await import('pg')).default;
  const { PG_ADMIN_URL } = await import('../helpers/engines.ts');
  createdDatabase = `carnet_migrate_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${createdDatabase}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${createdDatabase}`;
  return url.toString();
}

async function dropPostgres(): Promise<void> {
  if (!createdDatabase) return;
  const pg = (await import('pg')).default;
  const { PG_ADMIN_URL } = await import('../helpers/engines.ts');
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${createdDatabase} with (force)`);
  await admin.end();
  createdDatabase = null;
}
