#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx carnet …` works from a clone without a build step.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeFlagsFor } from './node-flags.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsx = require.resolve('tsx/cli');
const args = process.argv.slice(2);
const result = spawnSync(process.execPath, [...nodeFlagsFor(args), tsx, path.join(root, 'server/cli.ts'), ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
