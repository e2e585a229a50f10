import type { IsoDate } from '../../core/calendar/dates.ts';
import { FefoPool } from '../../core/stock/fefo-pool.ts';
import { type PickedLot, pickLots } from '../../core/stock/lot-picking.ts';
import type { DbOrTrx, Trx } from '../db/database.ts';
import { findSupplySettings, listLots, listShelfLives, takeFromLots } from '../stock/availability.repository.ts';
import { insertDeliveryLineLots } from './deliveries.repository.ts';

export type LotPicker = { pick(line: { id: number; productId: number; quantity: number }, onHand: number): PickedLot[] };

/**
 * The lots of one delivery's warehouse and what the customer accepts, read once: `pick` then says which lots leave
 * on each line (FEFO, the customer's minimum shelf life on the delivery day, core/stock `pickLots`), one pool per
 * product shared by the delivery's lines. `onHand` is the warehouse's count before this shipment.
 */
export async function lotPicker(
  db: DbOrTrx,
  input: { warehouseId: number; customerId: number; productIds: readonly number[]; deliveryDate: IsoDate },
): Promise<LotPicker> {
  const [lots, shelfLives, settings] = await Promise.all([
    listLots(db, { productIds: input.productIds, warehouseId: input.warehouseId }),
    listShelfLives(db, input.productIds),
    findSupplySettings(db, input.customerId),
  ]);
  const pools = new Map<number, FefoPool>();
  const shelf = new Map(shelfLives.map((p) => [p.id, p.shelfLifeDays]));
  return {
    pick(line, onHand) {
      let pool = pools.get(line.productId);
      if (!pool)
        pools.set(
          line.productId,
          (pool = new FefoPool(
            onHand,
            lots.filter((l) => l.productId === line.productId),
          )),
        );
      return pickLots(pool, {
        quantity: line.quantity,
        deliveryDate: input.deliveryDate,
        minRemainingShelfLifePct: settings?.minRemainingShelfLifePct ?? null,
        shelfLifeDays: shelf.get(line.productId) ?? null,
      });
    },
  };
}

/** Records the lots a delivery line took and takes them off the warehouse's lot file (a lot emptied is removed). */
export async function recordShippedLots(
  trx: Trx,
  at: { warehouseId: number; productId: number; deliveryLineId: number },
  picked: readonly PickedLot[],
  shippedAt: string,
): Promise<void> {
  if (picked.length === 0) return;
  await insertDeliveryLineLots(trx, at.deliveryLineId, picked);
  await takeFromLots(
    trx,
    at,
    picked.flatMap((p) => (p.lot === null ? [] : [{ lot: p.lot, quantity: p.quantity }])),
    shippedAt,
  );
}
