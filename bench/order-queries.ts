import SQLite from 'better-sqlite3';
import { buildApp } from '../server/app.ts';
import { freshDatabase, orderLines } from './orders-http.ts';

/**
 * Counts the statements SQLite runs, by their first word, at the driver (raw SQL text and statements built by hand
 * count too); transaction control (BEGIN, COMMIT, SAVEPOINT…) does not.
 */
class QueryCounter {
  counts: Record<string, number> = {};
  constructor() {
    const counts = () => this.counts;
    const probe = new SQLite(':memory:');
    const proto = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, (...args: unknown[]) => unknown>;
    probe.close();
    for (const method of ['all', 'get', 'run', 'iterate']) {
      const original = proto[method];
      proto[method] = function (this: { source: string }, ...args: unknown[]) {
        const kind = this.source.trimStart().split(/\s/, 1)[0].toLowerCase();
        if (process.env.BENCH_SQL_LOG) console.error(this.source.replace(/\s+/g, ' ').slice(0, 160));
        if (!['begin', 'commit', 'rollback', 'savepoint', 'release', 'pragma'].includes(kind)) counts()[kind] = (counts()[kind] ?? 0) + 1;
        return original.apply(this, args);
      };
    }
  }
  take(): Record<string, number> & { total: number } {
    const c = this.counts;
    this.counts = {};
    return { ...c, total: Object.values(c).reduce((a, b) => a + b, 0) };
  }
}

/**
 * How many statements one create and one confirm of the benchmark's 10-line order run, in-process on SQLite, after
 * a first order warmed the caches (the steady state of a desk). Statements written as raw SQL text (`sql```) count
 * too; BEGIN/COMMIT do not.
 */
export async function benchOrderQueries() {
  const { dataDir, config, handle } = await freshDatabase();
  const sample = await orderLines(handle.db);
  await handle.db.updateTable('customers').set({ creditLimitCents: 1_000_000_000 }).where('id', '=', sample.customerId).execute();
  const counter = new QueryCounter();
  const app = await buildApp({ db: handle.db, engine: handle.engine, config, logger: false });
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'adv@demo.local', password: 'demo1234' } });
  const headers = {
    cookie: `carnet_session=${login.cookies.find((c) => c.name === 'carnet_session')!.value}`,
    'x-csrf-token': login.json().csrfToken,
  };
  const payload = {
    customerId: sample.customerId,
    deliveryPointId: sample.deliveryPointId,
    channel: 'phone',
    lines: sample.lines.map(({ productId, quantity }) => ({ productId, quantity })),
  };
  const result: Record<string, unknown> = {};
  for (const round of ['first', 'steady']) {
    counter.take();
    const created = await app.inject({ method: 'POST', url: '/api/orders', headers, payload });
    const create = counter.take();
    const confirmed = await app.inject({ method: 'POST', url: `/api/orders/${created.json().id}/confirm`, headers, payload: {} });
    if (confirmed.statusCode !== 200) throw new Error(`confirm: ${confirmed.statusCode} ${confirmed.body}`);
    const confirm = counter.take();
    result[round] = { create, confirm };
  }
  await app.close();
  await handle.close();
  (await import('node:fs')).rmSync(dataDir, { recursive: true, force: true });
  return { bench: 'order-queries', unit: 'statements', ...result };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await benchOrderQueries()));
