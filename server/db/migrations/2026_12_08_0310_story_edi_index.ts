import type { Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// The customer's story (issue 12) tells his EDI problems too: read newest first by (time, id) for one customer, as
// every other source of the timeline, so that years of EDI orders answer a page as fast as a few.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('edi_messages_customer_story').on('edi_messages').columns(['customer_id', 'created_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('edi_messages_customer_story').execute();
}
