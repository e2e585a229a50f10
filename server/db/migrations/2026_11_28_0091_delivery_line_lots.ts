import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

// Frozen in time: this file never imports application code.
// Food traceability (issue 5, DESADV): which lots left on each delivery line, with their best-before date, picked
// first-expired-first-out at shipping. The lot number and dates are copied: the stock lot may be emptied later.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
  await db.schema
    .createTable('delivery_line_lots')
    .addColumn('id', pg ? 'serial' : 'integer', id)
    .addColumn('delivery_line_id', 'integer', (c) => c.notNull().references('delivery_lines.id').onDelete('cascade'))
    // Null: goods that left without a lot on file (stock counted ahead of the lot file).
    .addColumn('lot', 'text')
    .addColumn('production_date', 'text')
    .addColumn('best_before', 'text')
    .addColumn('quantity', 'integer', (c) => c.notNull())
    // 1 when the lot had less life left than the customer's minimum at delivery (shipped all the same, said so).
    .addColumn('below_min_shelf_life', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('delivery_line_lots_line').on('delivery_line_lots').column('delivery_line_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('delivery_line_lots').execute();
}
