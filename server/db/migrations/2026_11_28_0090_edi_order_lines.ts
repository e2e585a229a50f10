import type { Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// What an EDI order line was asked as (issue 5): the price the customer expects (PRI), the price the desk agreed to
// invoice it at, the customer's line number and quantity, so the rules, the order page and the ORDRSP still know
// them after a reload, an edit or a confirmation.

export async function up(db: Kysely<any>): Promise<void> {
  // Net unit price in cents the customer sent (PRI+AAA/AAB), per our sale unit; checked by price-mismatch.
  await db.schema.alterTable('order_lines').addColumn('expected_unit_price_cents', 'integer').execute();
  // Set when the desk accepts the customer's price: the line is priced and invoiced at it, whatever the lists say.
  await db.schema.alterTable('order_lines').addColumn('agreed_unit_price_cents', 'integer').execute();
  // The buyer's LIN number and the quantity he asked (in our sale units): the ORDRSP answers each line by them.
  await db.schema.alterTable('order_lines').addColumn('customer_line_no', 'integer').execute();
  await db.schema.alterTable('order_lines').addColumn('ordered_quantity', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['ordered_quantity', 'customer_line_no', 'agreed_unit_price_cents', 'expected_unit_price_cents']) {
    await db.schema.alterTable('order_lines').dropColumn(column).execute();
  }
}
