import type { Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// Issue 18, item 4: accepting a customer's lower price (EDI PRI) is a concession; above this many cents on a line
// it is a manager's decision. Per typology in the CGV (50 € unless set) and overridable per customer (null: inherit).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('terms_of_sale_typologies')
    .addColumn('price_concession_approval_cents', 'integer', (c) => c.notNull().defaultTo(5000))
    .execute();
  await db.schema.alterTable('customer_terms').addColumn('price_concession_approval_cents', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('customer_terms').dropColumn('price_concession_approval_cents').execute();
  await db.schema.alterTable('terms_of_sale_typologies').dropColumn('price_concession_approval_cents').execute();
}
