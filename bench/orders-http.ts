import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { countPendingDocumentJobs } from '../server/documents/document-jobs.repository.ts';
import { buildApp } from '../server/app.ts';
import { systemClock } from '../server/clock.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/connect.ts';
import type { Db } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { seedDemo } from '../server/demo/seed.ts';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 400);
const LINES = 10;
/** Several assistants at once: a few connections keep the server busy while a response travels back. */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);

type Line = { productId: number; quantity: number; unitPriceCents: number; vatRateBp: number };

const PG_ADMIN_URL = process.env.CARNET_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh data directory (and, on PostgreSQL, a fresh database) with the demo loaded: the demo company. */
export async function freshDatabase(engine: 'sqlite' | 'postgres' = 'sqlite') {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'carnet-bench-'));
  let databaseUrl: string | undefined;
  let drop = async () => {};
  if (engine === 'postgres') {
    const name = `carnet_bench_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    drop = async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const config = { ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), DATABASE_URL: databaseUrl };
  const handle = openDatabase({ databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(handle.db);
  await seedDemo(handle.db, systemClock.now());
  return { dataDir, config, handle, databaseUrl, drop };
}

/** Ten products of Boulangerie Martin's price list, with their prices: the order both runs write. */
export async function orderLines(db: Db) {
  const customer = await db.selectFrom('customers').select(['id', 'priceListId']).where('code', '=', 'C020').executeTakeFirstOrThrow();
  const dp = await db.selectFrom('deliveryPoints').select('id').where('customerId', '=', customer.id).executeTakeFirstOrThrow();
  const items = await db
    .selectFrom('priceListItems')
    .innerJoin('products', 'products.id', 'priceListItems.productId')
    .select(['products.id as productId', 'priceListItems.unitPriceCents', 'products.vatRateBp'])
    .where('priceListId', '=', customer.priceListId!)
    .where('products.saleUnit', 'in', ['SAC', 'COLIS'])
    .orderBy('products.id')
    .limit(LINES)
    .execute();
  const lines: Line[] = items.map((it, i) => ({ ...it, quantity: i + 2 }));
  return { customerId: customer.id, deliveryPointId: dp.id, lines };
}

/**
 * Hundreds of confirmed orders for one bakery would pass its 8 000 € credit limit after a handful, and each confirm
 * would then wait for a manager: the benchmark customer gets a limit they all fit under, so every confirmation runs
 * every rule (credit included) and goes through. Likewise the demo's stock, sized for a day's orders, runs out after
 * a few dozen: enough on hand for every one, so each confirmation checks availability and passes rather than waiting
 * for a manager's approval.
 */
export async function makeRoomForOrders(db: Db, sample: Awaited<ReturnType<typeof orderLines>>) {
  await db.updateTable('customers').set({ creditLimitCents: 1_000_000_000 }).where('id', '=', sample.customerId).execute();
  const productIds = sample.lines.map((l) => l.productId);
  await db.updateTable('stockLots').set({ quantity: 10_000_000 }).where('productId', 'in', productIds).execute();
  await db.updateTable('stockLevels').set({ onHand: 10_000_000 }).where('productId', 'in', productIds).execute();
}

/** Carnet itself: create then confirm each order over real HTTP from a client thread, durable commits. */
async function measureHttp(engine: 'sqlite' | 'postgres') {
  const { dataDir, config, handle, drop } = await freshDatabase(engine);
  const sample = await orderLines(handle.db);
  await makeRoomForOrders(handle.db, sample);
  const app = await buildApp({ db: handle.db, engine: handle.engine, config, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  // As serve() does: the acknowledgements are printed after each commit, by the worker, in this same process.
  app.documentJobs.start();
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'adv@demo.local', password: 'demo1234' }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const body = JSON.stringify({
    customerId: sample.customerId,
    deliveryPointId: sample.deliveryPointId,
    channel: 'phone',
    lines: sample.lines.map(({ productId, quantity }) => ({ productId, quantity })),
  });
  const worker = new Worker(new URL('./http-load.worker.mjs', import.meta.url), {
    workerData: { base, cookie, csrfToken, body, orders: ORDERS, concurrency: CONCURRENCY },
  });
  const { seconds } = await new Promise<{ seconds: number }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const ordersPerSecond = ORDERS / seconds;
  // What the worker had left to print when the last confirmation answered, and how long it then took.
  const documentsBehind = await countPendingDocumentJobs(handle.db);
  const t0 = performance.now();
  // The running worker prints them; the wait yields to the event loop (a loop of awaited queries alone would not: on
  // better-sqlite3 they are all microtasks, the worker's PDF streams never ran and the drain waited out its claims).
  while ((await countPendingDocumentJobs(handle.db)) > 0) {
    app.documentJobs.wake();
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const drainMs = performance.now() - t0;
  await app.close();
  await handle.close();
  await drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { ordersPerSecond, sample, documentsBehind, drainMs };
}

/**
 * The raw ceiling: better-sqlite3 alone, same schema and pragmas (WAL, synchronous=FULL), one transaction per
 * order inserting the same rows Carnet writes for create + confirm (order, its lines, the number counter, two
 * audit events, the status change).
 */
async function measureCeiling(sample: Awaited<ReturnType<typeof orderLines>>): Promise<number> {
  const { dataDir, handle } = await freshDatabase();
  await handle.close();
  const db = new SQLite(path.join(dataDir, 'carnet.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = FULL');
  const counter = db.prepare("update counters set value = value + 1 where name = 'order' returning value");
  const insertOrder = db.prepare(
    `insert into orders (number, customer_id, delivery_point_id, channel, customer_ref, requested_date, promised_date, status, note, net_cents, vat_cents, gross_cents, pallets_centi, weight_g, created_by, created_at, updated_at)
     values (?, ?, ?, 'phone', null, '2026-12-01', null, 'draft', null, ?, ?, ?, ?, ?, 1, ?, ?) returning id`,
  );
  const insertLine = db.prepare(
    `insert into order_lines (order_id, line_no, product_id, customer_code, quantity, unit_price_cents, net_cents, vat_rate_bp, delivered_quantity, status) values (?, ?, ?, null, ?, ?, ?, ?, null, 'open')`,
  );
  const audit = db.prepare(
    `insert into audit_events (entity_type, entity_id, order_id, action, user_id, at, before_json, after_json, note) values ('order', ?, ?, ?, 1, ?, ?, ?, null)`,
  );
  const confirm = db.prepare("update orders set status = 'confirmed', promised_date = requested_date, updated_at = ? where id = ?");
  const write = db.transaction((seq: number) => {
    const now = systemClock.now().toISOString();
    const n = (counter.get() as { value: number }).value;
    const net = sample.lines.reduce((s, l) => s + l.quantity * l.unitPriceCents, 0);
    const { id } = insertOrder.get(
      `CDE-202612-${String(n + seq).padStart(5, '0')}`,
      sample.customerId,
      sample.deliveryPointId,
      net,
      Math.round(net * 0.055),
      Math.round(net * 1.055),
      100,
      1_000_000,
      now,
      now,
    ) as { id: number };
    sample.lines.forEach((l, i) =>
      insertLine.run(id, i + 1, l.productId, l.quantity, l.unitPriceCents, l.quantity * l.unitPriceCents, l.vatRateBp),
    );
    audit.run(id, id, 'create', now, null, JSON.stringify({ status: 'draft', lines: sample.lines }));
    confirm.run(now, id);
    audit.run(id, id, 'confirm', now, JSON.stringify({ status: 'draft' }), JSON.stringify({ status: 'confirmed' }));
  });
  for (let i = 0; i < 20; i++) write(i);
  const start = process.hrtime.bigint();
  for (let i = 0; i < ORDERS; i++) write(100 + i);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return ORDERS / seconds;
}

export async function benchOrdersHttp() {
  return ordersHttpOn('sqlite');
}

export async function benchOrdersHttpPg() {
  return ordersHttpOn('postgres');
}

async function ordersHttpOn(engine: 'sqlite' | 'postgres') {
  const { ordersPerSecond, sample, documentsBehind, drainMs } = await measureHttp(engine);
  const ceiling = engine === 'sqlite' ? await measureCeiling(sample) : await measurePgCeiling(sample);
  return {
    bench: engine === 'sqlite' ? 'orders-http' : 'orders-http-pg',
    unit: 'orders/s',
    value: round(ordersPerSecond),
    ceiling: round(ceiling),
    ratio: round(ordersPerSecond / ceiling, 3),
    orders: ORDERS,
    lines: LINES,
    concurrency: CONCURRENCY,
    documentsBehind,
    drainMs: Math.round(drainMs),
  };
}

/**
 * The raw ceiling on PostgreSQL: `pg` alone, one client, the same rows in one transaction per order as the SQLite
 * ceiling (the number counter, the order, its lines, two audit events, the status change), on a fresh database.
 */
async function measurePgCeiling(sample: Awaited<ReturnType<typeof orderLines>>): Promise<number> {
  const { dataDir, handle, databaseUrl, drop } = await freshDatabase('postgres');
  await handle.close();
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  const write = async (seq: number) => {
    const now = systemClock.now().toISOString();
    await c.query('begin');
    const { rows } = await c.query("update counters set value = value + 1 where name = 'order' returning value");
    const n = Number(rows[0].value);
    const net = sample.lines.reduce((s, l) => s + l.quantity * l.unitPriceCents, 0);
    const order = await c.query(
      `insert into orders (number, customer_id, delivery_point_id, channel, customer_ref, requested_date, promised_date, status, note, net_cents, vat_cents, gross_cents, pallets_centi, weight_g, created_by, created_at, updated_at)
       values ($1, $2, $3, 'phone', null, '2026-12-01', null, 'draft', null, $4, $5, $6, 100, 1000000, 1, $7, $7) returning id`,
      [
        `CDE-202612-${String(n + seq).padStart(5, '0')}`,
        sample.customerId,
        sample.deliveryPointId,
        net,
        Math.round(net * 0.055),
        Math.round(net * 1.055),
        now,
      ],
    );
    const id = order.rows[0].id as number;
    for (const [i, l] of sample.lines.entries())
      await c.query(
        `insert into order_lines (order_id, line_no, product_id, customer_code, quantity, unit_price_cents, net_cents, vat_rate_bp, delivered_quantity, status) values ($1, $2, $3, null, $4, $5, $6, $7, null, 'open')`,
        [id, i + 1, l.productId, l.quantity, l.unitPriceCents, l.quantity * l.unitPriceCents, l.vatRateBp],
      );
    const audit = `insert into audit_events (entity_type, entity_id, order_id, action, user_id, at, before_json, after_json, note) values ('order', $1, $1, $2, 1, $3, $4, $5, null)`;
    await c.query(audit, [id, 'create', now, null, JSON.stringify({ status: 'draft', lines: sample.lines })]);
    await c.query("update orders set status = 'confirmed', promised_date = requested_date, updated_at = $1 where id = $2", [now, id]);
    await c.query(audit, [id, 'confirm', now, JSON.stringify({ status: 'draft' }), JSON.stringify({ status: 'confirmed' })]);
    await c.query('commit');
  };
  for (let i = 0; i < 20; i++) await write(i);
  const start = process.hrtime.bigint();
  for (let i = 0; i < ORDERS; i++) await write(100 + i);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  await c.end();
  await drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return ORDERS / seconds;
}

function round(x: number, digits = 1) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
