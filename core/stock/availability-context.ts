import type { AvailabilityInput, PlannedReceipt, Reservation, StockLot, WarehouseStock } from './availability.types.ts';

/**
 * What the server sends the order screen for the availability rule: plain JSON (no Map), one entry per product of
 * the order and per substitute of those, with the customer's minimum remaining shelf life.
 */
export type AvailabilityPayload = {
  minRemainingShelfLifePct: number | null;
  products: {
    productId: number;
    shelfLifeDays: number | null;
    substituteIds: number[];
    stockByWarehouse: WarehouseStock[];
    lots: StockLot[];
    receipts: PlannedReceipt[];
    reservations: Reservation[];
  }[];
};

/** The rules' view: availability input per product, and each product's substitutes. */
export type AvailabilityContext = {
  byProduct: ReadonlyMap<number, AvailabilityInput>;
  substitutes: ReadonlyMap<number, readonly number[]>;
};

export function availabilityContext(payload: AvailabilityPayload): AvailabilityContext {
  const byProduct = new Map<number, AvailabilityInput>();
  const substitutes = new Map<number, readonly number[]>();
  for (const p of payload.products) {
    const { productId, substituteIds, ...input } = p;
    byProduct.set(productId, { ...input, minRemainingShelfLifePct: payload.minRemainingShelfLifePct });
    substitutes.set(productId, substituteIds);
  }
  return { byProduct, substitutes };
}
