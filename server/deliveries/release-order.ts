import type { TimelineNote } from '../../core/shared/error-codes.ts';
import type { Db, Trx } from '../db/database.ts';
import { type Actor, recordTransition, startTransition } from '../orders/transition.ts';
import { warehouseCodes } from './deliveries.repository.ts';
import { syncPlannedDeliveries } from './delivery-plan.ts';
import { productCodes } from '../catalog/products.repository.ts';

/**
 * Releasing hands the order to the warehouses: each product leaves from a warehouse that holds it (frozen goods
 * from the cold store, flour from the mill) or from the one a risk decision bound the line to, so the order becomes
 * one delivery per warehouse (and per date, where a part was split off to leave later), and the goods are reserved
 * there (reserved += quantity) so nobody promises them twice. Where a warehouse has less available than the order
 * needs, the order is still released (the assistant decided) and the reservation shows the shortage; the timeline
 * says what was short. All of it, or none.
 */
export async function releaseOrder(db: Db, orderId: number, actor: Actor, now: Date): Promise<void> {
  await db.transaction().execute((trx) => releaseInTransaction(trx, orderId, actor, now));
}

/** `releaseOrder` inside the caller's transaction (the demo releases an order while it loads). */
export async function releaseInTransaction(trx: Trx, orderId: number, actor: Actor, now: Date): Promise<void> {
  const t = await startTransition(trx, orderId, 'release', now);
  const { deliveries } = await syncPlannedDeliveries(trx, t.order, t.at);
  const codes = await warehouseCodes(trx, [...new Set(deliveries.map((d) => d.warehouseId))]);
  const codeOf = await productCodes(
    trx,
    deliveries.flatMap((d) => d.reserved.map((r) => r.productId)),
  );
  const short = deliveries.flatMap((d) =>
    d.reserved
      .filter((r) => r.short > 0)
      .map((r): TimelineNote => ({
        code: 'released-short',
        params: { product: codeOf.get(r.productId) ?? null, short: r.short, warehouse: codes.get(d.warehouseId) ?? null },
      })),
  );
  await recordTransition(trx, t, actor, {
    after: {
      deliveries: deliveries.map(({ deliveryId, deliveryNumber, warehouseId, reserved }) => ({
        deliveryId,
        deliveryNumber,
        warehouseId,
        reserved,
      })),
    },
    notes: short,
  });
}
