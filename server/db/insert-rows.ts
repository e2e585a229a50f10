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
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r).filter((k) => r[k] !== undefined)))];
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const head = `insert into "${snake(table)}" (${columns.map((c) => `"${snake(c)}"`).join(', ')}) values `;
  const tail = returning.length ? ` returning ${returning.map((c) => `"${snake(c)}"`).join(', ')}` : '';
  const out: Record<R, unknown>[] = [];
  const size = Math.max(1, Math.floor(MAX_BOUND_VALUES / columns.length));
  for (let start = 0; start < rows.length; start += size) {
    const chunk = rows.slice(start, start + size);
    const parameters: unknown[] = [];
    const tuples: string[] = [];
    for (const row of chunk) {
      const marks: string[] = [];
      for (const c of columns) {
        parameters.push(row[c] ?? null);
        marks.push(pg ? `$${parameters.length}` : '?');
      }
      tuples.push(`(${marks.join(', ')})`);
    }
    const result = await db.executeQuery<Record<R, unknown>>(CompiledQuery.raw(head + tuples.join(', ') + tail, parameters));
    out.push(...result.rows);
  }
  return out;
}
