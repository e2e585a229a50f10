import type { Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// Changing an order after confirmation and EDI details (issue 16): an EDI line keeps the factor between the unit the
// customer ordered in (a case of 10 sacks) and our sale unit, so the ORDRSP answers in his unit. Null: he ordered in
// our unit (or the line was not ordered by EDI).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('order_lines').addColumn('customer_unit_factor', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('order_lines').dropColumn('customer_unit_factor').execute();
}
