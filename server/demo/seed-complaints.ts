import { recordComplaint } from '../complaints/record-complaint.ts';
import type { ComplaintInput } from '../../core/complaints/complaints.schemas.ts';
import type { Db } from '../db/database.ts';
import { replaceClaimTerms } from '../terms/claim-terms.repository.ts';
import type { DemoClock } from './demo-clock.ts';
import data from './demo-complaints.json' with { type: 'json' };

/**
 * The claim clauses of the CGV 2026 (art. 7), and the complaints already on the desk, each recorded through
 * `recordComplaint` at the moment it came in (moved with the demo's clock) against the customer's last delivery of the product:
 * so its deadline, clock and task are what the desk would have had. Pause Croustille's short delivery came in days
 * ago and is still unanswered: it shows late. Pâtisserie Rousseau found string in a sack of a T45 lot that reached
 * three customers: the quality queue, and a recall to trace. Au Pain Doré's last delivery is left for scenario 9.
 */
export async function seedComplaints(db: Db, clock: DemoClock): Promise<void> {
  const terms = await db.selectFrom('termsOfSale').select('id').where('code', '=', 'CGV-2026').executeTakeFirstOrThrow();
  await replaceClaimTerms(
    db,
    terms.id,
    data.claimTerms.typologies.map((t) => ({ termsId: terms.id, ...t, article: data.claimTerms.article })),
  );
  await seedLotShipments(db, clock);
  for (const c of data.complaints) {
    const customer = await db.selectFrom('customers').select('id').where('code', '=', c.customer).executeTakeFirstOrThrow();
    const user = await db.selectFrom('users').select('id').where('email', '=', c.user).executeTakeFirstOrThrow();
    const delivery = await db
      .selectFrom('deliveries')
      .innerJoin('orders', 'orders.id', 'deliveries.orderId')
      .innerJoin('deliveryLines', 'deliveryLines.deliveryId', 'deliveries.id')
      .innerJoin('products', 'products.id', 'deliveryLines.productId')
      .select(['deliveries.id', 'deliveries.orderId', 'deliveryLines.orderLineId'])
      .where('orders.customerId', '=', customer.id)
      .where('deliveries.status', '=', 'delivered')
      .where('products.code', '=', c.product)
      .orderBy('deliveries.deliveredAt', 'desc')
      .executeTakeFirstOrThrow();
    const input: ComplaintInput = {
      customerId: customer.id,
      orderId: delivery.orderId,
      deliveryId: delivery.id,
      lines: [{ orderLineId: delivery.orderLineId, quantity: c.quantity }],
      reason: c.reason as ComplaintInput['reason'],
      description: c.description,
      channel: c.channel as ComplaintInput['channel'],
      mood: c.mood as ComplaintInput['mood'],
      reservesMade: c.reservesMade ?? null,
    };
    await recordComplaint(db, user.id, input, new Date(clock.shiftInstant(c.receivedAt)));
  }
}

/**
 * The history's deliveries were loaded without their lots: one flour lot is written back on three customers' last
 * delivery of its product, so a quality complaint on it has a recall to trace.
 */
async function seedLotShipments(db: Db, clock: DemoClock): Promise<void> {
  const s = data.lotShipments;
  for (const code of s.customers) {
    const line = await db
      .selectFrom('deliveryLines')
      .innerJoin('deliveries', 'deliveries.id', 'deliveryLines.deliveryId')
      .innerJoin('orders', 'orders.id', 'deliveries.orderId')
      .innerJoin('customers', 'customers.id', 'orders.customerId')
      .innerJoin('products', 'products.id', 'deliveryLines.productId')
      .select(['deliveryLines.id', 'deliveryLines.quantity', 'deliveryLines.deliveredQuantity'])
      .where('customers.code', '=', code)
      .where('products.code', '=', s.product)
      .where('deliveries.status', '=', 'delivered')
      .orderBy('deliveries.deliveredAt', 'desc')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('deliveryLineLots')
      .values({
        deliveryLineId: line.id,
        lot: s.lot,
        productionDate: clock.shiftDate(s.productionDate),
        bestBefore: clock.shiftDate(s.bestBefore),
        quantity: line.deliveredQuantity ?? line.quantity,
        belowMinShelfLife: 0,
      })
      .execute();
  }
}
