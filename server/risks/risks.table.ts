import type { Generated } from 'kysely';
import type { RiskCause, RiskStatus } from '../../core/risks/risk.types.ts';

export type RisksTable = {
  id: Generated<number>;
  riskKey: string;
  orderId: number;
  orderLineId: number | null;
  customerId: number;
  productId: number | null;
  cause: RiskCause;
  promisedDate: string;
  shortfall: number;
  valueCents: number;
  exposureCents: number;
  priorityScore: number;
  priorityReasonFr: string;
  priorityReasonEn: string;
  receiptRef: string | null;
  status: RiskStatus;
  detectedAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  resolvedBy: number | null;
  resolutionOption: string | null;
  resolutionNote: string | null;
};
