import type { Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// Reports (issue 14): the order-taking figures of a delivered order ride on its fact row, so that the kpis query
// stays one scan of report_orders: its delivery point (the view by delivery point), when it was confirmed and the
// cut-off it had to beat, who of the desk first touched it and whether it went through untouched (EDI, portal).
// The rows already there are backfilled with this file's own copy of the rules of the day (core/reports/figures.ts
// deliveryFacts, core/calendar/delivery-date.ts processingDay): confirmed before the delivery point's cut-off of the
// working day the order is processed on; touched when an assistant, a manager or an admin created, changed,
// approved, overrode or confirmed it.

const PARIS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
/** YYYY-MM-DDTHH:MM on the Paris clock. */
function parisWall(instant: string): string {
  const p = Object.fromEntries(PARIS.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

function easter(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const h = (19 * a + b - Math.floor(b / 4) - Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3) + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
function holiday(date: string): boolean {
  const year = Number(date.slice(0, 4));
  const e = easter(year);
  return (
    ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'].includes(date.slice(5)) ||
    [addDays(e, 1), addDays(e, 39), addDays(e, 50)].includes(date)
  );
}
const working = (date: string) => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()) && !holiday(date);
function confirmBy(orderedAt: string, cutoff: string): string {
  let day = orderedAt.slice(0, 10);
  if (!working(day) || orderedAt.slice(11, 16) >= cutoff) {
    day = addDays(day, 1);
    while (!working(day)) day = addDays(day, 1);
  }
  return `${day}T${cutoff}`;
}
const STAFF = ['assistant', 'manager', 'admin'];
const TAKING = ['create', 'change', 'approve', 'override', 'confirm'];
const AUTOMATED = ['edi', 'portal'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('report_orders').addColumn('delivery_point_id', 'integer').execute();
  await db.schema.alterTable('report_orders').addColumn('confirmed_at', 'text').execute();
  await db.schema.alterTable('report_orders').addColumn('confirm_by', 'text').execute();
  await db.schema
    .alterTable('report_orders')
    .addColumn('confirmed_on_time', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('report_orders').addColumn('touched_by', 'integer').execute();
  await db.schema
    .alterTable('report_orders')
    .addColumn('touchless', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  let after = 0;
  for (;;) {
    // One-word aliases: the application's connection renames snake_case columns in results.
    const orders = await db
      .selectFrom('report_orders')
      .innerJoin('orders', 'orders.id', 'report_orders.order_id')
      .innerJoin('delivery_points', 'delivery_points.id', 'orders.delivery_point_id')
      .where('report_orders.order_id', '>', after)
      .select([
        'orders.id',
        'orders.channel',
        'orders.created_at as created',
        'orders.delivery_point_id as point',
        'delivery_points.cutoff_time as cutoff',
      ])
      .orderBy('report_orders.order_id')
      .limit(1000)
      .execute();
    if (orders.length === 0) break;
    after = orders[orders.length - 1].id;
    const events = await db
      .selectFrom('audit_events')
      .leftJoin('users', 'users.id', 'audit_events.user_id')
      .where('audit_events.entity_type', '=', 'order')
      .where(
        'audit_events.order_id',
        'in',
        orders.map((o) => o.id),
      )
      .where('audit_events.action', 'in', TAKING)
      .select(['audit_events.order_id as owner', 'audit_events.action', 'audit_events.user_id as who', 'users.role', 'audit_events.at'])
      .orderBy('audit_events.at')
      .execute();
    for (const o of orders) {
      const own = events.filter((e) => e.owner === o.id);
      const confirm = own.find((e) => e.action === 'confirm');
      const confirmedAt = confirm ? parisWall(confirm.at) : null;
      const deadline = confirmBy(parisWall(o.created), o.cutoff);
      const touchedBy = own.find((e) => STAFF.includes(e.role))?.who ?? null;
      await db
        .updateTable('report_orders')
        .set({
          delivery_point_id: o.point,
          confirmed_at: confirmedAt,
          confirm_by: deadline,
          confirmed_on_time: confirmedAt !== null && confirmedAt < deadline ? 1 : 0,
          touched_by: touchedBy,
          touchless: AUTOMATED.includes(o.channel) && touchedBy === null ? 1 : 0,
        })
        .where('order_id', '=', o.id)
        .execute();
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['touchless', 'touched_by', 'confirmed_on_time', 'confirm_by', 'confirmed_at', 'delivery_point_id'])
    await db.schema.alterTable('report_orders').dropColumn(column).execute();
}
