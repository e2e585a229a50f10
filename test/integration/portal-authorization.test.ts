import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../core/auth/roles.ts';
import { registerAuth, type RouteAccess } from '../../server/auth/auth.plugin.ts';
import { readPendingItems } from '../../server/intake/read-items.ts';
import { runRiskScan } from '../../server/risks/risk-scan.ts';
import { takeMessage } from '../../server/intake/take-message.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type Session, type TestApp } from '../helpers/test-app.ts';
import { demoIds } from './orders-fixtures.ts';

// The portal's matrix: every route of /api/openapi.json × anonymous, the buyer of customer A (Pause Croustille),
// the buyer of customer B (Au Pain Doré), assistant, manager, admin — every id in the paths names a record of
// customer A, so that to buyer B it is another customer's. It counts every answer that reads or writes what its
// caller may not: a route refused to the role that answers 2xx, an anonymous 2xx off the public routes, and a
// buyer's 2xx that carries another customer's name or order number. The figure must be 0.

type Caller = 'anonymous' | 'buyerA' | 'buyerB' | 'assistant' | 'manager' | 'admin';
const CALLERS: readonly Caller[] = ['anonymous', 'buyerB', 'buyerA', 'assistant', 'manager', 'admin'];
const EMAILS: Record<Exclude<Caller, 'anonymous'>, string> = {
  buyerA: 'achats@pause-croustille.demo',
  buyerB: 'commandes@paindore.demo',
  assistant: 'adv@demo.local',
  manager: 'manager@demo.local',
  admin: 'admin@demo.local',
};
const A_NAME = 'Pause Croustille';
const B_NAME = 'Au Pain Doré';
const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');
const roleOf = (caller: Exclude<Caller, 'anonymous'>): Role => (caller === 'buyerA' || caller === 'buyerB' ? 'buyer' : caller);

