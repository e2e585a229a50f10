import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { migrations } from '../../server/db/migrations/index.ts';
import { testEngines } from '../helpers/engines.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// The order-taking columns of report_orders (migration 2026_12_08_0400) over a database already in use: the demo with
// its history, taken back to before them, brought up to date again; the backfill's own copy of the rules must give
// what the application writes (core/reports/figures.ts deliveryFacts).

const BEFORE = '2026_12_08_0310_story_edi_index';

describe.each(await testEngines())('the order-taking facts backfilled on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { history: true });
  });
  afterAll(() => t?.close());

  const facts = () =>
    t.handle.db
      .selectFrom('reportOrders')
      .select(['orderId', 'deliveryPointId', 'confirmedAt', 'confirmBy', 'confirmedOnTime', 'touchedBy', 'touchless'])
      .orderBy('orderId')
      .execute();

  it('gives every delivered order the same facts as the delivery report writes', async () => {
    const written = await facts();
    expect(written.length).toBeGreaterThan(500);
    expect(written.some((r) => r.confirmedOnTime === 0 && r.confirmedAt !== null)).toBe(true);
    expect(written.some((r) => r.touchless === 1)).toBe(true);
    const { error } = await new Migrator({ db: t.handle.db, provider: { getMigrations: async () => migrations } }).migrateTo(BEFORE);
    if (error) throw error instanceof Error ? error : new Error(JSON.stringify(error));
    expect(await migrateToLatest(t.handle.db)).toContain('2026_12_08_0400_report_order_taking');
    expect(await facts()).toEqual(written);
  });
});
