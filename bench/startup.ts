import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm start` on an existing database: from the spawn of `node bin/carnet.mjs serve` (the command `npm start` runs,
 * its build check included) to the first 200 of /api/health, and the server's resident memory at that moment
 * (VmHWM, the peak so far, from /proc). The build is brought up to date and the database seeded and started once
 * before timing: a first start also takes in the demo's EDI inbox, which is not what a restart does.
 */
const repo = path.resolve(import.meta.dirname, '..');
const carnet = path.join(repo, 'bin/carnet.mjs');
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 5);

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The peak resident memory of a process so far, in MB, from /proc (Linux). */
function peakResidentMB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN) / 1024);
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Spawns `carnet serve` with this environment and waits for its first 200 on /api/health. */
export async function startNode(env: NodeJS.ProcessEnv, port: number): Promise<{ child: ChildProcess; ms: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [carnet, 'serve'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: ${stderr.slice(-2000)}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return { child, ms: performance.now() - started };
      if (performance.now() - started > 60_000) throw new Error(`no answer from /api/health after 60 s: ${stderr.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  } catch (error) {
    await stop(child);
    throw error;
  }
}

async function startOnce(env: NodeJS.ProcessEnv, port: number): Promise<{ ms: number; peakMB: number }> {
  const { child, ms } = await startNode(env, port);
  try {
    return { ms, peakMB: peakResidentMB(child.pid!) };
  } finally {
    await stop(child);
  }
}

/** The compiled product, built when its sources changed: what `npm start` runs. */
export function buildIfStale(): void {
  const build = spawnSync(process.execPath, [path.join(repo, 'scripts/build.mjs'), '--stale-only'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed: ${build.stderr.slice(-2000)}`);
}

export async function benchStartup() {
  buildIfStale();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'carnet-bench-startup-'));
  try {
    const port = await freePort();
    const { DATABASE_URL: _sqliteOnly, ...parent } = process.env;
    const env = { ...parent, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' };
    const seed = spawnSync(process.execPath, [carnet, 'seed', '--demo'], { env, encoding: 'utf8' });
    if (seed.status !== 0) throw new Error(`carnet seed --demo failed: ${seed.stderr.slice(-2000)}`);
    await startOnce(env, port);
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await startOnce(env, port));
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    return {
      bench: 'startup',
      unit: 'ms',
      value: Math.round(median(runs.map((r) => r.ms))),
      rssMB: median(runs.map((r) => r.peakMB)),
      slowestMs: Math.round(Math.max(...runs.map((r) => r.ms))),
      maxRssMB: Math.max(...runs.map((r) => r.peakMB)),
      runs: RUNS,
    };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) console.log(JSON.stringify(await benchStartup()));
