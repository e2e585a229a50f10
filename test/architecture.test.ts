import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TABLE_OWNERS } from '../server/db/table-owners.ts';
import { databaseTables, foreignWrites, importCycles, sourceFiles, sqlOutsideRepositories } from './helpers/layer-checks.ts';

const repo = path.resolve(import.meta.dirname, '..');

/** Every module a file imports, as a path relative to the root (packages kept as named). */
function importsOf(root: string, file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const specifiers = [
    ...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g),
  ].map((m) => m[1] ?? m[2] ?? m[3]);
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
    fs.writeFileSync(
      path.join(root, 'core/orders/bad.ts'),
      "import { buildApp } from '../../server/app.ts';\nconst w = import('../../web/src/main.tsx');\nimport pg from 'pg';\n",
    );
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

/** A scratch tree with the given files, removed after `check`. */
async function withTree(files: Record<string, string>, check: (root: string) => Promise<void> | void): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'carnet-arch-'));
  try {
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    }
    await check(root);
  } finally {
    fs.rmSync(root, { recursive: true });
  }
}

describe('architecture: each capability owns its tables', () => {
  it('SQL lives only in repositories (and the database layer, demo seeds, tests)', () => {
    expect(sqlOutsideRepositories(repo)).toEqual([]);
  });

  it('every table has an owner, and only its repositories write it', () => {
    expect(Object.keys(TABLE_OWNERS).sort()).toEqual(databaseTables(repo).sort());
    expect(foreignWrites(repo, TABLE_OWNERS)).toEqual([]);
  });

  it("the checks see SQL in a service and a write to another capability's table", async () => {
    await withTree(
      {
        'server/orders/orders.service.ts': "export const n = (db) => db.selectFrom('orders').selectAll().execute();\n",
        'server/orders/raw.ts': "import { sql } from 'kysely';\nexport const q = sql<number>`select 1`;\n",
        'server/orders/orders.repository.ts': "export const ok = (db) => db.selectFrom('orders').selectAll().execute();\n",
        'server/deliveries/deliveries.repository.ts':
          "export const bad = (trx) => trx.updateTable('orderLines').set({ quantity: 1 }).execute();\n",
        'server/db/migrations/0001.ts': "export const up = (db) => db.insertInto('orders').values({}).execute();\n",
      },
      (root) => {
        expect(sqlOutsideRepositories(root).sort()).toEqual(['server/orders/orders.service.ts:1', 'server/orders/raw.ts:2']);
        expect(foreignWrites(root, { orders: 'orders', orderLines: 'orders' })).toEqual([
          'server/deliveries/deliveries.repository.ts writes orderLines (owned by orders)',
        ]);
      },
    );
  });
});

describe('architecture: no file imports another in a circle', () => {
  it('server/, core/ and web/src/ hold no import cycle', async () => {
    expect(await importCycles(repo, ['server', 'core', 'web/src'])).toEqual([]);
  });

  it('the check sees a cycle, type-only imports included', async () => {
    await withTree(
      {
        'server/a.ts': "import { b } from './b.ts';\nexport const a = () => b;\n",
        'server/b.ts': "import type { C } from './c.ts';\nexport const b = 1 as unknown as C;\n",
        'server/c.ts': "import { a } from './a.ts';\nexport type C = ReturnType<typeof a>;\n",
      },
      async (root) => {
        expect(await importCycles(root, ['server'])).toEqual(['server/a.ts > server/b.ts > server/c.ts > server/a.ts']);
      },
    );
  });
});
