import type { Generated } from 'kysely';

/**
 * What the desk decided about one discrepancy of an order's documents (core/controls): a complaint, accepted, or a
 * correcting document issued (its file and number).
 */
export type ControlDecisionsTable = {
  id: Generated<number>;
  orderId: number;
  discrepancyKey: string;
  action: string;
  complaintId: number | null;
  documentId: number | null;
  documentNumber: string | null;
  note: string | null;
  decidedBy: number | null;
  decidedAt: string;
};
