import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/clock.ts';
import { DEMO_PASSWORD } from '../../server/demo/seed.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, TEST_NOW, type TestApp } from '../helpers/test-app.ts';
import { demoIds } from './orders-fixtures.ts';

const BUYER = 'achats@pause-croustille.demo';

describe.each(await testEngines())('hardened HTTP and accounts on %s', (engine) => {
  let t: TestApp;
  const clock = fixedClock(TEST_NOW);

  beforeAll(async () => {
    t = await createTestApp(engine, { clock, env: { TRUST_PROXY: 'true' } });
  });
  afterAll(() => t.close());

  it('sends security headers with a policy that runs no inline script, and session cookies HttpOnly, Lax, Secure over HTTPS', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeDefined();
    const overHttps = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { email: BUYER, password: DEMO_PASSWORD },
    });
    const cookie = overHttps.cookies.find((c) => c.name === 'carnet_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true, path: '/' });
    const overHttp = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: BUYER, password: DEMO_PASSWORD } });
    expect(overHttp.cookies.find((c) => c.name === 'carnet_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(overHttp.cookies.find((c) => c.name === 'carnet_session')?.secure).toBeFalsy();
  });

  it('replaces the session at login and at a password change, ends it at logout on the server, and after an hour idle', async () => {
    const first = await login(t.app, BUYER);
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: first.cookie },
      payload: { email: BUYER, password: DEMO_PASSWORD },
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: first.cookie } })).statusCode).toBe(401);
    const session = {
      cookie: `carnet_session=${second.cookies.find((c) => c.name === 'carnet_session')!.value}`,
      csrfToken: second.json().csrfToken,
      userId: 0,
    };
    const me = client(t.app, session);
    const common = await me.post('/api/auth/password', { current: DEMO_PASSWORD, next: 'Motdepasse2026!' });
    expect(common.statusCode).toBe(400);
    expect(common.json().errors[0]).toMatchObject({ path: 'body.next', code: 'weak-password', params: { reason: 'common' } });
    expect((await me.post('/api/auth/password', { current: 'wrong', next: 'tamis-pétrin-farine-7' })).statusCode).toBe(400);
    const changed = await me.post('/api/auth/password', { current: DEMO_PASSWORD, next: 'tamis-pétrin-farine-7' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await me.get('/api/auth/me')).statusCode).toBe(401);
    const renewed = `carnet_session=${changed.cookies.find((c) => c.name === 'carnet_session')!.value}`;
    expect(renewed).not.toBe(session.cookie);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: renewed } })).statusCode).toBe(200);
    const fresh = await login(t.app, BUYER, 'tamis-pétrin-farine-7');
    expect((await client(t.app, fresh).post('/api/auth/logout')).statusCode).toBe(204);
    expect((await client(t.app, fresh).get('/api/auth/me')).statusCode).toBe(401);
    const idle = await login(t.app, BUYER, 'tamis-pétrin-farine-7');
    clock.advance(61 * 60_000);
    expect((await client(t.app, idle).get('/api/auth/me')).statusCode).toBe(401);
    const actions = await t.handle.db.selectFrom('auditEvents').select('action').where('entityType', '=', 'user').execute();
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['login', 'password_change']));
  });

  it('locks an account after ten failures from unknown browsers, audited, and refuses even its password meanwhile', async () => {
    const email = 'commandes@paindore.demo';
    for (let i = 0; i < 10; i++) {
      clock.advance(16 * 60_000); // past each back-off: the lock, not the back-off, is what this counts
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: `10.9.0.${i}`,
        payload: { email, password: 'wrong-guess' },
      });
      expect(res.statusCode).toBe(401);
    }
    clock.advance(16 * 60_000);
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.9.1.1',
      payload: { email, password: DEMO_PASSWORD },
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().locked).toBe(true);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    const lock = await t.handle.db.selectFrom('auditEvents').select(['action', 'afterJson']).where('action', '=', 'lock').execute();
    expect(lock).toHaveLength(1);
    clock.advance(31 * 60_000);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: '10.9.1.1',
          payload: { email, password: DEMO_PASSWORD },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('limits portal ordering per buyer, counted in the database that every node shares', async () => {
    const ids = await demoIds(t.handle.db);
    const buyer = client(t.app, await login(t.app, BUYER, 'tamis-pétrin-farine-7'));
    const body = {
      customerId: ids.customer('C042'),
      channel: 'portal',
      lines: [{ productId: ids.product('FAR-T45-1KG').id, quantity: 1 }],
    };
    const statuses: number[] = [];
    for (let i = 0; i < 121; i++) statuses.push((await buyer.post('/api/orders/quote', body)).statusCode);
    expect(statuses.slice(0, 120).every((s) => s !== 429)).toBe(true);
    const refused = await buyer.post('/api/orders/quote', body);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    const counted = await t.handle.db.selectFrom('rateLimitHits').select(['key', 'hits']).where('key', 'like', 'portal-order:%').execute();
    expect(counted[0]?.hits).toBeGreaterThan(120);
  });
});
