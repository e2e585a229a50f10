import type { Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// Two doors (or two processes) taking in the same interchange at once: the one holding the claim processes it, the
// other answers that it is in progress. The claim is a lease renewed with each batch committed, so a holder that
// died leaves it to expire (or to be taken over at once by a process on the same host that sees it gone).
// The credit check sums a customer's open orders for every order taken: index it by customer and status, with
// the amount, so the sum reads the open orders only, not the customer's whole history.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('edi_interchanges').addColumn('claimed_by', 'text').execute();
  await db.schema.alterTable('edi_interchanges').addColumn('claimed_until', 'text').execute();
  await db.schema.createIndex('orders_customer_status').on('orders').columns(['customer_id', 'status', 'gross_cents']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('orders_customer_status').execute();
  await db.schema.alterTable('edi_interchanges').dropColumn('claimed_until').execute();
  await db.schema.alterTable('edi_interchanges').dropColumn('claimed_by').execute();
}
