import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file never imports application code.
// Reports (issue 14): one fact row per delivered order and one per delivered line, written in the delivery's own
// transaction from now on (server/reports/facts.repository.ts), so that the week-by-customer service report reads
// a few thousand narrow rows instead of joining a year of orders, lines and deliveries. Clustered by delivery date
// (SQLite WITHOUT ROWID on (delivered_on, id); PostgreSQL's primary key index serves the same range). This
// migration backfills both tables from the deliveries already reported, with its own copy of the rules of the day
// (core/reports/figures.ts deliveryFacts): a backorder does not count again; a line counts when the delivery report
// settled it.

const PARIS = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });
const parisDate = (instant: string) => PARIS.format(new Date(instant));
const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const COUNTED = ['delivered', 'backordered', 'short_cancelled'];

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const clustered = (b: { modifyEnd: (s: ReturnType<typeof sql>) => any }) => (pg ? b : b.modifyEnd(sql`without rowid`));

  await clustered(
    db.schema
      .createTable('report_orders')
      .addColumn('order_id', 'integer', (c) => c.notNull())
      .addColumn('customer_id', 'integer', (c) => c.notNull())
      .addColumn('assistant_id', 'integer')
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('ordered_on', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text')
      .addColumn('delivered_on', 'text', (c) => c.notNull())
      .addColumn('on_time', 'integer', (c) => c.notNull())
      .addColumn('in_full', 'integer', (c) => c.notNull())
      .addColumn('late_days', 'integer', (c) => c.notNull())
      .addColumn('lead_time_days', 'integer', (c) => c.notNull())
      .addColumn('lines', 'integer', (c) => c.notNull())
      .addColumn('lines_complete', 'integer', (c) => c.notNull())
      .addColumn('quantity_ordered', 'integer', (c) => c.notNull())
      .addColumn('quantity_delivered', 'integer', (c) => c.notNull())
      .addColumn('backorders', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('report_orders_pk', ['delivered_on', 'order_id']),
  ).execute();
  await db.schema.createIndex('report_orders_order').unique().on('report_orders').column('order_id').execute();
  // No index by customer: SQLite's planner would walk it to group by customer without sorting, reading the whole
  // year to report one week. A customer's drill-down reads the period's range and filters.

  await clustered(
    db.schema
      .createTable('report_lines')
      .addColumn('line_id', 'integer', (c) => c.notNull())
      .addColumn('order_id', 'integer', (c) => c.notNull())
      .addColumn('customer_id', 'integer', (c) => c.notNull())
      .addColumn('assistant_id', 'integer')
      .addColumn('product_id', 'integer', (c) => c.notNull())
      .addColumn('warehouse_id', 'integer')
      .addColumn('delivered_on', 'text', (c) => c.notNull())
      .addColumn('line_no', 'integer', (c) => c.notNull())
      .addColumn('quantity', 'integer', (c) => c.notNull())
      .addColumn('delivered', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('on_time', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('report_lines_pk', ['delivered_on', 'line_id']),
  ).execute();
  await db.schema.createIndex('report_lines_line').unique().on('report_lines').column('line_id').execute();
  await db.schema.createIndex('report_lines_order').on('report_lines').column('order_id').execute();

  // Backfill, a thousand orders at a time.
  let after = 0;
  for (;;) {
    const orders = await db
      .selectFrom('orders')
      .innerJoin('customers', 'customers.id', 'orders.customer_id')
      .where('orders.id', '>', after)
      .where('orders.backorder_of_order_id', 'is', null)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('deliveries')
            .select('deliveries.id')
            .whereRef('deliveries.order_id', '=', 'orders.id')
            .where('deliveries.status', '=', 'delivered'),
        ),
      )
      // One-word aliases: the application's connection renames snake_case columns in results.
      .select([
        'orders.id',
        'orders.customer_id as customer',
        'customers.assistant_user_id as assistant',
        'orders.channel',
        'orders.created_at as created',
        'orders.promised_date as promised',
        'orders.requested_date as requested',
      ])
      .orderBy('orders.id')
      .limit(1000)
      .execute();
    if (orders.length === 0) break;
    after = orders[orders.length - 1].id;
    const ids = orders.map((o) => o.id);
    const [lines, deliveries] = await Promise.all([
      db
        .selectFrom('order_lines')
        .leftJoin('delivery_lines', 'delivery_lines.order_line_id', 'order_lines.id')
        .leftJoin('deliveries', 'deliveries.id', 'delivery_lines.delivery_id')
        .where('order_lines.order_id', 'in', ids)
        .where('order_lines.status', 'in', COUNTED)
        .select([
          'order_lines.id',
          'order_lines.order_id as owner',
          'order_lines.line_no as no',
          'order_lines.product_id as product',
          'order_lines.quantity',
          'order_lines.delivered_quantity as got',
          'order_lines.status',
        ])
        .select((eb) => eb.fn.min('deliveries.warehouse_id').as('warehouse'))
        .groupBy([
          'order_lines.id',
          'order_lines.order_id',
          'order_lines.line_no',
          'order_lines.product_id',
          'order_lines.quantity',
          'order_lines.delivered_quantity',
          'order_lines.status',
        ])
        .execute(),
      db
        .selectFrom('deliveries')
        .where('order_id', 'in', ids)
        .where('status', '=', 'delivered')
        .select(['order_id as owner'])
        .select((eb) => eb.fn.max('delivered_at').as('at'))
        .groupBy('order_id')
        .execute(),
    ]);
    const deliveredAt = new Map(deliveries.map((d) => [d.owner as number, d.at as string | null]));
    const orderRows: Record<string, unknown>[] = [];
    const lineRows: Record<string, unknown>[] = [];
    for (const o of orders) {
      const at = deliveredAt.get(o.id);
      if (!at) continue;
      const deliveredOn = parisDate(at);
      const own = lines.filter((l) => l.owner === o.id);
      const dueOn: string | null = o.promised ?? o.requested;
      const lateDays = dueOn ? Math.max(0, days(dueOn, deliveredOn)) : 0;
      const onTime = lateDays === 0 ? 1 : 0;
      const got = (l: (typeof own)[number]) => Math.min(l.got ?? 0, l.quantity);
      const complete = own.filter((l) => got(l) >= l.quantity);
      const orderedOn = parisDate(o.created);
      orderRows.push({
        order_id: o.id,
        customer_id: o.customer,
        assistant_id: o.assistant,
        channel: o.channel,
        ordered_on: orderedOn,
        due_on: dueOn,
        delivered_on: deliveredOn,
        on_time: onTime,
        in_full: complete.length === own.length ? 1 : 0,
        late_days: lateDays,
        lead_time_days: Math.max(0, days(orderedOn, deliveredOn)),
        lines: own.length,
        lines_complete: complete.length,
        quantity_ordered: own.reduce((s, l) => s + l.quantity, 0),
        quantity_delivered: own.reduce((s, l) => s + got(l), 0),
        backorders: own.filter((l) => l.status === 'backordered' && got(l) < l.quantity).length,
      });
      for (const l of own)
        lineRows.push({
          line_id: l.id,
          order_id: o.id,
          customer_id: o.customer,
          assistant_id: o.assistant,
          product_id: l.product,
          warehouse_id: l.warehouse,
          delivered_on: deliveredOn,
          line_no: l.no,
          quantity: l.quantity,
          delivered: got(l),
          status: l.status,
          on_time: onTime,
        });
    }
    if (orderRows.length) await db.insertInto('report_orders').values(orderRows).execute();
    for (let i = 0; i < lineRows.length; i += 2000)
      await db
        .insertInto('report_lines')
        .values(lineRows.slice(i, i + 2000))
        .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_lines').execute();
  await db.schema.dropTable('report_orders').execute();
}
