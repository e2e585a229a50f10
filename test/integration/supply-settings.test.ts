import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp } from '../helpers/test-app.ts';
import { demoIds } from './orders-fixtures.ts';

describe.each(await testEngines())("a customer's shortage settings on %s", (engine) => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let manager: ReturnType<typeof client>;
  let adv: ReturnType<typeof client>;

  beforeAll(async () => {
    t = await createTestApp(engine);
    ids = await demoIds(t.handle.db);
    manager = client(t.app, await login(t.app, 'manager@demo.local'));
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
  });
  afterAll(() => t.close());

  it('reads them, and a manager changes only the fields given, audited with before and after', async () => {
    const url = `/api/customers/${ids.customer('C001')}/supply-settings`;
    const before = (await adv.get(url)).json();
    expect(before).toMatchObject({
      minRemainingShelfLifePct: 66,
      shipComplete: false,
      acceptsBackorders: false,
      acceptsPartial: true,
      acceptsSubstitutes: false,
      cancelIfLateDays: 0,
    });
    const res = await manager.patch(url, { acceptsSubstitutes: true, cancelIfLateDays: 2 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ...before, acceptsSubstitutes: true, cancelIfLateDays: 2, updatedAt: expect.any(String) });
    expect((await adv.get(url)).json()).toEqual(res.json());
    const audit = await t.handle.db
      .selectFrom('auditEvents')
      .select(['action', 'beforeJson', 'afterJson'])
      .where('entityType', '=', 'customer_supply_settings')
      .where('entityId', '=', ids.customer('C001'))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.beforeJson!)).toMatchObject({ acceptsSubstitutes: false, cancelIfLateDays: 0 });
    expect(JSON.parse(audit.afterJson!)).toMatchObject({ acceptsSubstitutes: true, cancelIfLateDays: 2, acceptsPartial: true });
  });

  it('a customer with nothing agreed reads as accepting nothing; the first change stores the rest as read', async () => {
    const customerId = ids.customer('C020');
    await t.handle.db.deleteFrom('customerSupplySettings').where('customerId', '=', customerId).execute();
    const url = `/api/customers/${customerId}/supply-settings`;
    expect((await adv.get(url)).json()).toEqual({
      customerId,
      minRemainingShelfLifePct: null,
      shipComplete: false,
      acceptsBackorders: false,
      acceptsPartial: false,
      acceptsSubstitutes: false,
      cancelIfLateDays: null,
      updatedAt: null,
    });
    expect((await manager.patch(url, { minRemainingShelfLifePct: 50 })).json()).toMatchObject({
      minRemainingShelfLifePct: 50,
      acceptsBackorders: false,
    });
  });

  it('refuses what does not make sense, naming the field, and changes nothing; an assistant may not change them; an unknown customer is a 404', async () => {
    const url = `/api/customers/${ids.customer('C002')}/supply-settings`;
    const before = (await adv.get(url)).json();
    const contradiction = await manager.patch(url, { shipComplete: true });
    expect(contradiction.statusCode).toBe(422);
    expect(contradiction.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.acceptsPartial']);
    expect((await manager.patch(url, { shipComplete: true, acceptsPartial: false })).json()).toMatchObject({
      shipComplete: true,
      acceptsPartial: false,
    });
    const bad = await manager.patch(url, { minRemainingShelfLifePct: 140 });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toContain('minRemainingShelfLifePct');
    expect((await manager.patch(url, {})).statusCode).toBe(400);
    expect((await manager.patch(url, { teleport: true })).statusCode).toBe(400);
    expect((await adv.patch(url, { acceptsSubstitutes: true })).statusCode).toBe(403);
    expect((await manager.patch('/api/customers/999999/supply-settings', { acceptsSubstitutes: true })).statusCode).toBe(404);
    expect((await adv.get(url)).json()).toEqual({ ...before, shipComplete: true, acceptsPartial: false, updatedAt: expect.any(String) });
  });
});
