import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../core/auth/roles.ts';
import { registerAuth, type RouteAccess } from '../../server/auth/auth.plugin.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import { DEMO_PASSWORD } from '../../server/demo/seed.ts';
import { readPendingItems } from '../../server/intake/read-items.ts';
import { takeMessage } from '../../server/intake/take-message.ts';
import { runRiskScan } from '../../server/risks/risk-scan.ts';
import { testEngines } from '../helpers/engines.ts';
import { createTestApp, login, type Session, type TestApp } from '../helpers/test-app.ts';
import { demoIds } from './orders-fixtures.ts';

// Every /api route the app registers × every kind of caller. The routes come from the app itself (the auth
// plugin records each one with its access rule as it registers), so a new route is in the matrix the day it is
// added. About 45 routes × 5 callers take a second or two on either engine, so both run.

type Caller = 'none' | Role;
const CALLERS: readonly Caller[] = ['none', 'buyer', 'assistant', 'manager', 'admin'];
const EMAILS: Record<Role, string> = {
  assistant: 'adv@demo.local',
  manager: 'manager@demo.local',
  admin: 'admin@demo.local',
  buyer: 'acheteur@martin.example',
};

/** `/api/orders/:id` → `/api/orders/{id}`, as OpenAPI writes it. */
const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

describe.each(await testEngines())('authorization matrix on %s', (engine) => {
  let t: TestApp;
  let routes: readonly RouteAccess[];
  const sessions = new Map<Role, Session>();
  /** A real record for each path parameter, named by the segment before it: nothing is left to a 404. */
  let params: Record<string, string | number>;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.handle.db;
    const ids = await demoIds(db);
    const martin = ids.customer('C020');
    await db
      .insertInto('users')
      .values({
        email: EMAILS.buyer,
        name: 'Acheteur Martin',
        role: 'buyer',
        passwordHash: await hashPassword(DEMO_PASSWORD),
        customerId: martin,
        createdAt: t.app.clock.now().toISOString(),
      })
      .execute();
    for (const role of ROLES) sessions.set(role, await login(t.app, EMAILS[role]));

    // Cap Marché's records throughout, never the buyer's own customer: whatever a buyer reaches is another's data.
    const capMarche = ids.customer('C001');
    const assistant = sessions.get('assistant')!;
    const headers = { cookie: assistant.cookie, 'x-csrf-token': assistant.csrfToken };
    const order = (
      await t.app.inject({
        method: 'POST',
        url: '/api/orders',
        headers,
        payload: { customerId: capMarche, channel: 'phone', lines: [{ customerCode: 'CM-204511', quantity: 80 }] },
      })
    ).json(); // one pallet: Cap Marché's minimum, so it confirms without a manager
    for (const step of ['confirm', 'release', 'ship'])
      expect((await t.app.inject({ method: 'POST', url: `/api/orders/${order.id}/${step}`, headers, payload: {} })).statusCode).toBe(200);
    // Another of Cap Marché's orders, delivered: the controls compare its documents (the first one's steps are walked).
    const delivered = (
      await t.app.inject({
        method: 'POST',
        url: '/api/orders',
        headers,
        payload: { customerId: capMarche, channel: 'phone', lines: [{ customerCode: 'CM-204511', quantity: 80 }] },
      })
    ).json();
    for (const step of ['confirm', 'release', 'ship'])
      expect((await t.app.inject({ method: 'POST', url: `/api/orders/${delivered.id}/${step}`, headers, payload: {} })).statusCode).toBe(
        200,
      );
    const deliver = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${delivered.id}/deliver`,
      headers,
      payload: { lines: [{ lineId: delivered.lines[0].id, deliveredQuantity: 80 }] },
    });
    expect(deliver.statusCode, deliver.body).toBe(200);
    const control = await t.app.inject({ method: 'GET', url: `/api/controls?orderId=${delivered.id}&status=all`, headers });
    expect(control.json().controls, control.body).toHaveLength(1);
    // An order by email from Cap Marché's buyer, taken in and read as the mailbox sweep does.
    const intake = await takeMessage(
      db,
      Buffer.from(
        [
          'From: Appro Epicerie <appro.epicerie@cap-marche.example>',
          'To: commandes@moulins-delaunay.example',
          'Subject: Commande Cap Marché',
          'Message-ID: <commande-authorization@cap-marche.example>',
          'Content-Type: text/plain; charset=utf-8',
          '',
          'Bonjour, merci de nous livrer 80 sacs CM-204511. Cordialement',
          '',
        ].join('\r\n'),
      ),
      { mailbox: 'INBOX', uidValidity: null, uid: null },
      t.app.clock.now(),
    );
    await readPendingItems(db, t.app.clock.now());
    expect((await t.app.inject({ method: 'GET', url: `/api/intake/${intake.id}`, headers })).statusCode).toBe(200);
    // A piece of the assistant's day (Cap Marché's when there is one).
    const day = (await t.app.inject({ method: 'GET', url: '/api/day', headers })).json<{
      items: { ref: string; customerId: number | null }[];
    }>();
    const dayItem = day.items.find((i) => i.customerId === capMarche) ?? day.items[0];
    expect(dayItem, 'the assistant has a day').toBeDefined();
    const first = async (table: 'contacts' | 'customerProductCodes' | 'priceLists' | 'warehouses', where?: [string, number]) => {
      let q = db.selectFrom(table).select('id').orderBy('id');
      if (where) q = q.where(where[0] as never, '=', where[1] as never);
      return (await q.executeTakeFirstOrThrow()).id;
    };
    const warehouse = await first('warehouses');
    const promotion = (await db.selectFrom('promotions').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    const customerPrice = (
      await db
        .insertInto('customerPrices')
        .values({
          customerId: capMarche,
          productId: ids.product('FAR-T45-1KG').id,
          unitPriceCents: 700,
          validFrom: '2026-01-01',
          validTo: null,
          note: null,
          updatedAt: t.app.clock.now().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await t.app.documentJobs.drain(); // the order's acknowledgement and delivery note, printed after their commits
    params = {
      'customers/:id': capMarche,
      'delivery-points/:id': ids.point('C001-DP1'),
      'contacts/:id': await first('contacts', ['customerId', capMarche]),
      'customer-product-codes/:id': await first('customerProductCodes', ['customerId', capMarche]),
      'products/:id': ids.product('FAR-T45-1KG').id,
      'price-lists/:id': await first('priceLists'),
      'items/:productId': ids.product('FAR-T45-1KG').id,
      'assortment/:productId': ids.product('FAR-T45-1KG').id,
      'warehouses/:id': warehouse,
      'stock/:warehouseId': warehouse,
      ':warehouseId/:productId': ids.product('FAR-T45-1KG').id,
      'orders/:id': order.id,
      'controls/:id': delivered.id,
      // A change waiting for a manager, on the shipped order: the matrix reaches its routes, the decisions answer 400/409.
      'change-requests/:id': (
        await db
          .insertInto('orderChangeRequests')
          .values({
            orderId: order.id,
            bodyJson: JSON.stringify({ lines: [{ id: order.lines[0].id, quantity: 800 }] }),
            summaryJson: JSON.stringify({ lines: [], netCents: { before: 0, after: 0 } }),
            findingsJson: '[]',
            askedAgainst: '{}',
            status: 'pending',
            requestedBy: assistant.userId,
            requestedAt: t.app.clock.now().toISOString(),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
      'intake/:id': intake.id,
      'items/:ref': encodeURIComponent(dayItem.ref),
      'documents/:id': (await db.selectFrom('documents').select('publicId').orderBy('id').executeTakeFirstOrThrow()).publicId,
      'deliveries/:id': (
        await db.selectFrom('deliveries').select('id').where('status', '=', 'delivered').orderBy('id').executeTakeFirstOrThrow()
      ).id,
      'stock-lots/:id': (await db.selectFrom('stockLots').select('id').orderBy('id').executeTakeFirstOrThrow()).id,
      'force-majeure-periods/:id': (await db.selectFrom('forceMajeurePeriods').select('id').orderBy('id').executeTakeFirstOrThrow()).id,
      'penalty-notices/:id': (await db.selectFrom('penaltyNotices').select('id').orderBy('id').executeTakeFirstOrThrow()).id,
      'imports/:kind': 'products',
      'absences/:id': (await t.handle.db.selectFrom('absences').select('id').orderBy('id').executeTakeFirstOrThrow()).id,
      'promotions/:id': promotion,
      'prices/:priceId': customerPrice,
      'planned-receipts/:id': (await db.selectFrom('plannedReceipts').select('id').orderBy('id').executeTakeFirstOrThrow()).id,
      'production-shortfalls/:id': (await db.selectFrom('productionShortfalls').select('id').orderBy('id').executeTakeFirstOrThrow()).id,
      'risks/:id':
        (await runRiskScan(db, t.app.clock.now()), (await db.selectFrom('risks').select('id').orderBy('id').executeTakeFirstOrThrow()).id),
      'tasks/:id': (await db.selectFrom('tasks').select('id').orderBy('id').executeTakeFirstOrThrow()).id,
      'partners/:id': (await db.selectFrom('ediPartners').select('id').orderBy('id').executeTakeFirstOrThrow()).id,
      'messages/:id': 1,
      'complaints/:id': (await db.selectFrom('complaints').select('id').orderBy('id').executeTakeFirstOrThrow()).id,
      'lots/:lot': 'L26008P',
      'call-scripts/:typology': 'ARTISAN',
      ':typology/:screen': 'risk',
      'users/:id': sessions.get('buyer')!.userId,
      'links/:token': 'x'.repeat(43),
      'notes/:noteId': (
        await db
          .insertInto('customerNotes')
          .values({
            customerId: capMarche,
            authorId: null,
            at: '2026-01-05T08:00:00.000Z',
            text: 'Appeler avant 7 h',
            pinned: 1,
            mood: null,
            updatedAt: '2026-01-05T08:00:00.000Z',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    };
    routes = t.app.apiRouteAccess;
  });
  afterAll(() => t.close());

  const fill = (url: string) =>
    url
      .split('/')
      .map((segment, i, all) => {
        if (!segment.startsWith(':')) return segment;
        const key = `${all[i - 1]}/${segment}`;
        if (!(key in params)) throw new Error(`No record for the parameter ${key} of ${url}: add one to \`params\` in this test`);
        return String(params[key]);
      })
      .join('/');

  const call = async (route: RouteAccess, caller: Caller) => {
    const session = caller === 'none' ? null : sessions.get(caller)!;
    const res = await t.app.inject({
      method: route.method as 'GET',
      url: fill(route.url),
      headers: session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {},
      ...(['POST', 'PUT', 'PATCH'].includes(route.method) ? { payload: {} } : {}),
    });
    // Logging out ends the session the rest of the matrix uses: open a new one.
    if (caller !== 'none' && route.url === '/api/auth/logout' && res.statusCode === 204)
      sessions.set(caller, await login(t.app, EMAILS[caller]));
    return res;
  };

  it('collects every route, each with an access rule, and no fewer than the OpenAPI document lists', async () => {
    expect(routes.length).toBeGreaterThan(30);
    for (const r of routes)
      expect(r.access === 'public' || (Array.isArray(r.access) && r.access.length > 0), `${r.method} ${r.url}`).toBe(true);
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const documented = Object.entries(spec.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    const collected = routes.map((r) => `${r.method} ${openApiPath(r.url)}`);
    expect(collected).toEqual(expect.arrayContaining(documented));
    // The only route missing from the document is the document itself.
    expect(collected.filter((c) => !documented.includes(c))).toEqual(['GET /api/openapi.json']);
  });

  it('answers each route as its access rule says, for every caller', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      for (const caller of CALLERS) {
        const res = await call(route, caller);
        const status = res.statusCode;
        const label = `${route.method} ${route.url} as ${caller}: ${status} ${status >= 400 ? res.body.slice(0, 120) : ''}`;
        if (status >= 500 && !(route.url === '/api/ready' && status === 503)) wrong.push(`${label} (server error)`);
        else if (route.access === 'public') {
          if (status === 403) wrong.push(`${label} (public route refused)`);
        } else if (caller === 'none') {
          if (status !== 401) wrong.push(`${label} (expected 401)`);
        } else if (!route.access.includes(caller)) {
          if (status !== 403 || res.json().code !== 'FORBIDDEN') wrong.push(`${label} (expected 403 FORBIDDEN)`);
        } else if (status === 401 || status === 403) {
          wrong.push(`${label} (allowed role refused)`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 300_000); // more routes × callers than a loaded machine walks in the default minute

  it("keeps buyers out of every customer's data: no data route admits them but the download, which checks each file", async () => {
    // A route opened to buyers must show, in a test of its own, that it answers only with the buyer's customer.
    const openToBuyers = routes.filter((r) => r.access !== 'public' && r.access.includes('buyer')).map((r) => `${r.method} ${r.url}`);
    // The documents route decides per file with canReadDocument: test/integration/documents.test.ts shows a buyer
    // reads her own company's files only.
    // The portal's routes declare a buyerScope each (server/auth/buyer-scope.ts); test/integration/portal-authorization.test.ts
    // walks them with two buyers of two customers and foreign ids.
    expect(openToBuyers.sort()).toEqual([
      'GET /api/complaints',
      'GET /api/complaints/:id',
      'GET /api/customers/:id/catalogue',
      'GET /api/customers/:id/stock',
      'GET /api/documents/:id',
      'GET /api/orders',
      'GET /api/orders/:id',
      'GET /api/orders/:id/documents',
      'GET /api/orders/:id/documents/preparing',
      'GET /api/products',
      'POST /api/auth/logout',
      'POST /api/auth/password',
      'POST /api/complaints',
      'POST /api/complaints/:id/photos',
      'POST /api/customers/:id/stock-reports',
      'POST /api/orders',
      'POST /api/orders/quote',
    ]);
    for (const route of routes.filter((r) => r.access !== 'public' && !r.access.includes('buyer'))) {
      const res = await call(route, 'buyer');
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
      expect(res.body).not.toContain('Cap Marché');
    }
  });

  it('refuses to register an /api route without an access rule', async () => {
    const bare = Fastify({ logger: false }).withTypeProvider<TypeBoxTypeProvider>();
    registerAuth(bare);
    expect(() => bare.get('/api/forgotten', async () => 'open')).toThrow(/declares no access rule/);
    bare.get('/api/remembered', { config: { access: ['admin'] } }, async () => 'closed');
    expect(bare.apiRouteAccess).toEqual([{ method: 'GET', url: '/api/remembered', access: ['admin'] }]);
    await bare.close();
  });
});
