import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { fixedClock, systemClock } from '../../server/clock.ts';
import { createBackupSchedule } from '../../server/ops/backup-schedule.ts';
import { listBackupRuns } from '../../server/ops/ops.repository.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp, TEST_NOW } from '../helpers/test-app.ts';
import { demoIds } from './orders-fixtures.ts';

const TOKEN = 'prometheus-scrapes-with-this-token';

describe.each(await testEngines())('operations: health, metrics, backups and the export on %s', (engine) => {
  let t: TestApp;
  const clock = fixedClock(TEST_NOW);
  let admin: ReturnType<typeof client>;
  let adv: ReturnType<typeof client>;
  const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'carnet-ops-backups-'));
  beforeAll(async () => {
    t = await createTestApp(engine, {
      clock,
      env: { BACKUP_DIR: backupDir, BACKUP_KEEP: '2', METRICS_TOKEN: TOKEN, BACKUP_CRON: '0 2 * * *' },
    });
    admin = client(t.app, await login(t.app, 'admin@demo.local'));
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(backupDir, { recursive: true, force: true });
  });

  it('says it is alive, and ready only once serve() has started everything', async () => {
    expect((await t.app.inject('/api/health')).json()).toEqual({ status: 'ok' });
    const starting = await t.app.inject('/api/ready');
    expect([starting.statusCode, starting.json()]).toEqual([503, { status: 'starting' }]);
    t.app.lifecycle.markReady();
    expect((await t.app.inject('/api/ready')).statusCode).toBe(200);
  });

  it('serves Prometheus metrics to this machine or with the token, and to nobody else', async () => {
    await adv.get('/api/orders?limit=5');
    const local = await t.app.inject('/metrics');
    expect(local.statusCode).toBe(200);
    expect(local.headers['content-type']).toContain('text/plain');
    expect(local.body).toMatch(/carnet_http_requests_total\{method="GET",route="\/api\/orders",status="200"\} [1-9]/);
    expect(local.body).toMatch(/carnet_http_request_duration_seconds_bucket\{le="0.05",method="GET",route="\/api\/orders"\}/);
    expect(local.body).toMatch(/carnet_db_query_duration_seconds_count\{outcome="ok"\} [1-9]/);
    expect(local.body).toMatch(/carnet_queue_depth\{queue="outbox"\} \d+/);
    expect(local.body).toMatch(/carnet_queue_oldest_age_seconds\{queue="edi_inbound"\} \d+/);
    expect(local.body).toContain('carnet_risk_scan_duration_seconds_count 0');

    const away = { remoteAddress: '203.0.113.9' };
    expect((await t.app.inject({ url: '/metrics', ...away })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/metrics', ...away, headers: { authorization: 'Bearer not-the-token-at-all' } })).statusCode).toBe(
      403,
    );
    expect((await t.app.inject({ url: '/metrics', ...away, headers: { authorization: `Bearer ${TOKEN}` } })).statusCode).toBe(200);
    // Through a proxy on this machine every client would look local: a forwarded request needs the token.
    expect((await t.app.inject({ url: '/metrics', headers: { 'x-forwarded-for': '203.0.113.9' } })).statusCode).toBe(403);
  });

  it('lets only the admin see and take backups; each is checked, recorded, pruned to BACKUP_KEEP and in the metrics', async () => {
    expect((await adv.get('/api/ops/backups')).statusCode).toBe(403);
    expect((await adv.post('/api/ops/backups')).statusCode).toBe(403);
    const empty = (await admin.get('/api/ops/backups')).json();
    expect(empty).toMatchObject({ engine, directory: backupDir, schedule: '0 2 * * *', keep: 2, running: false, runs: [] });
    expect(new Date(empty.nextAt).getTime()).toBeGreaterThan(t.app.clock.now().getTime());
    expect((await t.app.inject('/metrics')).body).toContain('carnet_backup_last_ok -1');

    for (let i = 0; i < 3; i++) {
      const run = await admin.post('/api/ops/backups');
      expect(run.statusCode).toBe(200);
      expect(run.json()).toMatchObject({ status: 'ok', trigger: 'admin', error: null });
      clock.advance(1000); // one backup per second: their names are their instants
    }
    const overview = (await admin.get('/api/ops/backups')).json();
    expect(overview.runs).toHaveLength(3);
    expect(fs.readdirSync(backupDir).sort()).toEqual(
      overview.runs
        .slice(0, 2)
        .map((r: { name: string }) => r.name)
        .sort(),
    );
    const metrics = (await t.app.inject('/metrics')).body;
    expect(metrics).toContain('carnet_backup_last_ok 1');
    expect(metrics).toMatch(/carnet_backup_last_success_age_seconds \d/);
  }, 60_000);

  it('backs up on BACKUP_CRON by itself, and stops cleanly', async () => {
    const config = { ...t.app.config, BACKUP_CRON: '* * * * * *' }; // every second (croner reads a seconds field)
    const schedule = createBackupSchedule({ db: t.handle.db, engine, config, clock: systemClock }, { info: () => {}, error: () => {} });
    const before = (await listBackupRuns(t.handle.db, 100)).length;
    schedule.start();
    await expect.poll(async () => (await listBackupRuns(t.handle.db, 100)).length, { timeout: 15_000 }).toBeGreaterThan(before);
    await schedule.stop();
    const [latest] = await listBackupRuns(t.handle.db, 1);
    expect(latest).toMatchObject({ trigger: 'schedule', status: 'ok' });
  }, 30_000);

  it('exports every table, neutralised, with the documents, as one zip for the admin only', async () => {
    const ids = await demoIds(t.handle.db);
    const created = await adv.post('/api/orders', {
      customerId: ids.customer('C020'),
      customerRef: '=HYPERLINK("http://evil.example","clic")',
      channel: 'phone',
      lines: [
        { productId: ids.product('FAR-T65-S25').id, quantity: 12 },
        { productId: ids.product('FAR-T80-S25').id, quantity: 2 },
      ],
    });
    expect(created.statusCode).toBe(201);
    expect((await adv.post(`/api/orders/${created.json().id}/confirm`)).statusCode).toBe(200);
    await t.app.documentJobs.drain(); // its acknowledgement, printed after the commit

    expect((await adv.get('/api/ops/export.zip')).statusCode).toBe(403);
    const res = await admin.get('/api/ops/export.zip');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const names = Object.keys(zip.files);
    for (const table of [
      'customers',
      'delivery_points',
      'contacts',
      'products',
      'price_lists',
      'terms_of_sale',
      'orders',
      'order_lines',
      'deliveries',
      'penalty_notices',
      'audit_events',
      'documents',
    ])
      expect(names).toContain(`csv/${table}.csv`);
    expect(names).not.toContain('csv/sessions.csv');
    expect(names).toContain('carnet.xlsx');
    const orders = await zip.file('csv/orders.csv')!.async('string');
    expect(orders).toContain(`'=HYPERLINK(""http://evil.example"",""clic"")`);
    const users = await zip.file('csv/users.csv')!.async('string');
    expect(users).not.toContain('password_hash');
    expect(users).not.toContain('$argon2');
    const pdfs = names.filter((n) => n.startsWith('documents/') && n.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThan(0);
    expect((await zip.file(pdfs[0])!.async('nodebuffer')).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('logs each request with its id, route and user, in one line', async () => {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    const app = await buildApp({ db: t.handle.db, engine, config: t.app.config, logger: { level: 'info', stream } });
    try {
      const session = await login(app, 'adv@demo.local');
      await client(app, session).get('/api/orders/999999');
      const line = lines.find((l) => l.msg === 'request completed' && l.route === '/api/orders/:id');
      expect(line).toMatchObject({ reqId: expect.any(String), userId: session.userId, statusCode: 404, method: 'GET' });
    } finally {
      await app.close();
    }
  });
});
