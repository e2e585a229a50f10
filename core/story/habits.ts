// The customer's habits, read from his orders: what he usually orders, how much and how often, on which days,
// for how much and through which channel. Pure: the orders come in, the habits go out; no clock but `today`.
import { addDays, type IsoDate, type Weekday, WEEKDAYS, daysBetween, weekdayOf } from '../calendar/dates.ts';
import type { Channel } from '../customers/customer-enums.ts';
import type { LineStatus } from '../orders/line-enums.ts';
import type { OrderStatus } from '../orders/lifecycle.ts';
import { roundCents } from '../shared/money.ts';
import { median } from '../shared/median.ts';

export type HabitOrder = {
  id: number;
  number: string;
  /** The day he placed it, in Paris. */
  date: IsoDate;
  channel: Channel;
  netCents: number;
  status: OrderStatus;
  lines: readonly { productId: number; quantity: number; status: LineStatus }[];
};

export type UsualProduct = {
  productId: number;
  /** How many of the window's orders held it, and that as a share of them. */
  orders: number;
  shareBp: number;
  /** The median quantity per order that held it, in the product's sale unit, rounded half up to a whole unit. */
  medianQuantity: number;
  /** The median days between two orders of it, rounded half up; null: ordered on one day only. */
  rhythmDays: number | null;
};

export type Habits = {
  /** The window the habits were read over (both days included) and how many orders fell in it. */
  from: IsoDate;
  to: IsoDate;
  orders: number;
  usualProducts: UsualProduct[];
  weekdays: Weekday[];
  /** The mean net total of the window's orders, rounded half away from zero to the cent; null: no order. */
  averageNetCents: number | null;
  channels: { channel: Channel; orders: number }[];
  /** His latest order, inside the window or not. */
  lastOrder: { id: number; number: string; date: IsoDate } | null;
};

export type HabitOptions = {
  today: IsoDate;
  /** About six months: long enough to see a rhythm, short enough that a change of habits shows within a season. */
  windowDays?: number;
  /** A product is usual when at least this share of the orders held it (a quarter: every other week for a weekly buyer). */
  minShareBp?: number;
};

export const HABIT_WINDOW_DAYS = 182;
export const USUAL_SHARE_BP = 2500;
/** Fewer orders than this and nothing is a habit yet: one order is not a rhythm. */
export const MIN_HABIT_ORDERS = 2;

/** Drafts were never placed and cancelled orders never happened: neither tells what he buys. */
export const PLACED_STATUSES = ['confirmed', 'released', 'shipped', 'delivered', 'closed'] as const satisfies readonly OrderStatus[];
const PLACED: ReadonlySet<OrderStatus> = new Set(PLACED_STATUSES);

export function customerHabits(orders: readonly HabitOrder[], options: HabitOptions): Habits {
  const to = options.today;
  const from = addDays(to, -(options.windowDays ?? HABIT_WINDOW_DAYS) + 1);
  const minShareBp = options.minShareBp ?? USUAL_SHARE_BP;
  const placed = orders.filter((o) => PLACED.has(o.status));
  const recent = placed.filter((o) => o.date >= from && o.date <= to);
  const last = placed.reduce<HabitOrder | null>((a, o) => (!a || o.date > a.date || (o.date === a.date && o.id > a.id) ? o : a), null);
  return {
    from,
    to,
    orders: recent.length,
    usualProducts: usualProducts(recent, minShareBp),
    weekdays: usualWeekdays(recent),
    averageNetCents: recent.length ? roundCents(recent.reduce((s, o) => s + o.netCents, 0) / recent.length) : null,
    channels: countBy(recent, (o) => o.channel).map(([channel, n]) => ({ channel, orders: n })),
    lastOrder: last && { id: last.id, number: last.number, date: last.date },
  };
}

function usualProducts(orders: readonly HabitOrder[], minShareBp: number): UsualProduct[] {
  if (orders.length < MIN_HABIT_ORDERS) return [];
  // Per product, the quantity each order held (two lines of it in one order are one order of their sum) and its days.
  const byProduct = new Map<number, { quantities: number[]; dates: Set<IsoDate> }>();
  for (const o of orders) {
    const inOrder = new Map<number, number>();
    for (const l of o.lines) if (l.status !== 'cancelled') inOrder.set(l.productId, (inOrder.get(l.productId) ?? 0) + l.quantity);
    for (const [productId, quantity] of inOrder) {
      const p = byProduct.get(productId) ?? { quantities: [], dates: new Set<IsoDate>() };
      p.quantities.push(quantity);
      p.dates.add(o.date);
      byProduct.set(productId, p);
    }
  }
  const usual: UsualProduct[] = [];
  for (const [productId, p] of byProduct) {
    const shareBp = Math.floor((p.quantities.length * 10_000) / orders.length);
    if (p.quantities.length < MIN_HABIT_ORDERS || shareBp < minShareBp) continue;
    const days = [...p.dates].sort();
    const gaps = days.slice(1).map((d, i) => daysBetween(days[i], d));
    usual.push({
      productId,
      orders: p.quantities.length,
      shareBp,
      medianQuantity: Math.round(median(p.quantities)),
      rhythmDays: gaps.length ? Math.round(median(gaps)) : null,
    });
  }
  return usual.sort((a, b) => b.orders - a.orders || a.productId - b.productId);
}

/**
 * The days he orders on: those that see at least half as many orders as his busiest day, so that Monday and
 * Thursday show for a baker who calls on those days and the odd Friday he had to call again does not.
 */
function usualWeekdays(orders: readonly HabitOrder[]): Weekday[] {
  if (orders.length < MIN_HABIT_ORDERS) return [];
  const counts = new Map(countBy(orders, (o) => weekdayOf(o.date)));
  const busiest = Math.max(...counts.values());
  return WEEKDAYS.filter((d) => (counts.get(d) ?? 0) * 2 >= busiest);
}

/** How many of each key, the most frequent first (ties by key, so the answer never depends on the input's order). */
function countBy<T, K extends string>(items: readonly T[], key: (item: T) => K): [K, number][] {
  const counts = new Map<K, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}
