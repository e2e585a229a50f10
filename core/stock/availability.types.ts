import type { IsoDate } from '../calendar/dates.ts';

/** What a warehouse holds of one product: on hand, and what released orders already hold (reserved). */
export type WarehouseStock = { warehouseId: number; onHand: number; reserved: number };

/** A production lot on the shelf; `bestBefore` is its DDM. Sum of lots may differ from on hand (see availability). */
export type StockLot = { warehouseId: number; lot: string; productionDate: IsoDate | null; bestBefore: IsoDate; quantity: number };

/** A planned production receipt (only planned ones count; a cancelled one is no supply). */
export type PlannedReceipt = { warehouseId: number; date: IsoDate; quantity: number; ref?: string | null };

/**
 * Another order's open line, not yet released (a released line is already in `reserved`). Its warehouse is chosen at
 * release; until then it weighs on the product's main warehouse. Reservations are served in the order given on a
 * same date (promise order).
 */
export type Reservation = { warehouseId?: number | null; date: IsoDate; quantity: number; ref?: string | number };

/** Everything availability reads for one product; loaded once by the caller. */
export type AvailabilityInput = {
  stockByWarehouse: readonly WarehouseStock[];
  lots: readonly StockLot[];
  receipts: readonly PlannedReceipt[];
  reservations: readonly Reservation[];
  /** The customer's minimum remaining shelf life at delivery, in % of the lot's total life; null or 0: none. */
  minRemainingShelfLifePct?: number | null;
  /** The product's shelf life, for lots without a production date and for receipts (fresh lots). Null: no DDM. */
  shelfLifeDays: number | null;
};

export type WarehouseAvailability = {
  warehouseId: number;
  onHand: number;
  reserved: number;
  /** On-hand quantity of lots this customer would refuse at the date (too little life left, or past the DDM). */
  tooOld: number;
  /** Planned receipts due on or before the date. */
  receipts: number;
  /** Other orders' open lines due on or before the date. */
  reservations: number;
  promisable: number;
};

export type Availability = {
  date: IsoDate;
  promisable: number;
  byWarehouse: WarehouseAvailability[];
  /** The first date, on or after `date`, on which `quantity` can be promised complete; null if no receipt gets there. */
  earliestCompleteDate: (quantity: number) => IsoDate | null;
};
