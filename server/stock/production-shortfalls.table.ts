import type { Generated } from 'kysely';

/** A product's output for one warehouse cut by `reducedPct` % from `fromDate` to `toDate` (ISO dates, Paris). */
export type ProductionShortfallsTable = {
  id: Generated<number>;
  productId: number;
  warehouseId: number;
  fromDate: string;
  toDate: string;
  reducedPct: number;
  cause: string;
  createdBy: number | null;
  createdAt: string;
  /** The day output came back; null while the shortfall lasts. */
  endedOn: string | null;
  endedBy: number | null;
  endedAt: string | null;
};
