import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { CHANNELS } from '../core/customers/customer-enums.ts';
import { DELIVERY_SUM_KEYS } from '../core/reports/figures.ts';
import { weekRange } from '../core/reports/periods.ts';
import * as weekRollup from '../server/db/migrations/2026_12_09_0100_report_week_customers.ts';
import { buildApp } from '../server/app.ts';
import { sqliteFile } from '../server/db/connect.ts';
import { freshDatabase } from './orders-http.ts';

// The week-by-customer service report (issue 14, item 5) over a year of a busy desk: BENCH_REPORT_ORDERS delivered
// orders (1,000,000 by default) of 10 lines each, spread over 2026, among 2,000 customers (each the charge of one of
// 5 assistants, as at a desk), in the fact tables the report reads (report_orders, report_lines, and the week ×
// customer roll-up: what deliver-order.ts writes, generated here in SQL). value: the median time of GET /api/reports/kpis?groupBy=customer for one week (with
// the week before, complaints, penalties, calls and interviews, the labels), over ten weeks, through the app
// (inject). ceiling: the bare SQL of the two weeks' sums per customer on the roll-up, by the driver alone; factsMs:
// the same sums from the order facts. Build time apart.

const ORDERS = Number(process.env.BENCH_REPORT_ORDERS ?? 1_000_000);
const LINES = 10;
const CUSTOMERS = 2_000;
const WEEKS = ['2026-W20', '2026-W21', '2026-W22', '2026-W23', '2026-W24', '2026-W25', '2026-W26', '2026-W27', '2026-W28', '2026-W29'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (v: number, d = 1) => Number(v.toFixed(d));

/** Orders n = 1..N, delivered day ⌊n·365/N⌋ of 2026 (so in date order, as a desk writes them), 10 lines each. */
async function build(db: Awaited<ReturnType<typeof freshDatabase>>['handle']['db'], engine: 'sqlite' | 'postgres') {
  // The demo's own few facts make way for the year's.
  await db.deleteFrom('reportLines').execute();
  await db.deleteFrom('reportOrders').execute();
  // Pseudo-random but fixed: late about 1 in 11 by (n % 4) days, a short line about 1 in 23 lines.
  if (engine === 'sqlite') {
    const day = `date('2026-01-01', '+' || (n * 365 / ${ORDERS}) || ' days')`;
    await sql
      .raw(
        `with recursive s(n) as (select 1 union all select n + 1 from s where n < ${ORDERS})
       insert into report_orders (order_id, customer_id, assistant_id, channel, ordered_on, due_on, delivered_on, on_time, in_full, late_days, lead_time_days, lines, lines_complete, quantity_ordered, quantity_delivered, backorders)
       select n, 1 + (n * 7919) % ${CUSTOMERS}, 1 + ((n * 7919) % ${CUSTOMERS}) % 5, case n % 3 when 0 then 'edi' when 1 then 'phone' else 'portal' end,
              ${day}, ${day}, ${day}, case when n % 11 = 0 then 0 else 1 end, case when n % 7 = 0 then 0 else 1 end,
              case when n % 11 = 0 then 1 + n % 4 else 0 end, 2 + n % 3, ${LINES}, case when n % 7 = 0 then ${LINES - 1} else ${LINES} end,
              ${LINES * 12}, case when n % 7 = 0 then ${LINES * 12 - 5} else ${LINES * 12} end, case when n % 14 = 0 then 1 else 0 end
       from s`,
      )
      .execute(db);
    await sql
      .raw(
        `with recursive s(n) as (select 1 union all select n + 1 from s where n < ${ORDERS}), k(i) as (select 1 union all select i + 1 from k where i < ${LINES})
       insert into report_lines (line_id, order_id, customer_id, assistant_id, product_id, warehouse_id, delivered_on, line_no, quantity, delivered, status, on_time)
       select n * ${LINES} + i, n, 1 + (n * 7919) % ${CUSTOMERS}, 1 + ((n * 7919) % ${CUSTOMERS}) % 5, 1 + (n + i) % 40, 1 + i % 2, ${day}, i, 12,
              case when n % 7 = 0 and i = 1 then 7 else 12 end, case when n % 14 = 0 and i = 1 then 'backordered' else 'delivered' end,
              case when n % 11 = 0 then 0 else 1 end
       from s, k order by n, i`,
      )
      .execute(db);
    await sql`analyze`.execute(db);
  } else {
    const day = `to_char(date '2026-01-01' + (n::bigint * 365 / ${ORDERS})::int, 'YYYY-MM-DD')`;
    await sql
      .raw(
        `insert into report_orders (order_id, customer_id, assistant_id, channel, ordered_on, due_on, delivered_on, on_time, in_full, late_days, lead_time_days, lines, lines_complete, quantity_ordered, quantity_delivered, backorders)
       select n, 1 + (n::bigint * 7919) % ${CUSTOMERS}, 1 + ((n::bigint * 7919) % ${CUSTOMERS}) % 5, case n % 3 when 0 then 'edi' when 1 then 'phone' else 'portal' end,
              ${day}, ${day}, ${day}, case when n % 11 = 0 then 0 else 1 end, case when n % 7 = 0 then 0 else 1 end,
              case when n % 11 = 0 then 1 + n % 4 else 0 end, 2 + n % 3, ${LINES}, case when n % 7 = 0 then ${LINES - 1} else ${LINES} end,
              ${LINES * 12}, case when n % 7 = 0 then ${LINES * 12 - 5} else ${LINES * 12} end, case when n % 14 = 0 then 1 else 0 end
       from generate_series(1, ${ORDERS}) n`,
      )
      .execute(db);
    await sql
      .raw(
        `insert into report_lines (line_id, order_id, customer_id, assistant_id, product_id, warehouse_id, delivered_on, line_no, quantity, delivered, status, on_time)
       select n * ${LINES} + i, n, 1 + (n::bigint * 7919) % ${CUSTOMERS}, 1 + ((n::bigint * 7919) % ${CUSTOMERS}) % 5, 1 + (n + i) % 40, 1 + i % 2, ${day}, i, 12,
              case when n % 7 = 0 and i = 1 then 7 else 12 end, case when n % 14 = 0 and i = 1 then 'backordered' else 'delivered' end,
              case when n % 11 = 0 then 0 else 1 end
       from generate_series(1, ${ORDERS}) n, generate_series(1, ${LINES}) i`,
      )
      .execute(db);
    await sql`vacuum analyze report_orders`.execute(db);
    await sql`vacuum analyze report_lines`.execute(db);
  }
  // The roll-up a desk keeps delivery by delivery, summed here at once by its own migration from the facts.
  await weekRollup.down(db);
  await weekRollup.up(db);
  await sql.raw(engine === 'sqlite' ? 'analyze' : 'vacuum analyze report_week_customers').execute(db);
}

// The same sums the report asks, order-taking and channel shares included, by customer over the period: from the
// week × customer roll-up the report reads (ceiling), and from the facts themselves (factsMs, what it read before).
const SUMS = DELIVERY_SUM_KEYS.map((k) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
const RAW = `select customer_id, ${SUMS.map((c) => `sum(${c}) as ${c}`).join(', ')}
  from report_week_customers where week_start >= $1 and week_start <= $2 group by customer_id`;
const RAW_FACTS = `select customer_id, count(*) as orders, sum(on_time) as on_time, sum(in_full) as in_full, sum(on_time * in_full) as otif,
  sum(lead_time_days) as lead, sum(late_days) as late, sum(lines) as lines, sum(lines_complete) as complete,
  sum(quantity_ordered) as qo, sum(quantity_delivered) as qd, sum(backorders) as bo,
  count(confirmed_at) as confirmed, sum(confirmed_on_time) as confirmed_on_time, sum(touchless) as touchless,
  ${CHANNELS.map((c) => `sum(case when channel = '${c}' then 1 else 0 end) as ${c}`).join(', ')}
  from report_orders where delivered_on >= $1 and delivered_on <= $2 group by customer_id`;

async function reportService(engine: 'sqlite' | 'postgres') {
  const { dataDir, config, handle, databaseUrl, drop } = await freshDatabase(engine);
  const started = performance.now();
  await build(handle.db, engine);
  const buildMs = performance.now() - started;
  const app = await buildApp({ db: handle.db, engine: handle.engine, config, logger: false });
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: 'manager@demo.local', password: 'demo1234' },
  });
  const headers = { cookie: `carnet_session=${login.cookies.find((c) => c.name === 'carnet_session')!.value}` };
  const times: number[] = [];
  let customers = 0;
  let orders = 0;
  for (const [i, week] of [WEEKS[0], ...WEEKS].entries()) {
    const { from, to } = weekRange(week)!;
    const t0 = performance.now();
    const res = await app.inject({ method: 'GET', url: `/api/reports/kpis?from=${from}&to=${to}&groupBy=customer`, headers });
    const ms = performance.now() - t0;
    if (res.statusCode !== 200) throw new Error(`kpis: ${res.statusCode} ${res.body}`);
    if (i === 0) continue; // the first warms the caches (a desk's server is warm)
    times.push(ms);
    const body = res.json<{ rows: unknown[]; totals: { orders: number } }>();
    customers = body.rows.length;
    orders = body.totals.orders;
  }
  await app.close();
  await handle.close();

  // The raw ceiling: the same two weeks' sums per customer, by the driver alone.
  const ceilings: number[] = [];
  const factScans: number[] = [];
  const twoWeeks = (week: string) => [weekRange(week)!, weekRange(`2026-W${String(Number(week.slice(6)) - 1).padStart(2, '0')}`)!];
  if (engine === 'sqlite') {
    const raw = new SQLite(sqliteFile(config.dataDir), { readonly: true });
    for (const [text, into] of [
      [RAW, ceilings],
      [RAW_FACTS, factScans],
    ] as const) {
      const stmt = raw.prepare(text.replace('$1', '?').replace('$2', '?'));
      for (const week of [WEEKS[0], ...WEEKS]) {
        const t0 = performance.now();
        for (const p of twoWeeks(week)) stmt.all(p.from, p.to);
        into.push(performance.now() - t0);
      }
    }
    raw.close();
  } else {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    for (const [text, into] of [
      [RAW, ceilings],
      [RAW_FACTS, factScans],
    ] as const)
      for (const week of [WEEKS[0], ...WEEKS]) {
        const t0 = performance.now();
        await Promise.all(twoWeeks(week).map((p) => c.query(text, [p.from, p.to])));
        into.push(performance.now() - t0);
      }
    await c.end();
  }
  await drop();
  (await import('node:fs')).rmSync(dataDir, { recursive: true, force: true });
  const value = median(times);
  const ceiling = median(ceilings.slice(1));
  return {
    bench: 'report-service',
    unit: 'ms',
    value: round(value),
    orders: ORDERS,
    lines: ORDERS * LINES,
    engine,
    ceiling: round(ceiling),
    ratio: round(ceiling / value, 3),
    p100: round(Math.max(...times)),
    factsMs: round(median(factScans.slice(1))),
    weekOrders: orders,
    weekCustomers: customers,
    buildMs: Math.round(buildMs),
  };
}

export const benchReportService = () => reportService('sqlite');
export const benchReportServicePg = () => reportService('postgres');

if (import.meta.url === `file://${process.argv[1]}`) {
  const engines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',');
  for (const engine of engines) console.log(JSON.stringify(await reportService(engine as 'sqlite' | 'postgres')));
}
