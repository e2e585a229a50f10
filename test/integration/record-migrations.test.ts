import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { migrations } from '../../server/db/migrations/index.ts';
import { testEngines } from '../helpers/engines.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { demoIds } from './orders-fixtures.ts';

// The migrations of issue 9 run over a database already in use: the demo, taken back to before them, given the
// duplicate GLNs and the documents an older Carnet could hold, then brought up to date again.

const BEFORE = '2026_11_28_0096_edi_user';

describe.each(await testEngines())('GLN and document migrations over existing data on %s', (engine) => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>>;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.handle.db;
    ids = await demoIds(db);
    const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo(BEFORE);
    if (error) throw error instanceof Error ? error : new Error(JSON.stringify(error));
    // What the old code let through: the EDI partner's GLN taken by another customer, one GLN on two points of two
    // customers, and a customer whose point repeats its own GLN.
    await db.updateTable('customers').set({ gln: '3021000000019' }).where('id', '=', ids.customer('C013')).execute();
    await db.updateTable('deliveryPoints').set({ gln: '3029990100207' }).where('id', '=', ids.point('C021-DP1')).execute();
    await db.updateTable('deliveryPoints').set({ gln: '3029990000231' }).where('id', '=', ids.point('C023-DP1')).execute();
    // Documents filed before public ids existed: more than one batch of the backfill.
    const now = t.app.clock.now().toISOString();
    const file = {
      kind: 'order-acknowledgement',
      filename: 'old.pdf',
      mimeType: 'application/pdf',
      sha256: '0'.repeat(64),
      sizeBytes: 1,
      orderId: null,
      createdBy: null,
      createdAt: now,
    };
    await db
      .insertInto('documents')
      .values(Array.from({ length: 1200 }, () => file) as never)
      .execute();
    await migrateToLatest(db);
  });
  afterAll(() => t.close());

  const gln = async (table: 'customers' | 'deliveryPoints', id: number) =>
    (await t.handle.db.selectFrom(table).select('gln').where('id', '=', id).executeTakeFirstOrThrow()).gln;
  const cleared = (entityType: string, entityId: number) =>
    t.handle.db
      .selectFrom('auditEvents')
      .select(['beforeJson', 'note'])
      .where('entityType', '=', entityType)
      .where('entityId', '=', entityId)
      .where('action', '=', 'clear_duplicate_gln')
      .execute();

  it("keeps each duplicated GLN for one holder (the partner's customer, the account, the older one) and audits each one cleared", async () => {
    expect(await gln('customers', ids.customer('C001'))).toBe('3021000000019');
    expect(await gln('customers', ids.customer('C013'))).toBeNull();
    expect(await cleared('customer', ids.customer('C013'))).toEqual([
      {
        beforeJson: '{"gln":"3021000000019"}',
        note: `GLN 3021000000019 is held once from now on; customer ${ids.customer('C001')} keeps it.`,
      },
    ]);

    expect(await gln('deliveryPoints', ids.point('C020-DP1'))).toBe('3029990100207');
    expect(await gln('deliveryPoints', ids.point('C021-DP1'))).toBeNull();
    expect(await cleared('delivery_point', ids.point('C021-DP1'))).toHaveLength(1);

    expect(await gln('customers', ids.customer('C023'))).toBe('3029990000231');
    expect(await gln('deliveryPoints', ids.point('C023-DP1'))).toBeNull();
    expect(await cleared('delivery_point', ids.point('C023-DP1'))).toHaveLength(1);

    const holders = Number(
      (
        await t.handle.db
          .selectFrom('glnHolders')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const glns = await Promise.all([
      t.handle.db.selectFrom('customers').select('gln').where('gln', 'is not', null).execute(),
      t.handle.db.selectFrom('deliveryPoints').select('gln').where('gln', 'is not', null).execute(),
    ]);
    expect(holders).toBe(glns.flat().length);
  });

  it('gives every existing document its own public id, and refuses a second one', async () => {
    const rows = await t.handle.db.selectFrom('documents').select('publicId').execute();
    expect(rows.length).toBe(1200);
    expect(rows.every((r) => /^[A-Za-z0-9_-]{22}$/.test(r.publicId))).toBe(true);
    expect(new Set(rows.map((r) => r.publicId)).size).toBe(rows.length);
    const [first] = await t.handle.db.selectFrom('documents').selectAll().orderBy('id').limit(1).execute();
    await expect(
      t.handle.db
        .insertInto('documents')
        .values({ ...first, id: undefined })
        .execute(),
    ).rejects.toThrow(/unique|UNIQUE/);
  });
});
