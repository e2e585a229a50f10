import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '..');

function sourceFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(root, rel));
    else if (/\.(ts|tsx)$/.test(entry.name)) out.push(rel);
  }
  return out;
}

/** Every module a file imports, as a path relative to the root (packages kept as named). */
function importsOf(root: string, file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );
  return specifiers.map((s) => (s.startsWith('.') ? path.relative(root, path.resolve(path.dirname(path.join(root, file)), s)) : s));
}

function violations(root: string, layer: string, forbidden: string[], forbiddenPackages: RegExp | null = null): string[] {
  return sourceFiles(root, layer).flatMap((file) =>
    importsOf(root, file)
      .filter((target) => forbidden.some((f) => target === f || target.startsWith(`${f}/`)) || (forbiddenPackages?.test(target) ?? false))
      .map((target) => `${file} imports ${target}`),
  );
}

// @sinclair/typebox is not among them on purpose: a schema is pure data (no I/O, no clock), so the API's shapes are
// declared once in core/<capability>/*.schemas.ts, where both the server and the web app (types only) reach them.
const IO_PACKAGES = /^(fastify|@fastify\/|kysely|better-sqlite3|pg$|react|node:fs|node:net|node:http|node:child_process)/;

describe('architecture: the layers stay apart', () => {
  it('core/ imports nothing from server/ or web/, and no I/O package', () => {
    expect(violations(repo, 'core', ['server', 'web'], IO_PACKAGES)).toEqual([]);
  });

  it('web/ imports nothing from server/', () => {
    expect(violations(repo, 'web', ['server'])).toEqual([]);
  });

  it('the check sees a forbidden import, static or dynamic', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'carnet-arch-'));
    fs.mkdirSync(path.join(root, 'core/orders'), { recursive: true });
    fs.writeFileSync(path.join(root, 'core/orders/bad.ts'), "import { buildApp } from '../../server/app.ts';\nconst w = import('../../web/src/main.tsx');\nimport pg from 'pg';\n");
    try {
      expect(violations(root, 'core', ['server', 'web'], IO_PACKAGES)).toEqual([
        'core/orders/bad.ts imports server/app.ts',
        'core/orders/bad.ts imports web/src/main.tsx',
        'core/orders/bad.ts imports pg',
      ]);
    } finally {
      fs.rmSync(root, { recursive: true });
    }
  });
});
