import type { Weekday } from '../../core/calendar/dates.ts';
import { recordDeliveryFacts } from '../reports/facts.repository.ts';
import { addDays, parisNow } from '../../core/calendar/dates.ts';
import { orderTotals } from '../../core/orders/totals.ts';
import { searchText } from '../../core/shared/search-text.ts';
import { hashPassword } from '../auth/passwords.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.ts';
import { demoClock } from './demo-clock.ts';
import type { Db, Trx } from '../db/database.ts';
import demo from './demo-data.json' with { type: 'json' };
import { seedAvailability } from './seed-availability.ts';
import { seedCommercial } from './seed-commercial.ts';
import { seedCustomerStock } from './seed-customer-stock.ts';
import { seedPenalties } from './seed-penalties.ts';
import { seedEdi } from './seed-edi.ts';
import { seedIntake } from './seed-intake.ts';
import { seedComplaints } from './seed-complaints.ts';
import { seedSatisfaction } from './seed-satisfaction.ts';
import { seedDay } from './seed-day.ts';
import { seedHistory } from './seed-history.ts';

export { DEMO_PASSWORD };

type DemoOrder = (typeof demo.orders)[number];

export type DemoOptions = {
  /**
   * Six months of generated history on top of the data set (server/demo/seed-history.ts), for the figures: on for
   * the demo people start, off by default so that the suites count the data set's rows exactly, and fast.
   */
  history?: boolean;
};

/**
 * Loads Moulins Delaunay, the fictional flour mill of the demo, in one transaction. Every date of the data set
 * is moved by the same number of days so that its "today" (referenceDate) is the real today: the history ends
 * yesterday and the open orders are due this week, whenever the demo is created.
 */
