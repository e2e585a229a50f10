import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { freshDatabase, makeRoomForOrders, orderLines } from './orders-http.ts';
import { buildIfStale, freePort, startNode, stop } from './startup.ts';

const CLIENTS = Number(process.env.BENCH_DESK_CLIENTS ?? 50);
const SECONDS = Number(process.env.BENCH_DESK_SECONDS ?? 60);
const WARMUP_SECONDS = Number(process.env.BENCH_DESK_WARMUP ?? 5);

type ClientResult = {
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
  p95ByKind: Record<string, number>;
  firstErrors: { kind: string; status: number; text: string }[];
};

/**
 * Fifty assistants at once: each logged in as herself, searching customers and products, quoting, creating and
 * confirming an order, opening the order list and the order's page, in a loop with no pauses, for a minute, against
 * the compiled product (`carnet serve`, as `npm start` runs it) — one node on SQLite; on PostgreSQL two nodes on one
 * database, the clients split between them, each node running its own risk scan, document worker and outbox.
 * Latency of every request as the client saw it; an error is any answer but the expected one (5xx, a busy database
 * reaching a client, a refusal).
 */
async function deskLoad(engine: 'sqlite' | 'postgres') {
  buildIfStale();
  const { dataDir, handle, databaseUrl, drop } = await freshDatabase(engine);
  const nodes: ChildProcess[] = [];
  try {
    const sample = await orderLines(handle.db);
    await makeRoomForOrders(handle.db, sample);
    // Fifty assistants, each her own account (and her own write limit), with the demo assistant's password.
    const demo = await handle.db.selectFrom('users').selectAll().where('email', '=', 'adv@demo.local').executeTakeFirstOrThrow();
    const emails = Array.from({ length: CLIENTS }, (_, i) => `adv${i + 1}@bench.local`);
    await handle.db
      .insertInto('users')
      .values(
        emails.map((email, i) => ({
          email,
          name: `Assistante ${i + 1}`,
          role: 'assistant',
          passwordHash: demo.passwordHash,
          customerId: null,
          createdAt: demo.createdAt,
        })),
      )
      .execute();
    await handle.close();

    const ports = await Promise.all(Array.from({ length: engine === 'postgres' ? 2 : 1 }, () => freePort()));
    const { DATABASE_URL: _fromShell, ...parent } = process.env;
    for (const port of ports) {
      const env = {
        ...parent,
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      };
      nodes.push((await startNode(env, port)).child);
    }
    const clients = emails.map((email, i) => ({ email, password: 'demo1234', base: `http://127.0.0.1:${ports[i % ports.length]}` }));
    const worker = new Worker(new URL('./desk-load.worker.mjs', import.meta.url), {
      workerData: {
        clients,
        seconds: SECONDS,
        warmupSeconds: WARMUP_SECONDS,
        customerId: sample.customerId,
        deliveryPointId: sample.deliveryPointId,
        productIds: sample.lines.map((l) => l.productId),
      },
    });
    const result = await new Promise<ClientResult>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    return {
      bench: engine === 'sqlite' ? 'desk-load' : 'desk-load-pg',
      unit: 'ms',
      ...result,
      clients: CLIENTS,
      nodes: ports.length,
      seconds: SECONDS,
    };
  } finally {
    await Promise.all(nodes.map(stop));
    await drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export function benchDeskLoad() {
  return deskLoad('sqlite');
}

export function benchDeskLoadPg() {
  return deskLoad('postgres');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const engine of (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',') as ('sqlite' | 'postgres')[]) {
    console.log(JSON.stringify(await (engine === 'sqlite' ? benchDeskLoad() : benchDeskLoadPg())));
  }
}