describe.each(await testEngines())('portal authorization matrix on %s', (engine) => {
  let t: TestApp;
  const sessions = new Map<Caller, Session>();
  let params: Record<string, string | number>;
  let ids: { a: number; b: number; aPoint: number; bPoint: number; product: number; aOrder: { id: number; number: string } };
  let access: Map<string, RouteAccess>;

  const signIn = async (caller: Exclude<Caller, 'anonymous'>) => sessions.set(caller, await login(t.app, EMAILS[caller]));

  beforeAll(async () => {
    t = await createTestApp(engine);
    const demo = await demoIds(t.handle.db);
    for (const caller of CALLERS) if (caller !== 'anonymous') await signIn(caller);
    const a = demo.customer('C042');
    const b = demo.customer('C021');
    const buyerA = client(t.app, sessions.get('buyerA')!);
    const catalogue = (await buyerA.get(`/api/customers/${a}/catalogue`)).json();
    const product = catalogue.products[0].id as number;
    const created = await buyerA.post('/api/orders', { customerId: a, channel: 'phone', lines: [{ productId: product, quantity: 40 }] });
    expect(created.statusCode, created.body).toBe(201);
    const aOrder = created.json();
    await t.app.documentJobs.drain(); // its acknowledgement (it confirmed on its own), printed after the commit
    // Customer A's order taken by the desk and delivered: the controls compare its documents.
    const adv = client(t.app, sessions.get('assistant')!);
    const delivered = (
      await adv.post('/api/orders', { customerId: a, channel: 'phone', lines: [{ productId: product, quantity: 18 }] })
    ).json();
    for (const step of ['confirm', 'release', 'ship']) {
      const moved = await adv.post(`/api/orders/${delivered.id}/${step}`);
      expect(moved.statusCode, moved.body).toBe(200);
    }
    const deliver = await adv.post(`/api/orders/${delivered.id}/deliver`, {
      lines: [{ lineId: delivered.lines[0].id, deliveredQuantity: 18 }],
    });
    expect(deliver.statusCode, deliver.body).toBe(200);
    expect((await adv.get(`/api/controls?orderId=${delivered.id}&status=all`)).json().controls).toHaveLength(1);
    // An order by email from customer A's buyer, taken in and read as the mailbox sweep does.
    const intake = await takeMessage(
      t.handle.db,
      Buffer.from(
        [
          'From: Aurélie Masson <achats@pause-croustille.example>',
          'To: commandes@moulins-delaunay.example',
          'Subject: Commande Pause Croustille',
          'Message-ID: <commande-portal-authorization@pause-croustille.example>',
          'Content-Type: text/plain; charset=utf-8',
          '',
          'Bonjour, merci de nous livrer 40 sacs la semaine prochaine. Aurélie',
          '',
        ].join('\r\n'),
      ),
      { mailbox: 'INBOX', uidValidity: null, uid: null },
      t.app.clock.now(),
    );
    await readPendingItems(t.handle.db, t.app.clock.now());
    expect((await adv.get(`/api/intake/${intake.id}`)).json().customerId).toBe(a);
    // A piece of the assistant's day, customer A's when there is one.
    const day = (await adv.get('/api/day')).json<{ items: { ref: string; customerId: number | null }[] }>();
    const dayItem = day.items.find((i) => i.customerId === a) ?? day.items[0];
    expect(dayItem, 'the assistant has a day').toBeDefined();
    const bPoint = (await t.handle.db.selectFrom('deliveryPoints').select('id').where('customerId', '=', b).executeTakeFirstOrThrow()).id;
    ids = { a, b, aPoint: catalogue.deliveryPoints[0].id, bPoint, product, aOrder: { id: aOrder.id, number: aOrder.number } };
    const first = async (
      table:
        | 'contacts'
        | 'customerProductCodes'
        | 'priceLists'
        | 'warehouses'
        | 'promotions'
        | 'plannedReceipts'
        | 'tasks'
        | 'ediPartners'
        | 'penaltyNotices'
        | 'forceMajeurePeriods'
        | 'stockLots'
        | 'documents',
    ) => (await t.handle.db.selectFrom(table).select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    const warehouse = await first('warehouses');
    params = {
      'customers/:id': a,
      'delivery-points/:id': ids.aPoint,
      'contacts/:id': await first('contacts'),
      'customer-product-codes/:id': await first('customerProductCodes'),
      'products/:id': product,
      'price-lists/:id': await first('priceLists'),
      'items/:productId': product,
      'warehouses/:id': warehouse,
      'stock/:warehouseId': warehouse,
      ':warehouseId/:productId': product,
      'orders/:id': aOrder.id,
      'controls/:id': delivered.id,
      // Buyer A's order with a change waiting for a manager: no buyer reaches the queue's routes.
      'change-requests/:id': (
        await t.handle.db
          .insertInto('orderChangeRequests')
          .values({
            orderId: aOrder.id,
            bodyJson: JSON.stringify({ note: 'Livrer avant 8 h' }),
            summaryJson: JSON.stringify({ lines: [], netCents: { before: 0, after: 0 } }),
            findingsJson: '[]',
            askedAgainst: '{}',
            status: 'pending',
            requestedBy: (await t.handle.db.selectFrom('users').select('id').where('role', '=', 'assistant').executeTakeFirstOrThrow()).id,
            requestedAt: t.app.clock.now().toISOString(),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
      'intake/:id': intake.id,
      'items/:ref': dayItem.ref,
      'documents/:id':
        (
          await t.handle.db
            .selectFrom('documents')
            .innerJoin('orders', 'orders.id', 'documents.orderId')
            .select('documents.publicId')
            .where('orders.customerId', '=', a)
            .executeTakeFirst()
        )?.publicId ?? (await t.handle.db.selectFrom('documents').select('publicId').orderBy('id').executeTakeFirstOrThrow()).publicId,
      'deliveries/:id': (await t.handle.db.selectFrom('deliveries').select('id').orderBy('id').executeTakeFirstOrThrow()).id,
      'penalty-notices/:id': await first('penaltyNotices'),
      'force-majeure-periods/:id': await first('forceMajeurePeriods'),
      'stock-lots/:id': await first('stockLots'),
      'assortment/:productId': product,
      'imports/:kind': 'products',
      'absences/:id': (await t.handle.db.selectFrom('absences').select('id').orderBy('id').executeTakeFirstOrThrow()).id,
      'call-scripts/:typology': 'ARTISAN',
      ':typology/:screen': 'complaint',
      'promotions/:id': await first('promotions'),
      'prices/:priceId': (
        await t.handle.db
          .insertInto('customerPrices')
          .values({
            customerId: a,
            productId: product,
            unitPriceCents: 700,
            validFrom: '2026-01-01',
            validTo: null,
            note: null,
            updatedAt: t.app.clock.now().toISOString(),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
      'planned-receipts/:id': await first('plannedReceipts'),
      'production-shortfalls/:id': (
        await t.handle.db.selectFrom('productionShortfalls').select('id').orderBy('id').executeTakeFirstOrThrow()
      ).id,
      // A risk found by the scan, customer A's when he has one.
      'risks/:id': await (async () => {
        await runRiskScan(t.handle.db, t.app.clock.now());
        const risks = await t.handle.db.selectFrom('risks').select(['id', 'customerId']).orderBy('id').execute();
        return (risks.find((r) => r.customerId === a) ?? risks[0]).id;
      })(),
      'tasks/:id': await first('tasks'),
      'partners/:id': await first('ediPartners'),
      'messages/:id': (await t.handle.db.selectFrom('ediMessages').select('id').orderBy('id').executeTakeFirst())?.id ?? 1,
      // Customer A's complaint (the demo's at Pause Croustille).
      'complaints/:id': (
        await t.handle.db.selectFrom('complaints').select('id').where('customerId', '=', a).orderBy('id').executeTakeFirstOrThrow()
      ).id,
      'lots/:lot': 'L26008P',
      'notes/:noteId': (
        await t.handle.db
          .insertInto('customerNotes')
          .values({
            customerId: a,
            authorId: null,
            at: '2026-01-05T08:00:00.000Z',
            text: 'Livrer par la cour',
            pinned: 1,
            mood: null,
            updatedAt: '2026-01-05T08:00:00.000Z',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
      'users/:id': sessions.get('buyerA')!.userId,
      'links/:token': 'x'.repeat(43),
    };
    access = new Map(t.app.apiRouteAccess.map((r) => [`${r.method} ${openApiPath(r.url)}`, r]));
  });
  afterAll(() => t.close());

  const fill = (path: string) =>
    path
      .replace(/\{(\w+)\}/g, ':$1')
      .split('/')
      .map((segment, i, all) => {
        if (!segment.startsWith(':')) return segment;
        const key = `${all[i - 1]}/${segment}`;
        if (!(key in params)) throw new Error(`No record for the parameter ${key} of ${path}: add one to \`params\` in this test`);
        return encodeURIComponent(String(params[key]));
      })
      .join('/');

  /** A body naming customer A wherever a route takes a customer, so that buyer B's writes aim at another's rows. */
  const bodyFor = (method: string, path: string) => {
    if (!['POST', 'PUT', 'PATCH'].includes(method)) return undefined;
    if (path === '/api/orders' || path === '/api/orders/quote')
      return { customerId: ids.a, deliveryPointId: ids.aPoint, channel: 'portal', lines: [{ productId: ids.product, quantity: 40 }] };
    if (path === '/api/complaints')
      return { customerId: ids.a, orderId: ids.aOrder.id, reason: 'damaged-packaging', description: 'Sacs percés', channel: 'portal' };
    return {};
  };

  it('walks every route of the OpenAPI document for every caller, and no answer reads or writes what its caller may not', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const operations = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path })),
    );
    expect(operations.length).toBeGreaterThan(100);
    const violations: string[] = [];
    let calls = 0;
    for (const caller of CALLERS) {
      for (const { method, path } of operations) {
        const rule = access.get(`${method} ${path}`);
        if (!rule) {
          violations.push(`${method} ${path}: no access rule recorded`);
          continue;
        }
        const session = caller === 'anonymous' ? null : sessions.get(caller)!;
        const payload = bodyFor(method, path);
        const res = await t.app.inject({
          method: method as 'GET',
          url: fill(path),
          headers: session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {},
          ...(payload ? { payload } : {}),
        });
        calls++;
        if (caller !== 'anonymous' && path === '/api/auth/logout' && res.statusCode === 204) await signIn(caller);
        const ok = res.statusCode < 300;
        const label = `${method} ${path} as ${caller}: ${res.statusCode} ${res.body.slice(0, 100)}`;
        if (res.statusCode >= 500 && !(path === '/api/ready' && res.statusCode === 503)) violations.push(`${label} (server error)`);
        if (rule.access === 'public') continue;
        if (caller === 'anonymous') {
          if (ok) violations.push(`${label} (anonymous reached it)`);
          continue;
        }
        if (!rule.access.includes(roleOf(caller))) {
          if (ok) violations.push(`${label} (role not allowed, yet answered)`);
          continue;
        }
        if (caller === 'buyerB' && ok && (res.body.includes(A_NAME) || res.body.includes(ids.aOrder.number)))
          violations.push(`${label} (customer A's data to buyer B)`);
        if (caller === 'buyerB' && ok && method !== 'GET' && payload && 'customerId' in payload)
          violations.push(`${label} (buyer B wrote for customer A)`);
        if (caller === 'buyerA' && ok && (res.body.includes(B_NAME) || res.body.includes('Cap Marché')))
          violations.push(`${label} (another customer's data to buyer A)`);
      }
    }
    expect(calls).toBe(operations.length * CALLERS.length);
    expect(violations).toEqual([]);
  }, 300_000); // some 900 requests: a minute on a loaded machine

  it("answers another customer's order 404 and a body naming another customer 403, and keeps lists to her company", async () => {
    const buyerB = client(t.app, sessions.get('buyerB')!);
    expect((await buyerB.get(`/api/orders/${ids.aOrder.id}`)).statusCode).toBe(404);
    expect((await buyerB.get(`/api/orders/${ids.aOrder.id}/documents`)).statusCode).toBe(404);
    expect((await buyerB.get(`/api/orders/${ids.aOrder.id}/documents/preparing`)).statusCode).toBe(404);
    expect((await buyerB.get(`/api/customers/${ids.a}/catalogue`)).statusCode).toBe(404);
    const foreign = await buyerB.post('/api/orders', {
      customerId: ids.a,
      channel: 'portal',
      lines: [{ productId: ids.product, quantity: 40 }],
    });
    expect(foreign.statusCode).toBe(403);
    const otherPoint = await buyerB.post('/api/orders/quote', {
      customerId: ids.b,
      deliveryPointId: ids.aPoint,
      channel: 'portal',
      lines: [{ productId: ids.product, quantity: 40 }],
    });
    expect(otherPoint.statusCode).toBe(403);
    const list = (await buyerB.get(`/api/orders?customerId=${ids.a}`)).json<{ items: { customerId: number }[] }>();
    expect(list.items.every((o) => o.customerId === ids.b)).toBe(true);
    const products = (await buyerB.get(`/api/products?customerId=${ids.a}&limit=200`)).json<{ items: unknown[] }>();
    expect(products.items.length).toBeGreaterThan(0);
  });

  it('takes a portal order on the channel portal, whatever the body says, and confirms it when nothing needs the desk', async () => {
    const buyerA = client(t.app, sessions.get('buyerA')!);
    // The matrix walked the first order through the desk's steps: a fresh one.
    const created = await buyerA.post('/api/orders', {
      customerId: ids.a,
      channel: 'edi',
      lines: [{ productId: ids.product, quantity: 40 }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const order = (await buyerA.get(`/api/orders/${created.json().id}`)).json();
    expect(order.channel).toBe('portal');
    expect(order.availableActions).toEqual([]);
    expect(order.findings.some((f: { rule: string }) => f.rule === 'credit-limit')).toBe(false);
    expect(['draft', 'confirmed']).toContain(order.status);
    if (order.status === 'draft')
      expect(order.findings.some((f: { severity: string }) => f.severity === 'block' || f.severity === 'approval')).toBe(true);
  });

  it('refuses to register a route that admits buyers without saying which rows of theirs it touches', async () => {
    const bare = Fastify({ logger: false }).withTypeProvider<TypeBoxTypeProvider>();
    registerAuth(bare);
    expect(() => bare.get('/api/open-to-buyers', { config: { access: ['assistant', 'buyer'] } }, async () => 'x')).toThrow(
      /admits buyers but declares no buyerScope/,
    );
    bare.get('/api/scoped', { config: { access: ['buyer'], buyerScope: { kind: 'own-account' } } }, async () => 'x');
    expect(bare.apiRouteAccess.map((r) => r.url)).toEqual(['/api/scoped']);
    await bare.close();
  });
});
