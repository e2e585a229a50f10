import type { Generated } from 'kysely';

/** One customer's logistics-penalty clause; absent: the customer has none. Booleans are 0/1. */
export type PenaltyClausesTable = {
  customerId: number;
  contractRef: string | null;
  latePerDayCents: number | null;
  lateFlatCents: number | null;
  missingValueBp: number | null;
  incidentFlatCents: number | null;
  serviceRateTargetBp: number | null;
  serviceRateToleranceBp: number;
  contestPeriodDays: number | null;
  backordersAccepted: number;
  l441Applicable: number;
  note: string | null;
  updatedBy: number | null;
  updatedAt: string;
};

export type ForceMajeurePeriodsTable = {
  id: Generated<number>;
  label: string;
  dateFrom: string;
  dateTo: string;
  /** Comma-separated penalty categories; null: all of them. */
  categories: string | null;
  description: string | null;
  createdAt: string;
};

export type PenaltyNoticesTable = {
  id: Generated<number>;
  reference: string;
  customerId: number;
  orderId: number | null;
  deliveryId: number | null;
  externalOrderRef: string | null;
  receivedDate: string;
  failureDate: string;
  kind: string;
  category: string | null;
  claimedCents: number;
  categoryOrderedValueCents: number | null;
  proofOfFailure: number;
  proofOfHarm: number;
  stockoutDocumented: number;
  deductedFromInvoice: number;
  contractBasis: string | null;
  status: string;
  contestDeadline: string;
  reminderDate: string | null;
  contestReason: string | null;
  contestedAt: string | null;
  letterDocumentId: number | null;
  acceptedCents: number | null;
  settledAt: string | null;
  settlementNote: string | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
};
