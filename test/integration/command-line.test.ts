import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import http from 'node:http';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { EDI_IMPORT_NODE_FLAGS } from '../../bin/node-flags.mjs';
import { parisNow } from '../../core/calendar/dates.ts';
import { DEMO_PARTNERS, demoInterchange, demoOrder } from '../../server/edi/demo-orders.ts';

/**
 * The product as an operator runs it: `npx carnet …` and `npm start` are `node bin/carnet.mjs …`, which runs the
 * compiled CLI (dist/server, built by the global setup when older than the sources). SQLite only: the commands run
 * on the DATA_DIR's file; demo-mode.test.ts runs the same use cases on both engines.
 */
const carnet = path.resolve('bin/carnet.mjs');
const { DATABASE_URL: _sqliteOnly, ...parentEnv } = process.env;
const dirs: string[] = [];
const running: ChildProcess[] = [];

function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carnet-cli-'));
  dirs.push(dir);
  return dir;
}

function run(args: string[], env: Record<string, string>, nodeFlags: readonly string[] = []) {
  return spawnSync(process.execPath, [...nodeFlags, carnet, ...args], {
    env: { ...parentEnv, LOG_LEVEL: 'warn', EDI_INBOX_SECONDS: '0', ...env },
    encoding: 'utf8',
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** `npm start` on this DATA_DIR, until /api/health answers; its log so far comes with it. */
async function serve(env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, [carnet, 'serve'], {
    env: { ...parentEnv, RISK_SCAN_MINUTES: '0', EDI_INBOX_SECONDS: '0', ...env, PORT: String(port), HOST: '127.0.0.1' },
  });
  running.push(child);
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`carnet serve exited with ${child.exitCode}: ${log}`);
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const stop = () =>
    new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM'))));
  return { url, log: () => log, stop };
}

const messages = (log: string) =>
  log
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { level: number; msg: string });
const WARN = 40;

function login(url: string, email: string, password: string) {
  return fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
}

