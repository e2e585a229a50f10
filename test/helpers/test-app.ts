import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { parisNow } from '../../core/calendar/dates.ts';
import { buildApp } from '../../server/app.ts';
import { type Clock, fixedClock } from '../../server/clock.ts';
import { loadConfig } from '../../server/config.ts';
import { type DatabaseHandle, type Engine, openDatabase } from '../../server/db/connect.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { DEMO_PASSWORD, seedDemo } from '../../server/demo/seed.ts';
import { PG_ADMIN_URL } from './engines.ts';

export type TestApp = {
  app: FastifyInstance;
  handle: DatabaseHandle;
  engine: Engine;
  dataDir: string;
  close: () => Promise<void>;
};

/**
 * The instant the suites live at: a Monday morning at the desk in Paris, whole weeks after the demo's reference day
 * (server/demo/demo-data.json), so the demo's deliveries keep their weekdays once shifted to it.
 */
export const TEST_NOW = '2026-03-09T09:00:00+01:00';

/** TEST_NOW's day in Paris: "today" for a suite whose apps run on the default clock. */
export const TEST_TODAY = parisNow(new Date(TEST_NOW)).date;

/**
 * A fresh, migrated database (a new SQLite file or a new PostgreSQL database) with the demo seeded as of the clock's
 * now, and the app on it, reading the time from that clock: by default one pinned at TEST_NOW, so that no suite
 * depends on the day it runs (nor fails around midnight). A suite that compares with "today" passes its own clock
 * and derives "today" from it; one that needs time to pass advances it. Without the demo's six months of
 * history unless `history` asks for it: the suites count the data set's rows.
 */
export async function createTestApp(
  engine: Engine,
  options: { seed?: boolean; env?: Record<string, string>; clock?: Clock; history?: boolean } = {},
): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'carnet-test-'));
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  if (engine === 'postgres') {
    const name = `carnet_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  // Backups go beside the data, removed with it: a test that walks every route (an admin's "back up now" among
  // them) leaves nothing in the working tree's ./backups.
  const config = {
    ...loadConfig({ DATA_DIR: dataDir, BACKUP_DIR: path.join(dataDir, 'backups'), LOG_LEVEL: 'silent', ...options.env }),
    DATABASE_URL: databaseUrl,
  };
  const handle = openDatabase({ databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(handle.db);
  const clock = options.clock ?? fixedClock(TEST_NOW);
  if (options.seed !== false) await seedDemo(handle.db, clock.now(), { history: options.history });
  const app = await buildApp({ db: handle.db, engine: handle.engine, config, clock, logger: false });
  await app.ready();
  return {
    app,
    handle,
    engine,
    dataDir,
    close: async () => {
      await app.close();
      await handle.close();
      await dropDatabase();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type Session = { cookie: string; csrfToken: string; userId: number };

export async function login(app: FastifyInstance, email: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'carnet_session');
  return { cookie: `carnet_session=${cookie!.value}`, csrfToken: res.json().csrfToken, userId: res.json().user.id };
}

/** A tiny client bound to a session: writes carry the CSRF header, as the web app's do. */
export function client(app: FastifyInstance, session: Session) {
  const send = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown): Promise<LightMyRequestResponse> =>
    app.inject({
      method,
      url,
      payload: payload as never,
      headers: { cookie: session.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrfToken }) },
    });
  return {
    get: (url: string) => send('GET', url),
    post: (url: string, body?: unknown) => send('POST', url, body ?? {}),
    put: (url: string, body?: unknown) => send('PUT', url, body ?? {}),
    patch: (url: string, body?: unknown) => send('PATCH', url, body ?? {}),
    delete: (url: string) => send('DELETE', url),
  };
}
