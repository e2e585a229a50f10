// `npm run build`, or `node scripts/build.mjs [--stale-only] [server] [web]`: compiles what Carnet runs (with
// --stale-only, only the targets older than their sources).
//   server: server/cli.ts and everything it imports (core/ included) → dist/server/*.js, bundled by esbuild; the
//           modules loaded on demand (`await import(…)`) stay separate chunks, loaded on first use.
//   web:    the React app → dist/web, by Vite.
// Each target writes its stamp when done (scripts/build-stamp.mjs), which is how `npm start` and `npx carnet`
// know the build is as new as the sources. Progress goes to stderr: a command's stdout stays its own.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newestInput, staleTargets, TARGETS, writeStamp } from './build-stamp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Dependencies stay in node_modules, imported at run time, except two pure ESM libraries of some 250 files each:
// Node's ESM loader resolves, reads and links every file on its own, and bundled they load in a third of the time.
// Both are built to be bundled (they run in browsers); neither reads files of its own.
const BUNDLED_PACKAGES = new Set(['kysely', '@sinclair/typebox']);
const packageOf = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      BUNDLED_PACKAGES.has(packageOf(args.path)) ? undefined : { path: args.path, external: true },
    );
  },
};

const steps = {
  async server() {
    const { build } = await import('esbuild');
    const out = path.join(root, TARGETS.server.out);
    fs.rmSync(out, { recursive: true, force: true });
    await build({
      absWorkingDir: root,
      entryPoints: { cli: 'server/cli.ts' },
      outdir: out,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      plugins: [externalPackages],
      // Maps point into server/ and core/ rather than carry the sources. Node reads them only when asked
      // (NODE_OPTIONS=--enable-source-maps): parsing them at every start costs 100 ms and 17 MB.
      sourcemap: true,
      sourcesContent: false,
      chunkNames: 'chunks/[name]-[hash]',
      logLevel: 'warning',
    });
  },
  async web() {
    // The product is always the production bundle: a build started from the test runner inherits NODE_ENV=test, and
    // Vite would then emit development JSX that a later `npm start` serves, the stamp saying it is up to date.
    process.env.NODE_ENV = 'production';
    const { build } = await import('vite');
    await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  },
};

const LABELS = { server: 'the server and the command line', web: 'the web app' };

/** Builds the targets in order; a failure stops there, leaving that target without a stamp. */
async function buildTargets(targets) {
  for (const target of targets) {
    const sourcesAsOf = Math.max(Date.now(), newestInput(root, TARGETS[target].inputs));
    const started = performance.now();
    process.stderr.write(`carnet: building ${LABELS[target]} (${TARGETS[target].out})…\n`);
    await steps[target]();
    writeStamp(root, target, sourcesAsOf);
    process.stderr.write(`carnet: ${LABELS[target]} built in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
}

const args = process.argv.slice(2);
const asked = args.filter((a) => a !== '--stale-only');
const unknown = asked.filter((t) => !(t in TARGETS));
if (unknown.length) {
  console.error(`unknown build target: ${unknown.join(', ')} (known: ${Object.keys(TARGETS).join(', ')})`);
  process.exit(2);
}
const targets = asked.length ? Object.keys(TARGETS).filter((t) => asked.includes(t)) : Object.keys(TARGETS);
try {
  await buildTargets(args.includes('--stale-only') ? staleTargets(root, targets) : targets);
} catch (error) {
  // esbuild and Vite have printed the located errors already.
  console.error(
    `carnet: build failed${error?.code === 'ERR_MODULE_NOT_FOUND' ? ` (${error.message}; the build needs the dev dependencies: npm ci)` : ''}`,
  );
  process.exit(1);
}
