import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAuth, type RouteAccess } from '../../server/auth/auth.plugin.ts';
import { problemServerOptions, registerProblemHandlers } from '../../server/http/problem.ts';
import { testEngines } from '../helpers/engines.ts';
import { listen, type RawResponse, sendRaw, sendTarget } from '../helpers/raw-http.ts';
import { createTestApp, login, type Session, type TestApp } from '../helpers/test-app.ts';

// The authorisation matrix drives every route through app.inject, which builds clean URLs. An attacker writes the
// request line himself: every /api route is sent here over a real socket, under each spelling of its path that a
// router or a proxy might read differently, anonymously and with an admin's cookie but no CSRF header. None may
// reach a handler: the absolute and asterisk forms are refused outright, the others find no route.

/** `/api/orders/:id` with every parameter filled: anything will do, no handler may run. */
const sample = (url: string) => url.replace(/:kind/g, 'products').replace(/:\w+/g, '1');

const REFUSED_FORMS: Record<string, (path: string) => string> = {
  absolute: (p) => `http://carnet.test${p}`,
  'absolute https with port': (p) => `https://carnet.test:443${p}`,
  asterisk: () => '*',
};

const UNROUTED_SPELLINGS: Record<string, (path: string) => string> = {
  'leading double slash': (p) => `/${p}`,
  'inner double slash': (p) => p.replace('/api/', '/api//'),
  'upper case': (p) => p.toUpperCase(),
  'dot segment': (p) => `/x/..${p}`,
  'single-dot segment': (p) => p.replace('/api/', '/api/./'),
  'encoded slashes': (p) => `/${p.slice(1).replace(/\//g, '%2F')}`,
  'encoded dot segment': (p) => `/x/%2e%2e${p}`,
};

/** A refusal in problem+json, or the web app's shell for a browser path: never an /api handler's answer. */
function expectNoHandler(res: RawResponse, method: string, label: string) {
  const shell =
    (method === 'GET' || method === 'HEAD') && res.status === 200 && String(res.headers['content-type']).startsWith('text/html');
  expect(shell || res.status === 404, `${label}: ${res.status} ${res.body.slice(0, 120)}`).toBe(true);
  if (!shell) {
    expect(res.headers['content-type'], label).toContain('application/problem+json');
    if (method !== 'HEAD') expect(JSON.parse(res.body).code, label).toBe('NOT_FOUND');
  }
}

