import { type Expression, type RawBuilder, sql } from 'kysely';

/** LIKE treats % and _ as wildcards: a code such as "PL_2026" must match itself, not any character. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * `lower(column) LIKE pattern`, case-insensitive on both engines (PostgreSQL's LIKE is case-sensitive,
 * SQLite's only for ASCII), with an explicit escape character so both read the pattern the same way.
 */
export function lowerLike(column: Expression<unknown> | RawBuilder<unknown>, text: string, where: 'contains' | 'prefix'): RawBuilder<boolean> {
  const body = escapeLike(text.toLowerCase());
  const pattern = where === 'contains' ? `%${body}%` : `${body}%`;
  return sql<boolean>`lower(${column}) like ${pattern} escape '\\'`;
}
