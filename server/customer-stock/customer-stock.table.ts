import type { Generated } from 'kysely';

export type CustomerStockReportsTable = {
  id: Generated<number>;
  customerId: number;
  deliveryPointId: number;
  reportDate: string;
  source: string;
  documentId: number | null;
  createdBy: number | null;
  createdAt: string;
};

export type CustomerStockLinesTable = {
  id: Generated<number>;
  reportId: number;
  productId: number;
  onHand: number;
  averageDailySalesCenti: number | null;
  promoUpliftBp: number | null;
};

export type CustomerVmiSettingsTable = {
  customerId: number;
  enabled: number;
  targetCoverDays: number;
  updatedBy: number | null;
  updatedAt: string;
};