afterEach(async () => {
  await Promise.all(
    running
      .splice(0)
      .map(
        (child) =>
          new Promise<void>((resolve) =>
            child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGKILL')),
          ),
      ),
  );
});
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('carnet edi import', () => {
  // The flags in bin/node-flags.mjs bound the old generation to 96 MB; V8's limit adds the young generation.
  const bounded = (limit: number) => limit > 90 * 2 ** 20 && limit < 128 * 2 ** 20;
  const diagnostic = (stderr: string) => {
    const [, limit, pid] = /heap_size_limit=(\d+) pid=(\d+)/.exec(stderr) ?? [];
    return { limit: Number(limit), pid: Number(pid) };
  };

  it('imports in a process whose heap is bounded by its node flags, and other commands are not', () => {
    const env = { DATA_DIR: dataDir(), CARNET_PRINT_HEAP_LIMIT: '1' };
    const seeded = run(['seed', '--demo'], env);
    expect(seeded.status, seeded.stderr).toBe(0);
    expect(diagnostic(seeded.stderr).limit).toBeGreaterThan(512 * 2 ** 20);

    const [cap] = DEMO_PARTNERS;
    // The CLI child reads the machine's clock and takes no other time (no option for it): the file is dated by the same.
    // eslint-disable-next-line no-restricted-syntax
    const today = parisNow(new Date()).date;
    const file = path.join(env.DATA_DIR, 'order.edi');
    fs.writeFileSync(file, demoInterchange(cap, 'HEAP-1', today, [demoOrder(cap, 900_001, today, 2)]));
    const imported = run(['edi', 'import', file], env);
    expect(imported.status, imported.stderr.slice(0, 2000)).toBe(0);
    expect(JSON.parse(imported.stdout).interchanges[0]).toMatchObject({ status: 'processed', accepted: 1 });
    expect(bounded(diagnostic(imported.stderr).limit)).toBe(true);
    // Started without the flags, bin/carnet.mjs ran itself again with them.
    expect(diagnostic(imported.stderr).pid).not.toBe(imported.pid);
  }, 120_000);

  it('runs in the one process it was started as when that process already has the flags', async () => {
    const env = { DATA_DIR: dataDir(), CARNET_PRINT_HEAP_LIMIT: '1' };
    const emptyFolder = dataDir();
    const child = spawn(process.execPath, [...EDI_IMPORT_NODE_FLAGS, carnet, 'edi', 'import', emptyFolder], {
      env: { ...parentEnv, ...env },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const status = await new Promise((resolve) => child.on('exit', resolve));
    expect(status, stderr.slice(0, 2000)).toBe(0);
    expect(diagnostic(stderr)).toEqual({ limit: expect.any(Number), pid: child.pid });
    expect(bounded(diagnostic(stderr).limit)).toBe(true);
  }, 60_000);
});

describe('npm start in demo mode', () => {
  it('loads the demo into an empty DATA_DIR and warns at every start that it is the demo, with its logins', async () => {
    const env = { DATA_DIR: dataDir() };
    for (let start = 1; start <= 2; start++) {
      const server = await serve(env);
      const banner = messages(server.log()).find((m) => m.msg.startsWith('DEMO MODE'));
      expect(banner?.level).toBe(WARN);
      expect(banner?.msg).toContain('adv@demo.local (assistant)');
      expect((await login(server.url, 'adv@demo.local', 'demo1234')).status).toBe(200);
      const page = await fetch(`${server.url}/orders`);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('<div id="root">');
      await server.stop();
    }
  }, 240_000);
});

describe('npm start at a terminal', () => {
  it('writes readable log lines with LOG_FORMAT=pretty, one JSON object a line otherwise', async () => {
    const env = { DATA_DIR: dataDir(), CARNET_DEMO: 'false' };
    const pretty = await serve({ ...env, LOG_FORMAT: 'pretty' });
    await fetch(`${pretty.url}/api/health`);
    await pretty.stop();
    const ready = pretty
      .log()
      .split('\n')
      .find((l) => l.includes('Carnet is ready on'));
    expect(ready).toMatch(/^\[\d{2}:\d{2}:\d{2}\] INFO: Carnet is ready on http:\/\/localhost:\d+ \(sqlite\)/);
    expect(
      pretty
        .log()
        .split('\n')
        .filter((l) => l.startsWith('{')),
    ).toEqual([]);

    const json = await serve(env);
    await json.stop();
    expect(messages(json.log()).map((m) => m.msg)).toContainEqual(expect.stringContaining('Carnet is ready on'));
  }, 240_000);
});

describe('carnet users create-admin, on an installation without the demo', () => {
  it('creates the first administrator, who then logs in over HTTP', async () => {
    const env = { DATA_DIR: dataDir(), CARNET_DEMO: 'false' };
    const empty = await serve(env);
    expect(messages(empty.log())).toContainEqual({
      level: WARN,
      msg: expect.stringContaining('npx carnet users create-admin'),
      time: expect.any(Number),
      pid: expect.any(Number),
      hostname: expect.any(String),
    });
    expect(await (await fetch(`${empty.url}/api/demo`)).json()).toEqual({ accounts: [], password: null });
    await empty.stop();

    const weak = run(['users', 'create-admin', '--email', 'jeanne@moulin.example', '--name', 'Jeanne Roux'], {
      ...env,
      CARNET_ADMIN_PASSWORD: 'jeanne-roux-2026',
    });
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain("refused: password contains the account's own name or email");

    const noPassword = run(['users', 'create-admin', '--email', 'jeanne@moulin.example', '--name', 'Jeanne Roux'], env);
    expect(noPassword.status).toBe(2);
    expect(noPassword.stderr).toContain('CARNET_ADMIN_PASSWORD');

    const created = run(['users', 'create-admin', '--email', 'jeanne@moulin.example', '--name', 'Jeanne Roux'], {
      ...env,
      CARNET_ADMIN_PASSWORD: 'tamis-pétrin-farine-7',
    });
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^administrator jeanne@moulin\.example created \(user \d+\)/);

    const twice = run(['users', 'create-admin', '--email', 'Jeanne@moulin.example', '--name', 'Jeanne R.'], {
      ...env,
      CARNET_ADMIN_PASSWORD: 'une-autre-phrase-longue',
    });
    expect(twice.status).toBe(1);
    expect(twice.stderr).toContain('refused: email belongs to an account already');

    const server = await serve(env);
    expect(server.log()).not.toContain('create-admin');
    expect(server.log()).not.toContain('DEMO MODE');
    const ok = await login(server.url, 'jeanne@moulin.example', 'tamis-pétrin-farine-7');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ user: { email: 'jeanne@moulin.example', name: 'Jeanne Roux', role: 'admin' } });
    expect((await login(server.url, 'admin@demo.local', 'demo1234')).status).toBe(401);
    await server.stop();
  }, 240_000);
});