describe.each(await testEngines())('request targets on %s', (engine) => {
  let t: TestApp;
  let port: number;
  let routes: readonly RouteAccess[];
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp(engine);
    port = await listen(t.app);
    routes = t.app.apiRouteAccess;
    admin = await login(t.app, 'admin@demo.local');
  });
  afterAll(() => t.close());

  const callers = () => ({ anonymous: {}, 'admin without CSRF': { cookie: admin.cookie } }) as Record<string, Record<string, string>>;

  it('refuses absolute-form and asterisk-form targets on every route with a 400 problem, before any rule or handler', async () => {
    const methods = (route: RouteAccess) => (route.method === 'GET' ? ['GET', 'HEAD'] : [route.method]);
    for (const route of routes) {
      for (const method of methods(route)) {
        for (const [form, spell] of Object.entries(REFUSED_FORMS)) {
          for (const [caller, headers] of Object.entries(callers())) {
            const label = `${method} ${spell(sample(route.url))} (${form}) as ${caller}`;
            const res = await sendTarget(port, method, spell(sample(route.url)), { headers });
            expect(res.status, `${label}: ${res.body.slice(0, 120)}`).toBe(400);
            expect(res.headers['content-type'], label).toContain('application/problem+json');
            if (method !== 'HEAD') expect(JSON.parse(res.body), label).toMatchObject({ status: 400, code: 'BAD_REQUEST_TARGET' });
          }
        }
      }
    }
  });

  it('routes no other spelling of an /api path (double slashes, case, dot segments, encoded slashes) to its handler', async () => {
    for (const route of routes) {
      for (const [trick, spell] of Object.entries(UNROUTED_SPELLINGS)) {
        for (const [caller, headers] of Object.entries(callers())) {
          const target = spell(sample(route.url));
          const res = await sendTarget(port, route.method, target, { headers });
          expectNoHandler(res, route.method, `${route.method} ${target} (${trick}) as ${caller}`);
        }
      }
    }
  });

  it('answers the plain path as its rule says, so the spellings above were tried on routes that exist', async () => {
    for (const route of routes.filter((r) => r.access !== 'public')) {
      const res = await sendTarget(port, route.method, sample(route.url));
      expect(res.status, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('answers OPTIONS * as any unknown path, and a missing /api path with a 404 problem, never the web app', async () => {
    expectNoHandler(await sendTarget(port, 'OPTIONS', '*'), 'OPTIONS', 'OPTIONS *');
    for (const target of ['/api/nothing-here', '/api/orders/1/nothing', '/api/openapi.json/../orders']) {
      const res = await sendTarget(port, 'GET', target, { headers: { cookie: admin.cookie } });
      expect(res.status, target).toBe(404);
      expect(res.headers['content-type'], target).toContain('application/problem+json');
    }
  });
});

describe('answers given before any route runs', () => {
  // Node's parser and Fastify's router answer these themselves; the database plays no part, so one engine will do.
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { seed: false });
    port = await listen(t.app);
  });
  afterAll(() => t.close());

  const expectProblem = (res: RawResponse, status: number, code: string) => {
    expect(res.status, res.body).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse(res.body)).toMatchObject({
      status,
      code,
      type: expect.any(String),
      title: expect.any(String),
      detail: expect.any(String),
    });
  };

  it('answers headers too large with a 431 problem, whether a header or the URL is too long', async () => {
    expectProblem(
      await sendRaw(port, `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`),
      431,
      'HEADERS_TOO_LARGE',
    );
    expectProblem(await sendRaw(port, `GET /api/orders?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`), 431, 'HEADERS_TOO_LARGE');
  });

  it('answers a request line that is not HTTP with a 400 problem', async () => {
    expectProblem(await sendRaw(port, 'HELLO THERE\r\n\r\n'), 400, 'BAD_REQUEST');
    expectProblem(await sendRaw(port, 'GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n'), 400, 'BAD_REQUEST');
  });

  it('answers a path that does not decode with a 400 problem, and a parameter too long with a problem', async () => {
    expectProblem(await sendTarget(port, 'GET', '/api/orders/%E0%A4%A'), 400, 'BAD_URL');
    // The router gives up on a parameter over 100 characters: a 414 when no other route could match, else a 404.
    const long = await sendTarget(port, 'GET', `/api/orders/${'1'.repeat(150)}`);
    if (long.status === 414) expectProblem(long, 414, 'URI_TOO_LONG');
    else expectProblem(long, 404, 'NOT_FOUND');
    const lone = Fastify({ logger: false, ...problemServerOptions });
    lone.get('/api/things/:id', async () => 'found');
    try {
      expectProblem(await sendTarget(await listen(lone), 'GET', `/api/things/${'1'.repeat(150)}`), 414, 'URI_TOO_LONG');
    } finally {
      await lone.close();
    }
  });

  it('answers a body over the limit with a 413 problem', async () => {
    const body = JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) });
    expectProblem(
      await sendTarget(port, 'POST', '/api/auth/login', { headers: { 'content-type': 'application/json' }, body }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
  });
});

describe('the auth plugin on its own', () => {
  it('applies the rule of the route that matched, even when the target is an absolute URL', async () => {
    // Without the request-target check in front: the router still finds the route, and the rule must still hold.
    const app = Fastify({ logger: false });
    await app.register(cookie);
    registerProblemHandlers(app, { serveSpa: false });
    registerAuth(app);
    app.get('/api/secret', { config: { access: ['admin'] } }, async () => ({ secret: 'open sesame' }));
    app.post('/api/secret', { config: { access: ['admin'] } }, async () => ({ secret: 'open sesame' }));
    const port = await listen(app);
    try {
      for (const method of ['GET', 'POST']) {
        const plain = await sendTarget(port, method, '/api/secret');
        const absolute = await sendTarget(port, method, 'http://carnet.test/api/secret');
        expect(plain.status, method).toBe(401);
        expect(absolute.status, method).toBe(401);
        expect(absolute.body).not.toContain('open sesame');
      }
    } finally {
      await app.close();
    }
  });
});
