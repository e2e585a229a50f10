import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp } from '../helpers/test-app.ts';

describe.each(await testEngines())('auth on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('answers health without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('logs in with an httpOnly session cookie and a CSRF token; the hash is argon2id', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'ADV@demo.local', password: 'demo1234' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ email: 'adv@demo.local', role: 'assistant' });
    expect(res.json().csrfToken).toMatch(/^[\w-]{32,}$/);
    const cookie = res.cookies.find((c) => c.name === 'carnet_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const row = await t.handle.db
      .selectFrom('users')
      .select('passwordHash')
      .where('email', '=', 'adv@demo.local')
      .executeTakeFirstOrThrow();
    expect(row.passwordHash.startsWith('$argon2id$')).toBe(true);
  });

  it('refuses a wrong password with a 401 problem', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'manager@demo.local', password: 'nope' } });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('requires the CSRF header on cookie-authenticated writes', async () => {
    const session = await login(t.app, 'adv@demo.local');
    const without = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: session.cookie } });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('CSRF');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: session.cookie, 'x-csrf-token': 'forged' },
    });
    expect(wrong.statusCode).toBe(403);
    const me = await client(t.app, session).get('/api/auth/me');
    expect(me.json().csrfToken).toBe(session.csrfToken);
    const out = await client(t.app, session).post('/api/auth/logout');
    expect(out.statusCode).toBe(204);
    expect((await client(t.app, session).get('/api/auth/me')).statusCode).toBe(401);
  });

  it('answers the web app who is logged in, nobody included, without an error', async () => {
    const nobody = await t.app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(nobody.statusCode).toBe(200);
    expect(nobody.json()).toEqual({ user: null, csrfToken: null });
    const session = await login(t.app, 'adv@demo.local');
    const current = (await client(t.app, session).get('/api/auth/session')).json();
    expect(current).toMatchObject({ user: { email: 'adv@demo.local', role: 'assistant' }, csrfToken: session.csrfToken });
  });

  it('publishes OpenAPI 3', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().openapi).toMatch(/^3\./);
    expect(Object.keys(res.json().paths)).toContain('/api/auth/login');
  });
});
