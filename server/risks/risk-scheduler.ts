import type { Db } from '../db/database.ts';
import { runRiskScan } from './risk-scan.ts';
import type { Clock } from '../clock.ts';

// The risk scan's triggers: a timer every RISK_SCAN_MINUTES, and a debounced run after stock, receipts or orders
// change. The timers are process-local, which is fine: each node may trigger a scan, and on PostgreSQL the scan's
// advisory lock lets only one run at a time (see runRiskScan); the result lives in the database.

const DEBOUNCE_MS = 2_000;

let active: {
  db: Db;
  clock: Clock;
  log: (message: string, error?: unknown) => void;
  observe: (seconds: number) => void;
  interval: NodeJS.Timeout;
  pending: NodeJS.Timeout | null;
  running: Promise<unknown> | null;
} | null = null;

function run(): void {
  if (!active) return;
  const state = active;
  // One scan at a time in this process; a change during a scan asks for another after it.
  if (state.running) {
    requestRiskScan();
    return;
  }
  const started = performance.now();
  state.running = runRiskScan(state.db, state.clock.now())
    .then(() => state.observe((performance.now() - started) / 1000))
    .catch((error) => state.log('risk scan failed', error))
    .finally(() => {
      state.running = null;
    });
}

/**
 * Started by `serve()`: scans now, then every `minutes`; `observe` hears each scan's duration (the metrics). Returns
 * the stop function (called on close), which waits for a scan under way.
 */
export function startRiskScheduler(
  db: Db,
  minutes: number,
  log: (message: string, error?: unknown) => void,
  clock: Clock,
  observe: (seconds: number) => void = () => undefined,
): () => Promise<void> {
  stopTimers();
  active = { db, clock, log, observe, interval: setInterval(run, minutes * 60_000), pending: null, running: null };
  active.interval.unref();
  run();
  return async () => {
    const running = active?.running;
    stopTimers();
    active = null;
    await running;
  };
}

function stopTimers(): void {
  if (!active) return;
  clearInterval(active.interval);
  if (active.pending) clearTimeout(active.pending);
}

/**
 * Asks for a scan soon: after a receipt, a stock level or an order changes. Changes in a burst (an import, a
 * release of many orders) make one scan. A no-op when no scheduler runs (tests, the CLI), which run scans directly.
 * Order transitions (confirm, release, cancel, deliver) should call it too: see server/orders.
 */
export function requestRiskScan(): void {
  if (!active) return;
  if (active.pending) clearTimeout(active.pending);
  active.pending = setTimeout(() => {
    if (active) active.pending = null;
    run();
  }, DEBOUNCE_MS);
  active.pending.unref();
}
