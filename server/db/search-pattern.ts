import { type Expression, type RawBuilder, sql } from 'kysely';
import { normalise, searchWords } from '../../core/shared/search-text.ts';

/** LIKE treats % and _ as wildcards: a code such as "PL_2026" must match itself, not any character. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

type Where = 'contains' | 'prefix';
const pattern = (text: string, where: Where) => (where === 'contains' ? `%${escapeLike(text)}%` : `${escapeLike(text)}%`);

/**
 * `lower(column) LIKE pattern`, case-insensitive on both engines (PostgreSQL's LIKE is case-sensitive,
 * SQLite's only for ASCII), with an explicit escape character so both read the pattern the same way.
 */
export function lowerLike(column: Expression<unknown> | RawBuilder<unknown>, text: string, where: Where): RawBuilder<boolean> {
  return sql<boolean>`lower(${column}) like ${pattern(text.toLowerCase(), where)} escape '\\'`;
}

/**
 * A stored `search_text` column (already lower-case without accents) holds the text, normalised the same way:
 * case- and accent-insensitive on both engines, which neither can do in SQL alone.
 */
export function searchTextLike(column: Expression<unknown> | RawBuilder<unknown>, text: string, where: Where): RawBuilder<boolean> {
  return sql<boolean>`${column} like ${pattern(normalise(text), where)} escape '\\'`;
}

/** Every word of the query somewhere in a `search_text` column, in any order ("glace sucre" finds "Sucre glace"). */
export function hasEveryWord(column: Expression<unknown> | RawBuilder<unknown>, query: string): RawBuilder<boolean> {
  const words = searchWords(query);
  if (words.length === 0) return sql<boolean>`1 = 1`;
  return sql<boolean>`(${sql.join(
    words.map((w) => searchTextLike(column, w, 'contains')),
    sql` and `,
  )})`;
}