export async function seedDemo(db: Db, now: Date, options: DemoOptions = {}): Promise<{ shiftDays: number }> {
  const today = parisNow(now).date;
  const clock = demoClock(demo.referenceDate, now);
  const { shiftDays, shiftInstant } = clock;
  const shiftDate = (date: string | null) => (date ? clock.shiftDate(date) : null);
  const nowIso = now.toISOString();
  const passwordHashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(DEMO_PASSWORD)));

  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('company')
      .values({ id: 1, ...demo.company })
      .execute();
    const userIds = new Map<string, number>();
    for (const [i, u] of DEMO_ACCOUNTS.entries()) {
      const row = await trx
        .insertInto('users')
        .values({ email: u.email, name: u.name, role: u.role, passwordHash: passwordHashes[i], customerId: null, createdAt: nowIso })
        .returning('id')
        .executeTakeFirstOrThrow();
      userIds.set(u.email, row.id);
    }

    const productIds = new Map<string, number>();
    for (const p of demo.products) {
      const { substitutes: _s, ...product } = p;
      const row = await trx
        .insertInto('products')
        .values({ ...product, searchText: searchText(product.name, product.code), createdAt: nowIso, updatedAt: nowIso })
        .returning('id')
        .executeTakeFirstOrThrow();
      productIds.set(p.code, row.id);
    }
    const subs = demo.products.flatMap((p) =>
      p.substitutes.map((s) => ({ productId: productIds.get(p.code)!, substituteId: productIds.get(s)! })),
    );
    if (subs.length) await trx.insertInto('productSubstitutes').values(subs).execute();

    const priceListIds = new Map<string, number>();
    for (const pl of demo.priceLists) {
      const row = await trx
        .insertInto('priceLists')
        .values({
          code: pl.code,
          name: pl.name,
          validFrom: shiftYearDate(pl.validFrom, shiftDays),
          validTo: shiftYearDate(pl.validTo, shiftDays),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      priceListIds.set(pl.code, row.id);
      const items = Object.entries(pl.prices).map(([code, cents]: [string, number]) => ({
        priceListId: row.id,
        productId: productIds.get(code)!,
        minQuantity: 1,
        unitPriceCents: cents,
      }));
      await trx.insertInto('priceListItems').values(items).execute();
    }

    const warehouseIds = new Map<string, number>();
    for (const w of demo.warehouses) {
      const row = await trx.insertInto('warehouses').values(w).returning('id').executeTakeFirstOrThrow();
      warehouseIds.set(w.code, row.id);
    }
    await trx
      .insertInto('stockLevels')
      .values(
        demo.stock.map((s) => ({
          warehouseId: warehouseIds.get(s.warehouse)!,
          productId: productIds.get(s.product)!,
          onHand: s.onHand,
          reserved: s.reserved,
          updatedAt: nowIso,
        })),
      )
      .execute();

    const customerIds = new Map<string, number>();
    const deliveryPointIds = new Map<string, number>();
    const assistants = DEMO_ACCOUNTS.filter((u) => u.role === 'assistant').map((u) => userIds.get(u.email)!);
    for (const [i, c] of demo.customers.entries()) {
      const { deliveryPoints, contacts, productCodes, priceList, ...customer } = c;
      const row = await trx
        .insertInto('customers')
        .values({
          ...customer,
          searchText: searchText(customer.name, customer.code, customer.city),
          priceListId: priceListIds.get(priceList) ?? null,
          assistantUserId: assistants[i % assistants.length],
          createdAt: nowIso,
          updatedAt: nowIso,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      customerIds.set(c.code, row.id);
      for (const dp of deliveryPoints) {
        const dpRow = await trx
          .insertInto('deliveryPoints')
          .values({
            ...dp,
            searchText: searchText(dp.name, dp.code, dp.city),
            customerId: row.id,
            deliveryWeekdays: (dp.deliveryWeekdays as Weekday[]).join(','),
            appointmentRequired: dp.appointmentRequired ? 1 : 0,
            isDefault: dp.isDefault ? 1 : 0,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        deliveryPointIds.set(dp.code, dpRow.id);
      }
      if (contacts.length)
        await trx
          .insertInto('contacts')
          .values(contacts.map((x) => ({ ...x, customerId: row.id })))
          .execute();
      if (productCodes.length) {
        await trx
          .insertInto('customerProductCodes')
          .values(productCodes.map((x) => ({ customerId: row.id, code: x.code, productId: productIds.get(x.product)!, unitFactor: 1 })))
          .execute();
      }
    }
    // The portal's demo buyers belong to their customer, known once the customers are in.
    for (const u of DEMO_ACCOUNTS)
      if (u.customerCode)
        await trx
          .updateTable('users')
          .set({ customerId: customerIds.get(u.customerCode)! })
          .where('id', '=', userIds.get(u.email)!)
          .execute();

    const warehouseOf = new Map(demo.stock.map((s) => [s.product, warehouseIds.get(s.warehouse)!]));
    const products = new Map(demo.products.map((p) => [p.code, p]));
    const ordered = [...demo.orders].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
    for (const [i, o] of ordered.entries()) {
      await insertHistoricOrder(trx, o, i + 1, {
        customerId: customerIds.get(o.customer)!,
        deliveryPointId: deliveryPointIds.get(o.deliveryPoint)!,
        productIds,
        products,
        warehouseOf,
        userId: assistants[i % assistants.length],
        shiftDate,
        shiftInstant,
      });
    }
    await trx
      .insertInto('counters')
      .values([
        { name: 'order', value: ordered.length },
        { name: 'delivery', value: ordered.length },
        { name: 'delivery-note', value: ordered.length },
      ])
      .execute();
    // The history's deliveries were written as rows, not through the delivery report: their report facts too.
    await recordDeliveryFacts(
      trx,
      (await trx.selectFrom('orders').select('id').execute()).map((r) => r.id),
    );
    await seedCommercial(trx, { shiftDate, shiftYearDate: (d) => shiftYearDate(d, shiftDays), nowIso, today });
    await seedPenalties(trx, { clock, nowIso });
    await seedAvailability(trx, { shiftDate, shiftInstant, nowIso });
    await seedCustomerStock(trx, { shiftDate: clock.shiftDate, nowIso });
  });
  await seedEdi(db, now);
  await seedIntake(db, now);
  await seedComplaints(db, clock);
  await seedSatisfaction(db, clock);
  await seedDay(db, clock);
  // Last, once every scenario's record is in: the data set's stories are found as they were written.
  if (options.history) await seedHistory(db, clock, now);
  return { shiftDays };
}

/**
 * Price lists and the CGV run for calendar years or quarters: shift them by whole years so a period stays a calendar
 * one, by as many years as lie between the data set's today and the real one (counting by days would move a 2026
 * list to 2027 from July on, and leave today without a valid list or terms).
 */
function shiftYearDate(date: string | null, shiftDays: number): string | null {
  if (!date) return null;
  const years = Number(addDays(demo.referenceDate, shiftDays).slice(0, 4)) - Number(demo.referenceDate.slice(0, 4));
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}

type HistoricContext = {
  customerId: number;
  deliveryPointId: number;
  productIds: Map<string, number>;
  products: Map<string, (typeof demo.products)[number]>;
  warehouseOf: Map<string, number>;
  userId: number;
  shiftDate: (d: string | null) => string | null;
  shiftInstant: (i: string) => string;
};

async function insertHistoricOrder(trx: Trx, o: DemoOrder, seq: number, ctx: HistoricContext): Promise<void> {
  const createdAt = ctx.shiftInstant(o.receivedAt);
  const priced = o.lines.map((l) => ({ ...ctx.products.get(l.product)!, quantity: l.quantity, unitPriceCents: l.unitPriceCents }));
  const totals = orderTotals(priced);
  const number = `CDE-${createdAt.slice(0, 4)}${createdAt.slice(5, 7)}-${String(seq).padStart(5, '0')}`;
  const order = await trx
    .insertInto('orders')
    .values({
      number,
      customerId: ctx.customerId,
      deliveryPointId: ctx.deliveryPointId,
      channel: o.channel,
      customerRef: o.customerRef,
      requestedDate: ctx.shiftDate(o.requestedDate),
      promisedDate: ctx.shiftDate(o.promisedDate),
      status: o.status,
      note: o.note ?? null,
      netCents: totals.netCents,
      vatCents: totals.vatCents,
      grossCents: totals.grossCents,
      palletsCenti: Math.round(totals.pallets * 100),
      weightG: totals.weightG,
      backorderOfOrderId: null,
      createdBy: ctx.userId,
      createdAt,
      updatedAt: createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const lineIds: number[] = [];
  for (const [i, l] of o.lines.entries()) {
    const product = ctx.products.get(l.product)!;
    const delivered = l.deliveredQuantity;
    const status =
      delivered === null ? (o.status === 'cancelled' ? 'cancelled' : 'open') : delivered >= l.quantity ? 'delivered' : 'short_cancelled';
    const row = await trx
      .insertInto('orderLines')
      .values({
        orderId: order.id,
        lineNo: i + 1,
        productId: ctx.productIds.get(l.product)!,
        customerCode: l.customerCode,
        quantity: l.quantity,
        unitPriceCents: l.unitPriceCents,
        netCents: l.quantity * l.unitPriceCents,
        vatRateBp: product.vatRateBp,
        deliveredQuantity: delivered,
        status,
        backorderOfLineId: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    lineIds.push(row.id);
  }
  await trx
    .insertInto('auditEvents')
    .values({
      entityType: 'order',
      entityId: order.id,
      orderId: order.id,
      action: 'create',
      userId: ctx.userId,
      at: createdAt,
      beforeJson: null,
      afterJson: JSON.stringify({ number, status: 'draft' }),
      note: 'historique de démonstration',
    })
    .execute();
  if (o.status !== 'closed') return;
  const first = o.deliveries[0];
  const deliveredAt = ctx.shiftDate(first?.deliveredDate ?? o.promisedDate);
  const delivery = await trx
    .insertInto('deliveries')
    .values({
      number: `LIV-${String(seq).padStart(6, '0')}`,
      orderId: order.id,
      warehouseId: ctx.warehouseOf.get(o.lines[0].product)!,
      plannedDate: ctx.shiftDate(first?.plannedDate ?? o.promisedDate),
      status: 'delivered',
      deliveryNoteNumber:
        first?.number.replace(/^BL-\d{6}/, `BL-${(deliveredAt ?? createdAt).slice(0, 4)}${(deliveredAt ?? createdAt).slice(5, 7)}`) ?? null,
      palletsCenti: Math.round(totals.pallets * 100),
      weightG: totals.weightG,
      shippedAt: deliveredAt ? `${deliveredAt}T05:00:00.000Z` : null,
      deliveredAt: deliveredAt ? `${deliveredAt}T09:00:00.000Z` : null,
      documentId: null,
      createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('deliveryLines')
    .values(
      o.lines.map((l, i) => ({
        deliveryId: delivery.id,
        orderLineId: lineIds[i],
        productId: ctx.productIds.get(l.product)!,
        quantity: l.quantity,
        deliveredQuantity: l.deliveredQuantity,
      })),
    )
    .execute();
}
