import fs from 'node:fs';
import path from 'node:path';
import { MAX_ORDER_LINES } from '../core/orders/order-limits.ts';
import { buildApp } from '../server/app.ts';
import { systemClock } from '../server/clock.ts';
import { DEMO_PARTNERS, demoInterchange, demoOrder } from '../server/edi/demo-orders.ts';
import { ingestFile } from '../server/edi/ingest.ts';
import { freshDatabase } from './orders-http.ts';

/**
 * Issue 9: opening an order (GET /api/orders/{id}: its lines, findings, the suggestions worked out on read) costs
 * time in proportion to its lines. EDI drafts of 250 and MAX_ORDER_LINES lines from a partner that does not
 * auto-confirm, quantities off their multiples (a rounding proposed on each), and one of 2,000 lines built in
 * the database, as orders taken before the cap may be; median of in-process reads after a warm-up, on SQLite.
 * growth = time at 500 ÷ time at 250 (linear ≈ 2; it was ≈ 4 when each rounding re-priced the whole order).
 */
const RUNS = 15;
const WARMUP = 5;
const LEGACY_LINES = 2000;

export async function benchOrderPage() {
  const { dataDir, config, handle } = await freshDatabase();
  const db = handle.db;
  const est = DEMO_PARTNERS[2];
  const today = systemClock.now().toISOString().slice(0, 10);
  const draftOf = async (lines: number, ref: number) => {
    const order = demoOrder(est, ref, today, lines);
    const file = path.join(dataDir, `order-page-${ref}.edi`);
    fs.writeFileSync(
      file,
      demoInterchange(est, `PAGE-${ref}`, today, [{ ...order, lines: order.lines.map((l, i) => ({ ...l, quantity: 7 + (i % 13) })) }]),
    );
    const [r] = await ingestFile(db, file, { door: 'cli', clock: systemClock });
    return r.messages[0].orderId!;
  };
  const ids = { 250: await draftOf(250, 9001), 500: await draftOf(MAX_ORDER_LINES, 9002) };
  const legacy = await draftOf(MAX_ORDER_LINES, 9003);
  const rows = await db.selectFrom('orderLines').selectAll().where('orderId', '=', legacy).orderBy('lineNo').execute();
  const more = Array.from({ length: LEGACY_LINES - rows.length }, (_, k) => {
    const { id: _id, ...row } = rows[k % rows.length];
    return { ...row, lineNo: rows.length + k + 1 };
  });
  for (let k = 0; k < more.length; k += 200)
    await db
      .insertInto('orderLines')
      .values(more.slice(k, k + 200))
      .execute();

  const app = await buildApp({ db, engine: handle.engine, config, logger: false });
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'adv@demo.local', password: 'demo1234' } });
  const cookie = `carnet_session=${login.cookies.find((c) => c.name === 'carnet_session')!.value}`;
  // The sizes in turn, run after run, so that warming up and the machine's load weigh on each alike.
  const sizes = [
    [250, ids[250]],
    [MAX_ORDER_LINES, ids[500]],
    [LEGACY_LINES, legacy],
  ] as const;
  const times = new Map<number, number[]>(sizes.map(([n]) => [n, []]));
  for (let run = 0; run < WARMUP + RUNS; run++) {
    for (const [n, id] of sizes) {
      const start = performance.now();
      const res = await app.inject({ method: 'GET', url: `/api/orders/${id}`, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`GET /api/orders/${id}: ${res.statusCode}`);
      if (run >= WARMUP) times.get(n)!.push(performance.now() - start);
    }
  }
  const ms = Object.fromEntries([...times].map(([n, t]) => [n, Math.round(t.sort((a, b) => a - b)[t.length >> 1] * 10) / 10]));
  await app.close();
  await handle.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return {
    bench: 'order-page',
    unit: 'ms',
    value: ms[MAX_ORDER_LINES],
    lines: MAX_ORDER_LINES,
    ms,
    growth: Math.round((ms[MAX_ORDER_LINES] / ms[250]) * 100) / 100,
  };
}
