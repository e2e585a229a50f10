/**
 * A statement binds at most 32,766 values on SQLite (65,535 on PostgreSQL): a multi-row insert of a batch is cut
 * into chunks that stay under the smaller limit, with a margin.
 */
const MAX_BOUND_VALUES = 30_000;

/** The rows in chunks of at most MAX_BOUND_VALUES bound values each (rows of one table share their columns). */
export function insertChunks<T extends object>(rows: readonly T[]): T[][] {
  if (rows.length === 0) return [];
  const perRow = Math.max(1, Object.keys(rows[0]).length);
  const size = Math.max(1, Math.floor(MAX_BOUND_VALUES / perRow));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}
