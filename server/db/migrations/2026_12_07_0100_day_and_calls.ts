import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

// Frozen in time: this file never imports application code.
// The assistant's day (issue 13): each customer's call rhythm, the call log (every call, in or out, with what came of
// it and what it is linked to), the time pieces of work took (what the day's estimates are learned from), her
// working hours and absences (a whole-day absence may hand her portfolio to a colleague), items a manager moved to
// another assistant, handover notes, and the plan she last saw (so a change is shown, not silently reordered).

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
  const serial = pg ? 'serial' : 'integer';

  await db.schema
    .createTable('call_rhythms')
    .addColumn('customer_id', 'integer', (c) => c.primaryKey().references('customers.id'))
    // MON,THU
    .addColumn('weekdays', 'text', (c) => c.notNull())
    .addColumn('time_from', 'text', (c) => c.notNull())
    .addColumn('time_to', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'integer', (c) => c.references('contacts.id'))
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('calls')
    .addColumn('id', serial, id)
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('contact_id', 'integer', (c) => c.references('contacts.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text', (c) => c.notNull())
    .addColumn('duration_seconds', 'integer', (c) => c.notNull())
    // Paris date and time of the start: what the day's rules read (whose call today, when).
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('local_time', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('call_back_at', 'text')
    .addColumn('order_id', 'integer', (c) => c.references('orders.id'))
    .addColumn('complaint_id', 'integer', (c) => c.references('complaints.id'))
    .addColumn('risk_id', 'integer', (c) => c.references('risks.id'))
    // The satisfaction interview's id (issue 12's table): no foreign key, the table is not this migration's.
    .addColumn('satisfaction_interview_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('calls_customer_story').on('calls').columns(['customer_id', 'started_at', 'id']).execute();
  await db.schema.createIndex('calls_user_date').on('calls').columns(['user_id', 'local_date']).execute();
  await db.schema.createIndex('calls_date').on('calls').columns(['local_date']).execute();

  await db.schema
    .createTable('work_timings')
    .addColumn('id', serial, id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('work_timings_kind').on('work_timings').columns(['kind', 'ended_at']).execute();

  await db.schema
    .createTable('work_schedules')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('day_minutes', 'integer', (c) => c.notNull())
    .addColumn('break_from', 'text')
    .addColumn('break_to', 'text')
    .execute();

  await db.schema
    .createTable('absences')
    .addColumn('id', serial, id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('date_from', 'text', (c) => c.notNull())
    .addColumn('date_to', 'text', (c) => c.notNull())
    // Part of a day (HH:MM); null: the whole days.
    .addColumn('time_from', 'text')
    .addColumn('time_to', 'text')
    .addColumn('covered_by', 'integer', (c) => c.references('users.id'))
    .addColumn('note', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('absences_user').on('absences').columns(['user_id', 'date_from']).execute();

  await db.schema
    .createTable('day_assignments')
    .addColumn('id', serial, id)
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    // Left for another day (its date), rather than given to someone.
    .addColumn('postponed_to', 'text')
    .addColumn('assigned_by', 'integer', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('day_assignments_ref').on('day_assignments').columns(['date', 'ref']).unique().execute();

  await db.schema
    .createTable('handover_notes')
    .addColumn('id', serial, id)
    .addColumn('customer_id', 'integer', (c) => c.references('customers.id'))
    .addColumn('item_ref', 'text')
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('handover_notes_customer').on('handover_notes').columns(['customer_id', 'at']).execute();
  await db.schema.createIndex('handover_notes_item').on('handover_notes').columns(['item_ref', 'at']).execute();

  await db.schema
    .createTable('day_views')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('refs_json', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('day_views_pk', ['user_id', 'date'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['day_views', 'handover_notes', 'day_assignments', 'absences', 'work_schedules', 'work_timings', 'calls', 'call_rhythms'])
    await db.schema.dropTable(t).execute();
}
