import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file never imports application code.
// Reports (issue 14, scale): the order figures' sums per ISO week (its Monday), customer and assistant (0: none),
// kept in the delivery's transaction beside report_orders (server/reports/facts.repository.ts) so that a report of
// whole weeks by customer, typology, assistant or week reads one row per customer and week, not every order. The
// columns are the sums core/reports/figures.ts DeliverySums names. Filled here from the facts already recorded.

const SUMS = [
  'orders',
  'orders_on_time',
  'orders_in_full',
  'orders_otif',
  'lead_time_days_sum',
  'late_days_sum',
  'lines',
  'lines_complete',
  'quantity_ordered',
  'quantity_delivered',
  'backorders',
  'orders_confirmed',
  'orders_confirmed_on_time',
  'orders_touchless',
  'phone_orders',
  'email_orders',
  'fax_orders',
  'edi_orders',
  'portal_orders',
];

/** Each sum as the facts make it (the channels' from the order's channel). */
const FROM_FACTS: Record<string, string> = {
  orders: 'count(*)',
  orders_on_time: 'sum(on_time)',
  orders_in_full: 'sum(in_full)',
  orders_otif: 'sum(on_time * in_full)',
  lead_time_days_sum: 'sum(lead_time_days)',
  late_days_sum: 'sum(late_days)',
  lines: 'sum(lines)',
  lines_complete: 'sum(lines_complete)',
  quantity_ordered: 'sum(quantity_ordered)',
  quantity_delivered: 'sum(quantity_delivered)',
  backorders: 'sum(backorders)',
  orders_confirmed: 'count(confirmed_at)',
  orders_confirmed_on_time: 'sum(confirmed_on_time)',
  orders_touchless: 'sum(touchless)',
  phone_orders: "sum(case when channel = 'phone' then 1 else 0 end)",
  email_orders: "sum(case when channel = 'email' then 1 else 0 end)",
  fax_orders: "sum(case when channel = 'fax' then 1 else 0 end)",
  edi_orders: "sum(case when channel = 'edi' then 1 else 0 end)",
  portal_orders: "sum(case when channel = 'portal' then 1 else 0 end)",
};

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  let table = db.schema
    .createTable('report_week_customers')
    .addColumn('week_start', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'integer', (c) => c.notNull())
    .addColumn('assistant_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_week_customers_pk', ['week_start', 'customer_id', 'assistant_id']);
  // integer, not bigint: one customer's week stays far below 2^31, PostgreSQL sums integers into a bigint (a year
  // of them too), and its sums of bigints are numerics, ten times slower to add up.
  for (const s of SUMS) table = table.addColumn(s, 'integer', (c) => c.notNull().defaultTo(0));
  await (pg ? table : table.modifyEnd(sql`without rowid`)).execute();

  const weekStart = pg
    ? sql.raw(`to_char(date_trunc('week', delivered_on::date), 'YYYY-MM-DD')`)
    : sql.raw(`date(delivered_on, '-' || ((cast(strftime('%w', delivered_on) as integer) + 6) % 7) || ' days')`);
  await sql`insert into report_week_customers (week_start, customer_id, assistant_id, ${sql.raw(SUMS.join(', '))})
    select ${weekStart}, customer_id, coalesce(assistant_id, 0), ${sql.raw(SUMS.map((s) => FROM_FACTS[s]).join(', '))}
    from report_orders group by 1, 2, 3`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_week_customers').execute();
}
