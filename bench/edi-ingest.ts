import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { parisNow } from '../core/calendar/dates.ts';
import { openDatabase } from '../server/db/connect.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { seedDemo } from '../server/demo/seed.ts';
import { DEMO_PARTNERS, demoInterchange, demoOrder } from '../server/edi/demo-orders.ts';
import { ingestFile } from '../server/edi/ingest.ts';

/**
 * Issue 5 § 10: ORDERS ingest (parse, map, check, price, store) through the real path — ingestFile, as the three
 * doors call it — on the demo company, orders of 3 lines for the four retail partners (GTIN-13, case GTIN-14 and
 * buyer codes), auto-confirmation off (confirming prints and mails the acknowledgement, another feature). Beside it,
 * the ceiling: the same order and line rows inserted raw with better-sqlite3 prepared statements, 500 orders a
 * transaction, in the same run on the same file. Peak memory: a child process ingests a generated file of 100 MB
 * (and 1 GB with BENCH_EDI_GB=1) and reports its maxRSS.
 */
const THROUGHPUT_ORDERS = Number(process.env.BENCH_EDI_ORDERS ?? 3000);
const PER_INTERCHANGE = 500;

/** Streams a file of generated ORDERS to disk: interchanges of 500 orders cycling over the demo partners. */
export async function writeOrdersFile(file: string, target: { orders?: number; bytes?: number }, tag: string): Promise<{ orders: number; bytes: number }> {
  const out = fs.createWriteStream(file);
  const today = parisNow(new Date()).date;
  let orders = 0;
  let bytes = 0;
  for (let k = 0; ; k++) {
    if (target.orders !== undefined && orders >= target.orders) break;
    if (target.bytes !== undefined && bytes >= target.bytes) break;
    const partner = DEMO_PARTNERS[k % DEMO_PARTNERS.length];
    const count = target.orders !== undefined ? Math.min(PER_INTERCHANGE, target.orders - orders) : PER_INTERCHANGE;
    const text = demoInterchange(partner, `${tag}${k}`, today, Array.from({ length: count }, (_, i) => demoOrder(partner, 1_000_000 + orders + i, today, 3)));
    orders += count;
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return { orders, bytes };
}

async function freshDemo(): Promise<{ dir: string; handle: ReturnType<typeof openDatabase> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carnet-bench-edi-'));
  const handle = openDatabase({ dataDir: dir });
  await migrateToLatest(handle.db);
  await seedDemo(handle.db);
  await handle.db.updateTable('ediPartners').set({ autoConfirm: 0 }).execute();
  return { dir, handle };
}

/** The raw ceiling: copies of the rows the ingest wrote, inserted with prepared statements in batched transactions. */
function rawCeiling(dir: string, orders: number): number {
  const db = new SQLite(path.join(dir, 'carnet.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const sample = db.prepare("select * from orders where channel = 'edi' order by id desc limit 1").get() as Record<string, unknown>;
  const lines = db.prepare('select * from order_lines where order_id = ?').all(sample.id) as Record<string, unknown>[];
  const orderCols = Object.keys(sample).filter((c) => c !== 'id');
  const lineCols = Object.keys(lines[0]).filter((c) => c !== 'id' && c !== 'order_id');
  const insertOrder = db.prepare(`insert into orders (${orderCols.join(', ')}) values (${orderCols.map(() => '?').join(', ')})`);
  const insertLine = db.prepare(`insert into order_lines (order_id, ${lineCols.join(', ')}) values (?, ${lineCols.map(() => '?').join(', ')})`);
  const started = performance.now();
  let n = 0;
  while (n < orders) {
    const batch = Math.min(500, orders - n);
    db.transaction(() => {
      for (let i = 0; i < batch; i++) {
        const values = orderCols.map((c) => (c === 'number' ? `RAW-${n + i}` : sample[c]));
        const id = insertOrder.run(...values).lastInsertRowid;
        for (const l of lines) insertLine.run(id, ...lineCols.map((c) => l[c]));
      }
    })();
    n += batch;
  }
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return orders / seconds;
}

/** Child mode: ingest a generated file of the given size and print the process's peak RSS. */
async function child(mb: number): Promise<void> {
  const { dir, handle } = await freshDemo();
  const file = path.join(dir, 'orders.edi');
  const written = await writeOrdersFile(file, { bytes: mb * 1024 * 1024 }, 'MEM');
  // What the process holds before the ingest starts (tsx, the app's modules, the seeded demo): the ingest's own
  // share of the peak is maxRSS minus this.
  const baselineRssMB = Math.round(process.memoryUsage().rss / 2 ** 20);
  const started = performance.now();
  await ingestFile(handle.db, file, { door: 'cli' });
  const seconds = (performance.now() - started) / 1000;
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(JSON.stringify({ mb, orders: written.orders, seconds, baselineRssMB, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

function peakRss(mb: number): { maxRssMB: number; baselineRssMB: number; orders: number; seconds: number } {
  const require = createRequire(import.meta.url);
  const res = spawnSync(process.execPath, [require.resolve('tsx/cli'), fileURLToPath(import.meta.url), '--child', String(mb)], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' }, maxBuffer: 1 << 24 });
  const line = res.stdout.trim().split('\n').at(-1) ?? '';
  if (res.status !== 0 || !line.startsWith('{')) throw new Error(`edi-ingest child (${mb} MB) failed: ${res.stderr.slice(-2000)}`);
  return JSON.parse(line);
}

export async function benchEdiIngest() {
  const { dir, handle } = await freshDemo();
  const file = path.join(dir, 'orders.edi');
  const { orders, bytes } = await writeOrdersFile(file, { orders: THROUGHPUT_ORDERS }, 'TP');
  const started = performance.now();
  const results = await ingestFile(handle.db, file, { door: 'cli' });
  const seconds = (performance.now() - started) / 1000;
  const taken = results.reduce((sum, r) => sum + r.messages.filter((m) => m.orderId !== null).length, 0);
  if (taken !== orders) throw new Error(`edi-ingest: ${taken} of ${orders} orders taken in`);
  await handle.close();
  const value = orders / seconds;
  const ceiling = rawCeiling(dir, orders);
  fs.rmSync(dir, { recursive: true, force: true });
  // 10 MB by default: the ingest slows as open orders pile up (see RESULTS.md), so 100 MB is BENCH_EDI_MB=100.
  const mb = Number(process.env.BENCH_EDI_MB ?? 10);
  const mem = peakRss(mb);
  const gb = process.env.BENCH_EDI_GB === '1' ? peakRss(1024) : null;
  return {
    bench: 'edi-ingest',
    unit: 'orders/s',
    value: Math.round(value),
    ceiling: Math.round(ceiling),
    ratio: Math.round((value / ceiling) * 1000) / 1000,
    peakRssMB: Math.max(mem.maxRssMB, gb?.maxRssMB ?? 0),
    peakRssMB100: mem.maxRssMB,
    ...(gb ? { peakRssMB1G: gb.maxRssMB } : {}),
    fileMB: Math.round((bytes / 2 ** 20) * 10) / 10,
    orders,
    memFile: { mb, orders: mem.orders, seconds: Math.round(mem.seconds), baselineRssMB: mem.baselineRssMB },
  };
}

if (process.argv[2] === '--child') await child(Number(process.argv[3]));
else if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) console.log(JSON.stringify(await benchEdiIngest()));
