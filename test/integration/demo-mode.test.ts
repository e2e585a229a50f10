import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDemoMode } from '../../server/demo/demo-mode.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../server/demo/demo-accounts.ts';
import { createAdmin } from '../../server/users/create-admin.ts';
import { testEngines } from '../helpers/engines.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/** What a start says, kept to be read. */
function captureLog() {
  const lines: { level: 'info' | 'warn'; message: string }[] = [];
  return {
    lines,
    log: {
      info: (message: string) => lines.push({ level: 'info', message }),
      warn: (message: string) => lines.push({ level: 'warn', message }),
    },
  };
}

const loginStatus = (t: TestApp, email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } }).then((r) => r.statusCode);

describe.each(await testEngines())('demo mode on %s', (engine) => {
  describe('a database started in demo mode, then without it, then in it again', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(engine, { seed: false });
    });
    afterAll(() => t.close());

    it('loads the demo into the empty database and says, as a warning, that it is the demo and with which logins', async () => {
      const { lines, log } = captureLog();
      await applyDemoMode(t.handle.db, true, log, t.app.clock.now());
      expect(await t.handle.db.selectFrom('company').select('name').executeTakeFirst()).toMatchObject({
        name: expect.stringContaining('Moulins Delaunay'),
      });
      const banner = lines.find((l) => l.message.startsWith('DEMO MODE'));
      expect(banner?.level).toBe('warn');
      for (const a of DEMO_ACCOUNTS) expect(banner?.message).toContain(`${a.email} (${a.role})`);
      expect(banner?.message).toContain(DEMO_PASSWORD);
      expect(await loginStatus(t, 'adv@demo.local', DEMO_PASSWORD)).toBe(200);
    });

    it('says so again at the next start, and loads nothing twice', async () => {
      const { lines, log } = captureLog();
      await applyDemoMode(t.handle.db, true, log, t.app.clock.now());
      expect(lines.map((l) => l.level)).toEqual(['warn']);
      expect(lines[0].message).toMatch(/^DEMO MODE/);
      expect(await t.handle.db.selectFrom('company').select('id').execute()).toHaveLength(1);
    });

    it('switches the demo accounts off out of demo mode, with an audit event each, and says so', async () => {
      const { lines, log } = captureLog();
      await applyDemoMode(t.handle.db, false, log, t.app.clock.now());
      expect(lines).toEqual([
        {
          level: 'warn',
          message: expect.stringMatching(/^CARNET_DEMO=false: the demo accounts adv@demo\.local \(assistant\), .* are switched off/),
        },
        { level: 'warn', message: expect.stringContaining('npx carnet users create-admin') },
      ]);
      for (const a of DEMO_ACCOUNTS) expect(await loginStatus(t, a.email, DEMO_PASSWORD)).toBe(401);
      // Each login is audited too (issue 15): the switches are the rest.
      const audit = await t.handle.db
        .selectFrom('auditEvents')
        .select(['action', 'entityId'])
        .where('entityType', '=', 'user')
        .where('action', '!=', 'login')
        .execute();
      expect(audit.map((e) => e.action)).toEqual(DEMO_ACCOUNTS.map(() => 'disable_demo_account'));
    });

    it('switches them on again back in demo mode', async () => {
      await applyDemoMode(t.handle.db, true, captureLog().log, t.app.clock.now());
      expect(await loginStatus(t, 'manager@demo.local', DEMO_PASSWORD)).toBe(200);
    });
  });

  describe('an installation without the demo', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(engine, { seed: false, env: { CARNET_DEMO: 'false' } });
    });
    afterAll(() => t.close());

    it('stays empty, shows no demo logins, and says how to create the first administrator', async () => {
      const { lines, log } = captureLog();
      await applyDemoMode(t.handle.db, false, log, t.app.clock.now());
      expect(lines).toEqual([
        {
          level: 'warn',
          message: 'no administrator can log in: create the first one with `npx carnet users create-admin --email <email> --name "<name>"`',
        },
      ]);
      expect(await t.handle.db.selectFrom('company').select('id').execute()).toEqual([]);
      expect((await t.app.inject({ method: 'GET', url: '/api/demo' })).json()).toEqual({ accounts: [], password: null });
    });

    it('creates an administrator who logs in, and refuses a weak password or a taken email', async () => {
      const weak = await createAdmin(
        t.handle.db,
        { email: 'jeanne@moulin.example', name: 'Jeanne Roux', password: 'farine' },
        t.app.clock.now(),
      );
      expect(weak).toEqual({ ok: false, problems: [{ field: 'password', message: 'is shorter than 12 characters' }] });

      const created = await createAdmin(
        t.handle.db,
        { email: ' Jeanne@Moulin.example ', name: 'Jeanne Roux', password: 'tamis-pétrin-farine-7' },
        t.app.clock.now(),
      );
      expect(created).toMatchObject({ ok: true, email: 'jeanne@moulin.example' });
      expect(await loginStatus(t, 'jeanne@moulin.example', 'tamis-pétrin-farine-7')).toBe(200);
      const audit = await t.handle.db
        .selectFrom('auditEvents')
        .select(['action', 'afterJson'])
        .where('entityType', '=', 'user')
        .where('action', '!=', 'login')
        .execute();
      expect(audit).toEqual([
        { action: 'create_admin', afterJson: JSON.stringify({ email: 'jeanne@moulin.example', name: 'Jeanne Roux', role: 'admin' }) },
      ]);

      const again = await createAdmin(
        t.handle.db,
        { email: 'JEANNE@moulin.example', name: 'Jeanne Roux', password: 'une-autre-phrase-longue' },
        t.app.clock.now(),
      );
      expect(again).toEqual({ ok: false, problems: [{ field: 'email', message: 'belongs to an account already' }] });
    });

    it('loads no demo into it later in demo mode, and says why', async () => {
      const { lines, log } = captureLog();
      await applyDemoMode(t.handle.db, true, log, t.app.clock.now());
      expect(lines).toEqual([
        { level: 'info', message: 'CARNET_DEMO is on, but this database holds an installation of its own: no demo data, no demo logins' },
      ]);
      expect(await t.handle.db.selectFrom('company').select('id').execute()).toEqual([]);
    });
  });
});
