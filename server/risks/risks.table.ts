import type { Generated } from 'kysely';

export type RisksTable = {
  id: Generated<number>;
  riskKey: string;
  orderId: number;
  orderLineId: number | null;
  customerId: number;
  productId: number | null;
  cause: string;
  promisedDate: string;
  shortfall: number;
  valueCents: number;
  exposureCents: number;
  priorityScore: number;
  priorityReasonFr: string;
  priorityReasonEn: string;
  receiptRef: string | null;
  status: string;
  detectedAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  resolvedBy: number | null;
  resolutionOption: string | null;
  resolutionNote: string | null;
};
