import type { Kysely } from 'kysely';

// Frozen in time: this file never imports application code. `fold` is core/shared/search-text.ts's `normalise`
// as it stood when this migration was written; the application keeps the column up to date from then on.

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[\u2018\u2019\u02bc]/g, "'");
}

const joined = (...fields: (string | null)[]) => fold(fields.filter((f) => f && f.trim() !== '').join(' '));

/** The searchable fields of each table, in the order the application writes them. */
const TABLES = {
  customers: ['name', 'code', 'city'],
  delivery_points: ['name', 'code', 'city'],
  products: ['name', 'code'],
} as const;

/**
 * A lower-case, accent-free `search_text` on customers, delivery points and products: "orleans" must find
 * "Orléans" on both engines, and neither SQLite nor a stock PostgreSQL can strip accents in SQL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, fields] of Object.entries(TABLES)) {
    await db.schema
      .alterTable(table)
      .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    const rows: Record<string, string | number | null>[] = await db
      .selectFrom(table)
      .select(['id', ...fields])
      .execute();
    for (const row of rows) {
      const text = joined(...fields.map((f) => row[f] as string | null));
      await db.updateTable(table).set({ search_text: text }).where('id', '=', row.id).execute();
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of Object.keys(TABLES)) await db.schema.alterTable(table).dropColumn('search_text').execute();
}
