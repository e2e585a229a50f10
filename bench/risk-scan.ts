import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { addDays, parisNow } from '../core/calendar/dates.ts';
import { openDatabase } from '../server/db/connect.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { runRiskScan } from '../server/risks/risk-scan.ts';
import { systemClock } from '../server/clock.ts';

/**
 * Issue 4: the risk scan over 50 000 open order lines in under 2 s, its cost linear in lines (measured at 10k, 50k
 * and 100k; growth = time at 100k / time at 10k, linear ≈ 10). Timed as the job runs it (runRiskScan: the loading
 * queries, core's scanRisks and the reconciliation with the stored risks, one transaction) on a generated SQLite
 * database: 200 products in 2 warehouses with lots and receipts, 500 customers of every typology, five lines an
 * order over the next two weeks, stock for about 95 % of the demand so a few percent of lines are at risk. The
 * figure is the median of five scans after the first (the steady state of a job that runs every 15 minutes);
 * `first` is the first scan, which inserts every risk.
 */
const PRODUCTS = 200;
const CUSTOMERS = 500;
const TYPOLOGIES = ['GMS_CENTRALE', 'GROSSISTE', 'ARTISAN', 'INDUSTRIE', 'RHD'];

async function build(lines: number, now: Date): Promise<{ dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carnet-bench-risks-'));
  const handle = openDatabase({ dataDir: dir });
  await migrateToLatest(handle.db);
  await handle.close();
  const today = parisNow(now).date;
  const at = now.toISOString();
  const db = new SQLite(path.join(dir, 'carnet.sqlite'));
  db.pragma('journal_mode = WAL');
  db.transaction(() => {
    db.prepare("insert into warehouses (code, name) values ('W1', 'Moulin'), ('W2', 'Froid')").run();
    const product = db.prepare(
      "insert into products (code, name, family, sale_unit, net_weight_g, gross_weight_g, vat_rate_bp, temperature_class, shelf_life_days, penalty_category, created_at, updated_at) values (?, ?, 'FARINE', 'SAC', 25000, 25150, 550, 'AMBIANT', 270, 'FARINES', ?, ?)",
    );
    for (let p = 1; p <= PRODUCTS; p++) product.run(`SKU-${p}`, `Produit ${p}`, at, at);
    const customer = db.prepare(
      "insert into customers (code, name, typology, street, postcode, city, preferred_channel, payment_terms, created_at, updated_at) values (?, ?, ?, 'rue', '45000', 'Orléans', 'phone', '30J', ?, ?)",
    );
    const point = db.prepare(
      "insert into delivery_points (customer_id, code, name, street, postcode, city, delivery_weekdays, lead_time_days, cutoff_time, appointment_required) values (?, ?, 'Quai', 'rue', '45000', 'Orléans', 'MON,TUE,WED,THU,FRI', 1, '12:00', ?)",
    );
    const clause = db.prepare(
      'insert into penalty_clauses (customer_id, late_flat_cents, missing_value_bp, l441_applicable, updated_at) values (?, 12000, 1000, 1, ?)',
    );
    const settings = db.prepare(
      'insert into customer_supply_settings (customer_id, min_remaining_shelf_life_pct, updated_at) values (?, ?, ?)',
    );
    for (let c = 1; c <= CUSTOMERS; c++) {
      const typology = TYPOLOGIES[c % TYPOLOGIES.length];
      customer.run(`C${c}`, `Client ${c}`, typology, at, at);
      point.run(c, `C${c}-DP1`, typology === 'GMS_CENTRALE' ? 1 : 0);
      if (typology === 'GMS_CENTRALE') {
        clause.run(c, at);
        settings.run(c, 66, at);
      }
    }
    // Demand per product: lines × 5 lines-per-order… spread evenly; each line asks 10 sacks on average.
    const perProduct = (lines / PRODUCTS) * 10;
    const level = db.prepare('insert into stock_levels (warehouse_id, product_id, on_hand, reserved, updated_at) values (?, ?, ?, 0, ?)');
    const lot = db.prepare(
      'insert into stock_lots (warehouse_id, product_id, lot, production_date, best_before, quantity, updated_at) values (?, ?, ?, ?, ?, ?, ?)',
    );
    const receipt = db.prepare(
      "insert into planned_receipts (warehouse_id, product_id, date, original_date, quantity, kind, ref, status, created_at, updated_at) values (?, ?, ?, ?, ?, 'PRODUCTION', ?, 'planned', ?, ?)",
    );
    for (let p = 1; p <= PRODUCTS; p++) {
      const w = (p % 2) + 1;
      const onHand = Math.round(perProduct * 0.55);
      level.run(w, p, onHand, at);
      lot.run(w, p, `L${p}A`, addDays(today, -200), addDays(today, 70), Math.round(onHand * 0.3), at);
      lot.run(w, p, `L${p}B`, addDays(today, -10), addDays(today, 260), onHand - Math.round(onHand * 0.3), at);
      // Every tenth product's second run slipped by three days.
      receipt.run(w, p, addDays(today, 4), addDays(today, 4), Math.round(perProduct * 0.2), `OF-${p}-1`, at, at);
      receipt.run(w, p, addDays(today, p % 10 === 0 ? 12 : 9), addDays(today, 9), Math.round(perProduct * 0.2), `OF-${p}-2`, at, at);
    }
    const order = db.prepare(
      "insert into orders (number, customer_id, delivery_point_id, channel, requested_date, promised_date, status, net_cents, vat_cents, gross_cents, pallets_centi, weight_g, created_at, updated_at, appointment_at) values (?, ?, ?, 'edi', ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)",
    );
    const line = db.prepare(
      "insert into order_lines (order_id, line_no, product_id, quantity, unit_price_cents, net_cents, vat_rate_bp, status) values (?, ?, ?, ?, 1650, ?, 550, 'open')",
    );
    for (let o = 1; o <= lines / 5; o++) {
      const c = (o % CUSTOMERS) + 1;
      const date = addDays(today, o % 14);
      const quantities = [0, 1, 2, 3, 4].map((i) => 4 + ((o * 7 + i * 3) % 13));
      const net = quantities.reduce((s, q) => s + q * 1650, 0);
      const id = Number(
        order.run(
          `CDE-${o}`,
          c,
          c,
          date,
          date,
          o % 4 === 0 ? 'released' : 'confirmed',
          net,
          net,
          500,
          o % 97 === 0 ? 26_000_000 : 2_000_000,
          at,
          at,
          o % 3 === 0 ? at : null,
        ).lastInsertRowid,
      );
      quantities.forEach((q, i) => line.run(id, i + 1, ((o * 5 + i) % PRODUCTS) + 1, q, q * 1650));
    }
  })();
  db.close();
  return { dir };
}

async function measure(lines: number): Promise<{ first: number; steady: number; found: number }> {
  const now = systemClock.now();
  const { dir } = await build(lines, now);
  const handle = openDatabase({ dataDir: dir });
  try {
    const first = await runRiskScan(handle.db, now);
    if (first.lines !== lines) throw new Error(`expected ${lines} open lines, scanned ${first.lines}`);
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) runs.push((await runRiskScan(handle.db, now)).ms);
    runs.sort((a, b) => a - b);
    return { first: first.ms, steady: runs[2], found: first.found };
  } finally {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchRiskScan() {
  // A first round warms the JIT, so the 10k figure (the growth's denominator) is not a cold start.
  await measure(10_000);
  const small = await measure(10_000);
  const mid = await measure(50_000);
  const large = await measure(100_000);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    bench: 'risk-scan',
    unit: 'ms',
    value: round(mid.steady),
    lines: 50_000,
    growth: Math.round((large.steady / small.steady) * 100) / 100,
    first: round(mid.first),
    risks: mid.found,
    at10k: round(small.steady),
    at100k: round(large.steady),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await benchRiskScan()));
