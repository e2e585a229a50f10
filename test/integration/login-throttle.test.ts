import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { fixedClock } from '../../server/clock.ts';
import { DEMO_PASSWORD } from '../../server/demo/seed.ts';
import { testEngines } from '../helpers/engines.ts';
import { createTestApp, type TestApp, TEST_NOW } from '../helpers/test-app.ts';

// Failed logins slow the next ones per account, per known browser and per address, counted in the database.
// Addresses are set as the socket's own (inject's remoteAddress); X-Forwarded-For counts only when TRUST_PROXY says.

type Try = { email: string; password?: string; from: string; device?: string; forwardedFor?: string; node?: FastifyInstance };

describe.each(await testEngines())('login throttle on %s', (engine) => {
  let t: TestApp;
  const clock = fixedClock(TEST_NOW);
  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
  });
  afterAll(() => t.close());

  const attempt = (app: FastifyInstance, a: Try): Promise<LightMyRequestResponse> =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: a.from,
      headers: {
        ...(a.device ? { cookie: `carnet_device=${a.device}` } : {}),
        ...(a.forwardedFor ? { 'x-forwarded-for': a.forwardedFor } : {}),
      },
      payload: { email: a.email, password: a.password ?? 'not the password' },
    });
  const tryLogin = (a: Try) => attempt(a.node ?? t.app, a);
  const deviceOf = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === 'carnet_device');
  /** As if the attempts so far were made `seconds` earlier: the back-off is measured from the last one. */
  const age = async (email: string, seconds: number) => {
    const rows = await t.handle.db.selectFrom('loginAttempts').select(['id', 'at']).where('email', '=', email).execute();
    for (const row of rows) {
      await t.handle.db
        .updateTable('loginAttempts')
        .set({ at: new Date(new Date(row.at).getTime() - seconds * 1000).toISOString() })
        .where('id', '=', row.id)
        .execute();
    }
  };
  const expectSlowed = (res: LightMyRequestResponse, retryAfter: number) => {
    expect(res.statusCode, res.body).toBe(429);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['retry-after']).toBe(String(retryAfter));
    expect(res.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED', retryAfterSeconds: retryAfter });
  };

  it('forgives five mistakes, then makes each further try wait longer; the 429 says how long', async () => {
    const email = 'manager@demo.local';
    // Two nodes on one database (and one time): the count is the database's, not a node's.
    const other = await buildApp({ db: t.handle.db, engine: t.handle.engine, config: t.app.config, clock: t.app.clock, logger: false });
    try {
      for (let i = 0; i < 5; i++) expect((await tryLogin({ email, from: '10.1.0.1', node: i % 2 ? other : t.app })).statusCode).toBe(401);
      expectSlowed(await tryLogin({ email, from: '10.1.0.2', node: other }), 15);
      // The right password is slowed too: from a browser the account never used, nobody can tell the owner apart.
      expectSlowed(await tryLogin({ email, password: DEMO_PASSWORD, from: '10.1.0.3' }), 15);
      await age(email, 16);
      expect((await tryLogin({ email, from: '10.1.0.1' })).statusCode).toBe(401);
      expectSlowed(await tryLogin({ email, from: '10.1.0.1', node: other }), 30);
      await age(email, 31);
      expect((await tryLogin({ email, password: DEMO_PASSWORD, from: '10.1.0.3' })).statusCode).toBe(200);
      // A success empties the account's pool: five mistakes are forgiven again.
      expect((await tryLogin({ email, from: '10.1.0.1' })).statusCode).toBe(401);
    } finally {
      await other.close();
    }
  });

  it("lets the owner in from a browser she logged in from before, while an attacker's tries elsewhere are slowed", async () => {
    const email = 'admin@demo.local';
    const first = await tryLogin({ email, password: DEMO_PASSWORD, from: '10.2.0.1' });
    expect(first.statusCode).toBe(200);
    const device = deviceOf(first)!;
    expect(device).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
    expect(device.maxAge).toBeGreaterThan(100 * 86_400); // seconds: Max-Age, whatever the browser's clock says
    // A minute later, someone else tries her account.
    clock.advance(60_000);

    for (let i = 0; i < 5; i++) expect((await tryLogin({ email, from: '10.2.9.9' })).statusCode).toBe(401);
    expectSlowed(await tryLogin({ email, from: '10.2.9.9' }), 15);
    expectSlowed(await tryLogin({ email, password: DEMO_PASSWORD, from: '10.2.9.9' }), 15);

    // Even from the attacker's own address (one office, one public address), her browser gets in.
    const owner = await tryLogin({ email, password: DEMO_PASSWORD, from: '10.2.9.9', device: device.value });
    expect(owner.statusCode, owner.body).toBe(200);
    expect(deviceOf(owner)?.value).toBe(device.value);

    // Another account's device cookie buys the attacker nothing here.
    const own = deviceOf(await tryLogin({ email: 'adv@demo.local', password: DEMO_PASSWORD, from: '10.2.9.9' }))!;
    expectSlowed(await tryLogin({ email, password: DEMO_PASSWORD, from: '10.2.9.9', device: own.value }), 15);
    // Neither does a forged one.
    expectSlowed(await tryLogin({ email, password: DEMO_PASSWORD, from: '10.2.9.9', device: 'forged' }), 15);
  });

  it('slows guesses made with a known device on their own count, without touching the account elsewhere', async () => {
    const email = 'adv@demo.local';
    const device = deviceOf(await tryLogin({ email, password: DEMO_PASSWORD, from: '10.3.0.1' }))!.value;
    for (let i = 0; i < 5; i++) expect((await tryLogin({ email, from: '10.3.0.1', device })).statusCode).toBe(401);
    expectSlowed(await tryLogin({ email, password: DEMO_PASSWORD, from: '10.3.0.1', device }), 15);
    expect((await tryLogin({ email, password: DEMO_PASSWORD, from: '10.3.0.2' })).statusCode).toBe(200);
  });

  it('counts failures by the socket address when no proxy is trusted: a rotating X-Forwarded-For meets the ceiling', async () => {
    const statuses: number[] = [];
    // Spraying one password over many accounts: no account pool fills up, the address does.
    for (let i = 0; i < 31; i++) {
      const res = await tryLogin({ email: `nobody${i}@spray.example`, from: '10.4.0.1', forwardedFor: `203.0.113.${i + 1}` });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) expect(res.json().code).toBe('RATE_LIMITED');
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
    const wait = Number((await tryLogin({ email: 'someone@else.example', from: '10.4.0.1' })).headers['retry-after']);
    expect(wait).toBeGreaterThan(14 * 60);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    // The ceiling is the address's alone.
    expect((await tryLogin({ email: 'someone@else.example', from: '10.4.0.2' })).statusCode).toBe(401);
  });
});

describe.each(await testEngines())('login throttle behind a trusted proxy on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { seed: false, env: { TRUST_PROXY: '10.5.0.1' } });
  });
  afterAll(() => t.close());

  const spray = async (forwardedFor: (i: number) => string, from = '10.5.0.1') => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: from,
        headers: { 'x-forwarded-for': forwardedFor(i) },
        payload: { email: `nobody${i}@spray.example`, password: 'x' },
      });
      statuses.push(res.statusCode);
    }
    return statuses;
  };

  it("counts by the address the trusted proxy names, and by the socket's when another sends the header", async () => {
    expect((await spray((i) => `203.0.113.${i + 1}`)).filter((s) => s === 429)).toEqual([]);
    expect((await spray(() => '198.51.100.7')).at(-1)).toBe(429);
    // Not the configured proxy: its header is ignored and its own address fills up.
    expect((await spray((i) => `192.0.2.${i + 1}`, '10.5.0.99')).at(-1)).toBe(429);
  });
});
