import { addDays, parisInstant, parisNow } from '../../core/calendar/dates.ts';
import type { SaleUnit } from '../../core/catalog/product-enums.ts';
import type { Channel } from '../../core/customers/customer-enums.ts';
import type { LineStatus } from '../../core/orders/line-enums.ts';
import type { OrderStatus } from '../../core/orders/lifecycle.ts';
import { customerHabits, HABIT_WINDOW_DAYS, type HabitOrder } from '../../core/story/habits.ts';
import type { CustomerHabits } from '../../core/story/habits.schemas.ts';
import { findCustomer } from '../customers/customers.repository.ts';
import type { DbOrTrx } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { lastPlacedOrder, placedOrderLinesSince, placedOrdersSince, productsNamed } from './habits.repository.ts';

type OrderRow = { id: number; number: string; createdAt: string; channel: string; netCents: number | string | bigint; status: string };

/** What he usually orders, how much and how often, on which days and through which channel, as of `now`. */
export async function customerHabitsOf(db: DbOrTrx, customerId: number, now: Date): Promise<CustomerHabits> {
  if (!(await findCustomer(db, customerId))) throw notFound('Customer', customerId);
  const today = parisNow(now).date;
  const since = parisInstant(addDays(today, -HABIT_WINDOW_DAYS + 1), '00:00');
  const [rows, lineRows, last] = await Promise.all([
    placedOrdersSince(db, customerId, since),
    placedOrderLinesSince(db, customerId, since),
    lastPlacedOrder(db, customerId),
  ]);
  const lines = new Map<number, typeof lineRows>();
  for (const l of lineRows) {
    const held = lines.get(l.orderId);
    if (held) held.push(l);
    else lines.set(l.orderId, [l]);
  }
  const toHabitOrder = (o: OrderRow): HabitOrder => ({
    id: o.id,
    number: o.number,
    date: parisNow(new Date(o.createdAt)).date,
    channel: o.channel as Channel,
    netCents: Number(o.netCents),
    status: o.status as OrderStatus,
    lines: (lines.get(o.id) ?? []).map((l) => ({ productId: l.productId, quantity: l.quantity, status: l.status as LineStatus })),
  });
  const orders = rows.map(toHabitOrder);
  if (last && !rows.some((o) => o.id === last.id)) orders.push(toHabitOrder(last));
  const habits = customerHabits(orders, { today });
  const products = new Map(
    (
      await productsNamed(
        db,
        habits.usualProducts.map((p) => p.productId),
      )
    ).map((p) => [p.id, p]),
  );
  return {
    ...habits,
    usualProducts: habits.usualProducts.map((u) => {
      const p = products.get(u.productId)!;
      return { ...u, code: p.code, name: p.name, saleUnit: p.saleUnit as SaleUnit };
    }),
  };
}
