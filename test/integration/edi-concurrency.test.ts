import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PARTNERS, demoInterchange, demoOrder } from '../../server/edi/demo-orders.ts';
import { fixedClock } from '../../server/clock.ts';
import { ingestFile } from '../../server/edi/ingest.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp, TEST_NOW, TEST_TODAY } from '../helpers/test-app.ts';

// C002 confirms its orders on its own; C003 leaves them as drafts (its credit is not used up by the first test).
const [, DISTRI, EST] = DEMO_PARTNERS;
const TODAY = TEST_TODAY;
// More than one batch (500 orders), so the two imports interleave at several commits.
const ORDERS = 1_100;

describe.each(await testEngines())('EDI intake, the same interchange twice at once, on %s', (engine) => {
  let t: TestApp;
  const clock = fixedClock(TEST_NOW);
  const write = (name: string, text: string) => {
    const file = path.join(t.dataDir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const ordersOf = (reference: string) =>
    t.handle.db
      .selectFrom('orders')
      .innerJoin('ediMessages as m', 'm.orderId', 'orders.id')
      .innerJoin('ediInterchanges as i', 'i.id', 'm.interchangeId')
      .select(['orders.id', 'orders.customerRef', 'orders.createdBy'])
      .where('i.controlReference', '=', reference)
      .execute();

  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
  });
  afterAll(async () => t?.close());

  it('two doors given one file: one takes it in, the other says it is in progress or done; each order is created once', async () => {
    const text = demoInterchange(
      DISTRI,
      'TWICE-1',
      TODAY,
      Array.from({ length: ORDERS }, (_, i) => demoOrder(DISTRI, 50_000 + i, TODAY, 2)),
    );
    const [cli, folder] = await Promise.all([
      ingestFile(t.handle.db, write('twice-cli.edi', text), { door: 'cli', clock: t.app.clock }),
      ingestFile(t.handle.db, write('twice-folder.edi', text), { door: 'folder', clock: t.app.clock }),
    ]);
    const statuses = [cli[0].status, folder[0].status].sort();
    expect(statuses[1]).toBe('processed');
    expect(['duplicate', 'in-progress']).toContain(statuses[0]);
    const loser = cli[0].status === 'processed' ? folder[0] : cli[0];
    expect(loser.messages).toEqual([]);

    const orders = await ordersOf('TWICE-1');
    expect(orders).toHaveLength(ORDERS);
    expect(new Set(orders.map((o) => o.customerRef)).size).toBe(ORDERS);
    const created = await t.handle.db
      .selectFrom('orders')
      .select('id')
      .where('customerRef', 'like', 'C002-PO-005%')
      .where('channel', '=', 'edi')
      .execute();
    expect(created).toHaveLength(ORDERS);
    const interchange = await t.handle.db
      .selectFrom('ediInterchanges')
      .selectAll()
      .where('controlReference', '=', 'TWICE-1')
      .executeTakeFirstOrThrow();
    expect(interchange).toMatchObject({ status: 'processed', messageCount: ORDERS, claimedBy: null });

    // Sent again once done: a duplicate, nothing more.
    const [again] = await ingestFile(t.handle.db, write('twice-again.edi', text), { door: 'cli', clock: t.app.clock });
    expect(again).toMatchObject({ status: 'duplicate', duplicateOf: interchange.id });
    expect(await ordersOf('TWICE-1')).toHaveLength(ORDERS);
    // 2,200 orders' worth of parsing and checking: some 40 s on PostgreSQL on a loaded 2-core machine, not a speed claim.
  }, 180_000);

  it('an interchange whose holder stopped renewing its claim is resumed by the next import, its done messages skipped', async () => {
    const orders = Array.from({ length: 3 }, (_, i) => demoOrder(EST, 60_000 + i, TODAY, 1));
    const text = demoInterchange(EST, 'STALE-1', TODAY, orders);
    // A run that took the first message in, then died elsewhere: its lease ran out a minute ago.
    const [first] = await ingestFile(t.handle.db, write('stale-first.edi', demoInterchange(EST, 'STALE-1', TODAY, orders.slice(0, 1))), {
      door: 'cli',
      clock: t.app.clock,
    });
    await t.handle.db
      .updateTable('ediInterchanges')
      .set({
        status: 'received',
        claimedBy: 'another-host:4242:cafe',
        claimedUntil: new Date(clock.now().getTime() + 60_000).toISOString(),
      })
      .where('id', '=', first.interchangeId!)
      .execute();
    const [held] = await ingestFile(t.handle.db, write('stale-held.edi', text), { door: 'cli', clock: t.app.clock });
    expect(held).toMatchObject({ status: 'in-progress', messages: [] });
    // Through the HTTP door: 409, to be sent again later.
    const admin = client(t.app, await login(t.app, 'admin@demo.local'));
    const partner = (await admin.get('/api/edi/partners')).json().items.find((p: { gln: string }) => p.gln === EST.gln);
    const { token } = (await admin.post(`/api/edi/partners/${partner.id}/rotate-token`)).json();
    const busy = await t.app.inject({
      method: 'POST',
      url: '/api/edi/interchanges',
      payload: text,
      headers: { 'content-type': 'application/edifact', authorization: `Bearer ${token}` },
    });
    expect(busy.statusCode).toBe(409);
    expect(busy.json()).toMatchObject({ code: 'CONFLICT', interchanges: [{ status: 'in-progress', controlReference: 'STALE-1' }] });

    // Two minutes on, its holder never renewed it: the lease has run out.
    clock.advance(2 * 60_000);
    const seen: { ref: string; status: string; orderId: number | null }[] = [];
    const [resumed] = await ingestFile(t.handle.db, write('stale-resumed.edi', text), {
      door: 'cli',
      clock: t.app.clock,
      onMessage: (m) => seen.push({ ref: m.messageReference, status: m.status, orderId: m.orderId }),
    });
    expect(resumed.status).toBe('processed');
    // One-line orders wait for a look (under the minimum order value): taken in all the same, as orders.
    expect(seen.map((m) => m.status === 'skipped')).toEqual([true, false, false]);
    expect(seen.slice(1).every((m) => m.orderId !== null)).toBe(true);
    expect(await ordersOf('STALE-1')).toHaveLength(3);
  });

  it('EDI orders are recorded under the EDI system user, who cannot log in; the timeline names it', async () => {
    const [r] = await ingestFile(
      t.handle.db,
      write('author.edi', demoInterchange(DISTRI, 'AUTHOR-1', TODAY, [demoOrder(DISTRI, 70_000, TODAY, 2)])),
      { door: 'cli', clock: t.app.clock },
    );
    const orderId = r.messages[0].orderId!;
    const order = await t.handle.db
      .selectFrom('orders')
      .innerJoin('users', 'users.id', 'orders.createdBy')
      .select(['users.name', 'users.role'])
      .where('orders.id', '=', orderId)
      .executeTakeFirstOrThrow();
    expect(order).toEqual({ name: 'EDI', role: 'system' });
    const adv = client(t.app, await login(t.app, 'adv@demo.local'));
    const events = (await adv.get(`/api/orders/${orderId}/events`)).json();
    expect(events[0]).toMatchObject({ action: 'create', userName: 'EDI' });
    const refused = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'edi@system.invalid', password: '!' } });
    expect(refused.statusCode).toBe(401);
  });
});
