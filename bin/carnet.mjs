#!/usr/bin/env node
// `npx carnet <command>` and `npm start`: runs the compiled CLI (dist/server/cli.js) in this one process, after
// building it when the sources are newer than the build (scripts/build-stamp.mjs). A command that needs node flags
// (`edi import` bounds its heap) gets them from its own command line, or this file runs itself again with them:
// V8 fixes the heap's limits when the process starts.
import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { staleTargets } from '../scripts/build-stamp.mjs';
import { nodeFlagsFor } from './node-flags.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

const flagName = (flag) => flag.split('=')[0];
const given = new Set(process.execArgv.map(flagName));
const missing = nodeFlagsFor(args).filter((flag) => !given.has(flagName(flag)));

if (missing.length) {
  const child = spawn(process.execPath, [...process.execArgv, ...missing, fileURLToPath(import.meta.url), ...args], { stdio: 'inherit' });
  // A supervisor's SIGTERM reaches this process only: pass it on rather than leave the work running.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (os.constants.signals[signal] ?? 0)));
} else {
  // `serve` also serves the web app; the other commands need only the server's code.
  const stale = staleTargets(root, args[0] === 'serve' ? ['server', 'web'] : ['server']);
  if (stale.length) {
    process.stderr.write('carnet: the build is missing or older than the sources\n');
    const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), ...stale], { stdio: ['ignore', 2, 2] });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  await import(pathToFileURL(path.join(root, 'dist/server/cli.js')).href);
}
