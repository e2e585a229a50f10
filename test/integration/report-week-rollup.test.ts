import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrderFact, type DeliverySums, emptyDeliverySums, type OrderFact } from '../../core/reports/figures.ts';
import { isoWeekOf, weekRange } from '../../core/reports/periods.ts';
import { weekStartOf } from '../../core/reports/week-rollup.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { migrations } from '../../server/db/migrations/index.ts';
import { recordDeliveryFacts } from '../../server/reports/facts.repository.ts';
import { orderSums } from '../../server/reports/reports.repository.ts';
import { weekCustomerSums } from '../../server/reports/week-rollup.repository.ts';
import { testEngines } from '../helpers/engines.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// The week × customer roll-up (migration 2026_12_09_0100) against the facts it sums: after the demo's six months of
// history, after deliveries recorded again (moved to another week, a line now short), and as the migration rebuilds it.

describe.each(await testEngines())('the week × customer roll-up on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { history: true });
  });
  afterAll(() => t?.close());

  /** The roll-up as it should be: report_orders summed in code per week, customer and assistant. */
  async function expected(): Promise<Record<string, DeliverySums>> {
    const facts = (await t.handle.db.selectFrom('reportOrders').selectAll().execute()) as OrderFact[];
    const out: Record<string, DeliverySums> = {};
    for (const o of facts) {
      const key = `${weekStartOf(o.deliveredOn)}|${o.customerId}|${o.assistantId ?? 0}`;
      out[key] = addOrderFact(out[key] ?? emptyDeliverySums(), o);
    }
    return out;
  }
  async function stored(): Promise<Record<string, Record<string, number>>> {
    const rows = await t.handle.db.selectFrom('reportWeekCustomers').selectAll().execute();
    return Object.fromEntries(
      rows.map(({ weekStart, customerId, assistantId, ...sums }) => [
        `${weekStart}|${customerId}|${assistantId}`,
        Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, Number(v)])),
      ]),
    );
  }

  it('holds the sums of the facts after the demo history', async () => {
    const want = await expected();
    expect(Object.keys(want).length).toBeGreaterThan(100);
    expect(await stored()).toEqual(want);
  });

  it('follows a delivery recorded again in another week, with a line now short', async () => {
    const db = t.handle.db;
    const moved = await db.selectFrom('reportOrders').select(['orderId', 'deliveredOn']).orderBy('orderId').limit(3).execute();
    for (const m of moved) {
      const later = new Date(Date.parse(`${m.deliveredOn}T10:00:00Z`) + 8 * 86_400_000).toISOString();
      await db
        .updateTable('deliveries')
        .set({ deliveredAt: later })
        .where('orderId', '=', m.orderId)
        .where('status', '=', 'delivered')
        .execute();
    }
    const line = await db
      .selectFrom('orderLines')
      .where('orderId', '=', moved[0].orderId)
      .select(['id', 'quantity'])
      .executeTakeFirstOrThrow();
    await db
      .updateTable('orderLines')
      .set({ deliveredQuantity: line.quantity - 1, status: 'short_cancelled' })
      .where('id', '=', line.id)
      .execute();
    await db.transaction().execute((trx) =>
      recordDeliveryFacts(
        trx,
        moved.map((m) => m.orderId),
      ),
    );
    const after = await db
      .selectFrom('reportOrders')
      .where(
        'orderId',
        'in',
        moved.map((m) => m.orderId),
      )
      .select(['orderId', 'deliveredOn', 'inFull'])
      .orderBy('orderId')
      .execute();
    expect(after.map((a) => weekStartOf(a.deliveredOn) > weekStartOf(moved.find((m) => m.orderId === a.orderId)!.deliveredOn))).toEqual([
      true,
      true,
      true,
    ]);
    expect(after[0].inFull).toBe(0);
    expect(await stored()).toEqual(await expected());
  });

  it('answers a whole week by customer and by assistant as the facts do', async () => {
    const db = t.handle.db;
    const weeks = [...new Set((await db.selectFrom('reportWeekCustomers').select('weekStart').execute()).map((r) => r.weekStart))].slice(
      0,
      6,
    );
    for (const start of weeks) {
      const period = { from: start, to: weekRange(isoWeekOf(start))!.to };
      for (const column of ['customerId', 'assistantId'] as const)
        for (const scope of [null, 2]) {
          const byKey = (rows: { key: unknown }[]) => Object.fromEntries(rows.map((r) => [String(r.key), r]));
          expect(byKey(await weekCustomerSums(db, period, column, scope))).toEqual(byKey(await orderSums(db, period, column, scope)));
        }
    }
  });

  it('is rebuilt by its migration from the facts as the deliveries wrote it', async () => {
    const before = await stored();
    const { error } = await new Migrator({ db: t.handle.db, provider: { getMigrations: async () => migrations } }).migrateTo(
      '2026_12_08_0400_report_order_taking',
    );
    if (error) throw error instanceof Error ? error : new Error(JSON.stringify(error));
    expect(await migrateToLatest(t.handle.db)).toContain('2026_12_09_0100_report_week_customers');
    expect(await stored()).toEqual(before);
  });
});
