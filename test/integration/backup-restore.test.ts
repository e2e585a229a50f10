import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { openDatabase } from '../../server/db/connect.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { restoreBackup } from '../../server/ops/restore.ts';
import { takeBackup } from '../../server/ops/take-backup.ts';
import { PG_ADMIN_URL, testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp } from '../helpers/test-app.ts';
import { demoIds } from './orders-fixtures.ts';

type Order = { id: number; number: string; status: string; lines: unknown[]; totals: unknown };
type Client = ReturnType<typeof client>;

/** A fresh empty PostgreSQL database to restore into, and how to drop it. */
async function emptyPgDatabase() {
  const name = `carnet_restore_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

describe.each(await testEngines())('backup and restore while the desk works, on %s', (engine) => {
  let t: TestApp;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'carnet-backup-test-'));
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => {
    for (const cleanUp of cleanups.reverse()) await cleanUp();
    await t.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('restores every order confirmed before the backup began, whole, and nothing half-written', { timeout: 120_000 }, async () => {
    const ids = await demoIds(t.handle.db);
    const order = (customer: string) => ({
      customerId: ids.customer(customer),
      customerRef: `PO-${randomBytes(3).toString('hex')}`,
      channel: 'phone',
      lines: [
        { productId: ids.product('FAR-T65-S25').id, quantity: 12 },
        { productId: ids.product('FAR-T80-S25').id, quantity: 2 },
      ],
    });
    // Four assistants at once, each creating and confirming orders until told to stop.
    const desks: Client[] = [];
    for (let i = 0; i < 4; i++) desks.push(client(t.app, await login(t.app, 'adv@demo.local')));
    const confirmed = new Map<number, Order>();
    let stop = false;
    const failures: Error[] = [];
    // Each desk serves its own bakery, up to 12 orders: beyond some 17, the bakery's credit limit would refuse them.
    const bakeries = ['C020', 'C021', 'C023', 'C024'];
    const work = desks.map(async (desk, i) => {
      for (let n = 0; n < 12 && !stop; n++) {
        const created = await desk.post('/api/orders', order(bakeries[i]));
        expect(created.statusCode).toBe(201);
        const res = await desk.post(`/api/orders/${created.json<Order>().id}/confirm`);
        expect(res.statusCode, res.body).toBe(200);
        confirmed.set(res.json<Order>().id, res.json<Order>());
      }
    });
    // A desk that fails stops the wait at once, rather than let it wait for orders that never come.
    for (const w of work) w.catch((error: Error) => failures.push(error));
    while (confirmed.size < 6 && !failures.length) await new Promise((r) => setTimeout(r, 20));
    if (failures.length) throw failures[0];

    const before = new Map(confirmed);
    // Their acknowledgements, printed after each commit by the document worker, are on file before the backup begins.
    await t.app.documentJobs.drain();
    const run = await takeBackup({ db: t.handle.db, engine, config: t.app.config, clock: t.app.clock }, 'command', scratch);
    await new Promise((r) => setTimeout(r, 300));
    stop = true;
    await Promise.all(work);
    expect(run, run.error ?? '').toMatchObject({ status: 'ok', trigger: 'command' });
    expect(confirmed.size).toBeGreaterThan(before.size); // the desks went on writing through the backup
    expect(run.fileCount).toBeGreaterThanOrEqual(before.size); // an acknowledgement PDF per confirmed order at least

    // Restore into an empty DATA_DIR (and an empty database on PostgreSQL), and start a Carnet on it.
    const dataDir = path.join(scratch, 'restored');
    let databaseUrl: string | undefined;
    if (engine === 'postgres') {
      const target = await emptyPgDatabase();
      databaseUrl = target.url;
      cleanups.push(target.drop);
    }
    const outcome = await restoreBackup(run.location, { dataDir, databaseUrl }, false);
    expect(outcome).toMatchObject({ ok: true, engine });
    expect(await restoreBackup(run.location, { dataDir, databaseUrl }, false)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('--force'),
    });

    const handle = openDatabase({ databaseUrl, dataDir });
    await migrateToLatest(handle.db);
    const restored = await buildApp({
      db: handle.db,
      engine,
      config: { ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), DATABASE_URL: databaseUrl },
      logger: false,
    });
    cleanups.push(async () => {
      await restored.close();
      await handle.close();
    });
    // What was confirmed but not yet printed when the backup was taken is printed by the restored Carnet's worker.
    await restored.documentJobs.drain();
    const desk = client(restored, await login(restored, 'adv@demo.local'));

    // Every order confirmed before the backup began is there as it was answered: lines, totals, audit, its PDF.
    for (const [id, was] of before) {
      const now = await desk.get(`/api/orders/${id}`);
      expect(now.statusCode).toBe(200);
      expect(now.json<Order>()).toMatchObject({ number: was.number, status: 'confirmed', lines: was.lines, totals: was.totals });
      const events = (await desk.get(`/api/orders/${id}/events`)).json<{ action: string }[]>();
      expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['create', 'confirm']));
      const documents = (await desk.get(`/api/orders/${id}/documents`)).json<{ id: string }[]>();
      expect(documents).toHaveLength(1);
      const pdf = await desk.get(`/api/documents/${documents[0].id}`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }

    // And nothing half-written: every order the backup holds is whole, confirmed ones with their audit and PDF.
    const all = await desk.get('/api/orders?limit=200');
    for (const { id } of all.json<{ items: { id: number }[] }>().items) {
      const o = (await desk.get(`/api/orders/${id}`)).json<Order>();
      expect(o.lines.length).toBeGreaterThan(0);
      if (!confirmed.has(id)) continue; // the demo's own orders
      const events = (await desk.get(`/api/orders/${id}/events`)).json<{ action: string }[]>().map((e) => e.action);
      const documents = (await desk.get(`/api/orders/${id}/documents`)).json<unknown[]>();
      if (o.status === 'confirmed') {
        expect(events).toContain('confirm');
        expect(documents).toHaveLength(1);
        expect(o).toMatchObject({ lines: confirmed.get(id)!.lines, totals: confirmed.get(id)!.totals });
      } else {
        expect(events).not.toContain('confirm');
        expect(documents).toHaveLength(0);
      }
    }
  });
});
