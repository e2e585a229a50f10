import type { Generated } from 'kysely';

export type StockLotsTable = {
  id: Generated<number>;
  warehouseId: number;
  productId: number;
  lot: string;
  productionDate: string | null;
  bestBefore: string;
  quantity: number;
  updatedAt: string;
};

export type PlannedReceiptsTable = {
  id: Generated<number>;
  warehouseId: number;
  productId: number;
  date: string;
  originalDate: string;
  quantity: number;
  kind: string;
  ref: string | null;
  status: string;
  note: string | null;
  createdAt: string;
  updatedAt: string;
};

/** 0/1 flags after the EDIFACT 4493 codes (SC, BK, SP, IS; CD as a number of days). */
export type CustomerSupplySettingsTable = {
  customerId: number;
  minRemainingShelfLifePct: number | null;
  shipComplete: number;
  acceptsBackorders: number;
  acceptsPartial: number;
  acceptsSubstitutes: number;
  cancelIfLateDays: number | null;
  updatedBy: number | null;
  updatedAt: string;
};
