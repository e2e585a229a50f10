import type { Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// Risks decided on the call (issue 4): a line may be bound to a warehouse other than the one release would pick
// (delivery from another warehouse), a part of a line may leave later in a second delivery of the same order (split),
// and an EDI order may state its own delivery requirement (EDIFACT 4493), which beats the customer's settings.

export async function up(db: Kysely<any>): Promise<void> {
  // The warehouse release must use for the line (null: release chooses, by the stock).
  await db.schema
    .alterTable('order_lines')
    .addColumn('warehouse_id', 'integer', (c) => c.references('warehouses.id'))
    .execute();
  // The date the line leaves on when it is not the order's promised date (null: the order's date).
  await db.schema.alterTable('order_lines').addColumn('planned_date', 'text').execute();
  // The 4493 code of the customer's EDI order (SC, BK, SP, IS, CD), as sent; null: the customer's settings apply.
  await db.schema.alterTable('orders').addColumn('delivery_requirement', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('orders').dropColumn('delivery_requirement').execute();
  await db.schema.alterTable('order_lines').dropColumn('planned_date').execute();
  await db.schema.alterTable('order_lines').dropColumn('warehouse_id').execute();
}
