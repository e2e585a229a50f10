import fs from 'node:fs';
import path from 'node:path';
import { cruise } from 'dependency-cruiser';

/** Every .ts/.tsx file under `dir`, relative to `root`. */
export function sourceFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(root, rel));
    else if (/\.(ts|tsx)$/.test(entry.name)) out.push(rel);
  }
  return out;
}

const SQL =
  /\b(?:selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(|\.with\(\s*['"]|\bsql(?:<[^>]*>)?`|\bsql\.(?:raw|ref|join|table|id|lit|val)\(/;
/** The database layer (connection, migrations, SQL fragments shared by repositories), demo seeds and tests may hold SQL. */
const MAY_HOLD_SQL = (file: string) =>
  /\.repository\.ts$/.test(file) || file.startsWith('server/db/') || file.startsWith('server/demo/') || /\.test\.ts$/.test(file);

/** Server files outside a repository that build SQL, with the first line that does. */
export function sqlOutsideRepositories(root: string): string[] {
  return sourceFiles(root, 'server')
    .filter((file) => !MAY_HOLD_SQL(file))
    .flatMap((file) => {
      const lines = fs.readFileSync(path.join(root, file), 'utf8').split('\n');
      const at = lines.findIndex((l) => SQL.test(l));
      return at < 0 ? [] : [`${file}:${at + 1}`];
    });
}

/** The capability a server file belongs to: its folder under server/. */
const capabilityOf = (file: string) => file.split(path.sep)[1];

/** Writes by a repository to a table another capability owns (or to a table nobody owns). */
export function foreignWrites(root: string, owners: Readonly<Record<string, string>>): string[] {
  return sourceFiles(root, 'server')
    .filter((file) => file.endsWith('.repository.ts'))
    .flatMap((file) => {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      return [...text.matchAll(/\b(?:insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(\s*['"](\w+)['"]/g)]
        .map((m) => m[1])
        .filter((table) => owners[table] !== capabilityOf(file))
        .map((table) => `${file} writes ${table} (owned by ${owners[table] ?? 'nobody'})`);
    });
}

/** The tables of the `Database` type, as declared in server/db/database.ts. */
export function databaseTables(root: string): string[] {
  const text = fs.readFileSync(path.join(root, 'server/db/database.ts'), 'utf8');
  const body = text.slice(text.indexOf('export type Database = {'));
  return [...body.slice(0, body.indexOf('};')).matchAll(/^\s+(\w+): \w+Table;/gm)].map((m) => m[1]);
}

/** Every file-level import cycle among the given folders, as "a > b > a" (dependency-cruiser, type imports included). */
export async function importCycles(root: string, dirs: string[]): Promise<string[]> {
  const result = await cruise(dirs, {
    baseDir: root,
    validate: true,
    ruleSet: { forbidden: [{ name: 'no-circular', severity: 'error', from: {}, to: { circular: true } }] },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
    tsPreCompilationDeps: true,
  });
  if (typeof result.output === 'string') throw new Error('dependency-cruiser answered text, not a result');
  return result.output.summary.violations.map((v) => [v.from, ...(v.cycle ?? []).map((c) => c.name)].join(' > '));
}
