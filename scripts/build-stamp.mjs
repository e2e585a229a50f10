// Whether dist/ was built from the sources as they are now. Each build target writes a stamp holding the time its
// build started; a target is stale when its stamp is missing or any of its inputs (a file, or a folder, whose mtime
// moves when an entry is added or deleted) changed after that time. `git pull`, `git checkout` and an editor's save
// all move mtimes forward. One walk of the tree with no hashing: a few milliseconds on this repository.
import fs from 'node:fs';
import path from 'node:path';

const SHARED = ['core', 'package.json', 'package-lock.json', 'tsconfig.json', 'scripts/build.mjs', 'scripts/build-stamp.mjs'];

/** What each target is built from, relative to the package root. Tests are left out: they are not shipped. */
export const TARGETS = {
  server: { out: 'dist/server', inputs: ['server', ...SHARED] },
  web: { out: 'dist/web', inputs: ['web', 'vite.config.ts', 'postcss.config.cjs', ...SHARED] },
};

const STAMP = '.build-stamp';
const isTest = (name) => /\.test\.tsx?$/.test(name);

/** The newest mtime among the inputs (folders walked), or 0 when none exists. */
export function newestInput(root, inputs) {
  let newest = 0;
  const visit = (file, stat) => {
    newest = Math.max(newest, stat.mtimeMs);
    if (!stat.isDirectory()) return;
    for (const entry of fs.readdirSync(file, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.') || isTest(entry.name)) continue;
      const child = path.join(file, entry.name);
      visit(child, fs.statSync(child));
    }
  };
  for (const input of inputs) {
    const file = path.join(root, input);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat) visit(file, stat);
  }
  return newest;
}

function stampOf(root, target) {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, TARGETS[target].out, STAMP), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * The targets that need a build, in build order. An installed copy without its sources (no server/ folder) is
 * taken as built: there is nothing to compare with.
 */
export function staleTargets(root, targets = Object.keys(TARGETS)) {
  if (!fs.existsSync(path.join(root, 'server'))) return [];
  return targets.filter((target) => {
    const stamp = stampOf(root, target);
    return !stamp || newestInput(root, TARGETS[target].inputs) > stamp.sourcesAsOf;
  });
}

/** Called after a target's build succeeded, with the time taken before its sources were read. */
export function writeStamp(root, target, sourcesAsOf) {
  fs.writeFileSync(path.join(root, TARGETS[target].out, STAMP), `${JSON.stringify({ sourcesAsOf, builtAt: new Date().toISOString() })}\n`);
}
