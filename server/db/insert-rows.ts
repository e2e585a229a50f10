import { CompiledQuery, PostgresAdapter } from 'kysely';
import type { Database, DbOrTrx } from './database.ts';

/**
 * A statement binds at most 32,766 values on SQLite (65,535 on PostgreSQL): a multi-row insert of a batch is cut
 * into statements that stay under the smaller limit, with a margin.
 */
const MAX_BOUND_VALUES = 30_000;

/** What the CamelCasePlugin makes of a name: the tables and columns are snake_case, the code camelCase. */
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Rows of one table in multi-row INSERTs, chunked under the bound-value limit, returning the columns asked for
 * (camelCase, through the CamelCasePlugin like any query). The SQL text is written here, not built through the
 * query builder: a batch of EDI orders inserts thousands of values, and building and compiling that tree cost more
 * than the database's own work. A column is listed when any row gives it a value; a row without one stores null.
 * Identifiers come from the table types, never from input.
 */
export async function insertRows<T extends keyof Database, R extends string = never>(
  db: DbOrTrx,
  table: T,
  rows: readonly Record<string, unknown>[],
  returning: readonly R[] = [],
): Promise<Record<R, unknown>[]> {
  if (rows.length === 0) return [];
  const given = new Set<string>();
  for (const row of rows) for (const key in row) if (row[key] !== undefined) given.add(key);
  const columns = [...given];
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const head = `insert into "${snake(table)}" (${columns.map((c) => `"${snake(c)}"`).join(', ')}) values `;
  const tail = returning.length ? ` returning ${returning.map((c) => `"${snake(c)}"`).join(', ')}` : '';
  const out: Record<R, unknown>[] = [];
  const size = Math.max(1, Math.floor(MAX_BOUND_VALUES / columns.length));
  // SQLite's placeholders are the same for every row: one tuple's text, repeated.
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += size) {
    const chunk = rows.slice(start, start + size);
    const parameters = new Array<unknown>(chunk.length * columns.length);
    let k = 0;
    for (const row of chunk) for (const c of columns) parameters[k++] = row[c] ?? null;
    const tuples = pg
      ? chunk.map((_, r) => `(${columns.map((_c, i) => `$${r * columns.length + i + 1}`).join(', ')})`).join(', ')
      : new Array<string>(chunk.length).fill(tuple).join(', ');
    const result = await db.executeQuery<Record<R, unknown>>(CompiledQuery.raw(head + tuples + tail, parameters));
    out.push(...result.rows);
  }
  return out;
}
