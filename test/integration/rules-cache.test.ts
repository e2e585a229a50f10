import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { type DatabaseHandle, openDatabase } from '../../server/db/connect.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp, TEST_TODAY } from '../helpers/test-app.ts';
import { demoIds } from './orders-fixtures.ts';

// The rules context's master data is kept by each node until the master-data stamp moves (issue 11): a price
// changed on another node (its own connections to the same database) is the price of this node's next order.
describe.each(await testEngines())('the rules context cache on %s', (engine) => {
  let t: TestApp;
  let other: { app: FastifyInstance; handle: DatabaseHandle };
  let ids: Awaited<ReturnType<typeof demoIds>>;

  beforeAll(async () => {
    t = await createTestApp(engine);
    ids = await demoIds(t.handle.db);
    const handle = openDatabase({ databaseUrl: t.app.config.DATABASE_URL, dataDir: t.dataDir });
    other = {
      handle,
      app: await buildApp({ db: handle.db, engine: handle.engine, config: t.app.config, clock: t.app.clock, logger: false }),
    };
  });
  afterAll(async () => {
    await other.app.close();
    await other.handle.close();
    await t.close();
  });

  it('prices the next order at a customer price set on another node, and again when it is removed', async () => {
    const here = client(t.app, await login(t.app, 'adv@demo.local'));
    const there = client(other.app, await login(other.app, 'manager@demo.local'));
    const martin = ids.customer('C020');
    const flour = ids.product('FAR-T65-S25').id;
    const order = { customerId: martin, channel: 'phone', lines: [{ productId: flour, quantity: 20 }] };
    const priceOf = async () => {
      const res = await here.post('/api/orders', order);
      expect(res.statusCode, res.body).toBe(201);
      return res.json().lines[0].unitPriceCents as number;
    };
    const listed = await priceOf();
    expect(await priceOf()).toBe(listed); // kept: read from the cache

    const set = await there.post(`/api/customers/${martin}/prices`, {
      productId: flour,
      unitPriceCents: listed - 111,
      validFrom: TEST_TODAY,
      validTo: null,
    });
    expect(set.statusCode, set.body).toBe(201);
    expect(await priceOf()).toBe(listed - 111);

    expect((await there.delete(`/api/customers/${martin}/prices/${set.json().id}`)).statusCode).toBeLessThan(300);
    expect(await priceOf()).toBe(listed);
  });
});