describe('carnet backup, restore and export, from the build', () => {
  it('backs up a serving Carnet, restores it into an empty DATA_DIR that then serves the same orders, and exports it', async () => {
    const env = { DATA_DIR: dataDir() };
    const live = await serve(env);
    const admin = await login(live.url, 'admin@demo.local', 'demo1234');
    const cookie = admin.headers.get('set-cookie')!.split(';')[0];
    const orders = async (url: string, session: string) =>
      (await (await fetch(`${url}/api/orders?limit=1`, { headers: { cookie: session } })).json()) as { total: number };
    const before = await orders(live.url, cookie);

    const backups = dataDir();
    const backup = run(['backup', backups], env);
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/^backup written and checked: .*carnet-backup-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z/);
    const [folder] = fs.readdirSync(backups);

    const exported = dataDir();
    const exportRun = run(['export', exported], env);
    expect(exportRun.status, exportRun.stderr).toBe(0);
    expect(fs.readFileSync(path.join(exported, 'csv', 'orders.csv'), 'utf8')).toContain('customer_ref');
    expect(fs.existsSync(path.join(exported, 'carnet.xlsx'))).toBe(true);
    await live.stop();

    const restoredEnv = { DATA_DIR: path.join(dataDir(), 'restored') };
    const restored = run(['restore', path.join(backups, folder)], restoredEnv);
    expect(restored.status, restored.stderr).toBe(0);
    const again = run(['restore', path.join(backups, folder)], restoredEnv);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('--force');

    const server = await serve(restoredEnv);
    const session = (await login(server.url, 'admin@demo.local', 'demo1234')).headers.get('set-cookie')!.split(';')[0];
    expect((await orders(server.url, session)).total).toBe(before.total);
    await server.stop();
  }, 240_000);
});

describe('a clean stop on SIGTERM', () => {
  it('answers 503 on health while it drains, finishes the request in flight, and exits 0', async () => {
    const server = await serve({ DATA_DIR: dataDir() });
    const { port } = new URL(server.url);
    const body = JSON.stringify({ email: 'adv@demo.local', password: 'demo1234' });
    // A login whose body is sent in two halves: between them the request is in flight on the server.
    const request = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/auth/login',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    const inFlight = new Promise<{ status: number; body: string }>((resolve, reject) => {
      request.on('response', (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode!, body: text }));
      });
      request.on('error', reject);
    });
    request.write(body.slice(0, 10));
    const child = running.at(-1)!;
    const exitCode = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await new Promise((r) => setTimeout(r, 300)); // the request's headers have reached the server
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));

    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: 'draining' });
    expect((await fetch(`${server.url}/api/ready`)).status).toBe(503);
    const refused = await fetch(`${server.url}/api/demo`);
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ code: 'SHUTTING_DOWN' });
    expect(child.exitCode).toBeNull(); // still waiting for the login

    request.end(body.slice(10));
    const answered = await inFlight;
    expect(answered.status, answered.body).toBe(200);
    expect(await exitCode).toBe(0);
    expect(server.log()).toContain('stopped cleanly');
  }, 120_000);
});
