import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

// Frozen in time: this file never imports application code.
// Complaints, second part (issue 12): the photos the customer sends (each stored file with its thumbnail); the
// outcomes that create something — the free-of-charge replacement order, the return to collect (a pickup with its
// date and lines), the answer sent to the customer (its outbox email or its printed letter); the satisfaction
// interviews (a guide per typology: rhythm and questions; each interview's scores and words); the call scripts a
// manager writes per typology and screen.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
  const idType = pg ? 'serial' : 'integer';

  await db.schema
    .createTable('complaint_photos')
    .addColumn('id', idType, id)
    .addColumn('complaint_id', 'integer', (c) => c.notNull().references('complaints.id').onDelete('cascade'))
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    // A JPEG thumbnail; null for a PDF (shown as a file) or a picture nothing could read.
    .addColumn('thumbnail_document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('complaint_photos_complaint').on('complaint_photos').column('complaint_id').execute();

  await db.schema.alterTable('complaints').addColumn('replacement_order_id', 'integer').execute();
  await db.schema.alterTable('complaints').addColumn('answer_text', 'text').execute();
  await db.schema.alterTable('complaints').addColumn('answer_sent_at', 'text').execute();
  // 'email' (through the outbox) or 'print' (the letter's PDF).
  await db.schema.alterTable('complaints').addColumn('answer_channel', 'text').execute();
  await db.schema.alterTable('complaints').addColumn('answer_document_id', 'integer').execute();

  await db.schema
    .createTable('return_pickups')
    .addColumn('id', idType, id)
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('complaint_id', 'integer', (c) => c.notNull().references('complaints.id'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('delivery_point_id', 'integer', (c) => c.references('delivery_points.id'))
    .addColumn('pickup_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('return_pickup_lines')
    .addColumn('id', idType, id)
    .addColumn('return_pickup_id', 'integer', (c) => c.notNull().references('return_pickups.id').onDelete('cascade'))
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .execute();

  // A gesture granted on a complaint, waiting for the customer's next order; applied_order_id once taken off it.
  await db.schema
    .createTable('customer_gestures')
    .addColumn('id', idType, id)
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('complaint_id', 'integer', (c) => c.notNull().references('complaints.id'))
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addColumn('applied_order_id', 'integer', (c) => c.references('orders.id'))
    .addColumn('applied_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customer_gestures_customer').on('customer_gestures').columns(['customer_id', 'applied_order_id']).execute();

  await db.schema
    .createTable('satisfaction_guides')
    .addColumn('typology', 'text', (c) => c.primaryKey())
    .addColumn('rhythm_months', 'integer', (c) => c.notNull())
    // [{key, fr, en}]: the questions, each scored 0 to 10.
    .addColumn('questions_json', 'text', (c) => c.notNull())
    .addColumn('low_score', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('satisfaction_interviews')
    .addColumn('id', idType, id)
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('complaint_id', 'integer', (c) => c.references('complaints.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('answers_json', 'text', (c) => c.notNull())
    .addColumn('overall', 'integer')
    .addColumn('comment', 'text')
    .addColumn('follow_up_task_id', 'integer')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createIndex('satisfaction_interviews_customer')
    .on('satisfaction_interviews')
    .columns(['customer_id', 'at', 'id'])
    .execute();

  await db.schema
    .createTable('call_scripts')
    .addColumn('typology', 'text', (c) => c.notNull())
    .addColumn('screen', 'text', (c) => c.notNull())
    .addColumn('opening', 'text', (c) => c.notNull())
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('calming', 'text', (c) => c.notNull())
    .addColumn('closing', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('call_scripts_pk', ['typology', 'screen'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('call_scripts').execute();
  await db.schema.dropTable('satisfaction_interviews').execute();
  await db.schema.dropTable('satisfaction_guides').execute();
  await db.schema.dropTable('customer_gestures').execute();
  await db.schema.dropTable('return_pickup_lines').execute();
  await db.schema.dropTable('return_pickups').execute();
  for (const column of ['answer_document_id', 'answer_channel', 'answer_sent_at', 'answer_text', 'replacement_order_id'])
    await db.schema.alterTable('complaints').dropColumn(column).execute();
  await db.schema.dropTable('complaint_photos').execute();
}
