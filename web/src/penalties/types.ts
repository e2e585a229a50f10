import type { NoticeCheckId, NoticeKind, NoticeStatus } from '../../../core/penalties/notice.ts';
import type { PenaltyClause, PenaltyEstimate, PenaltyFrame } from '../../../core/penalties/penalty.ts';

/** What the penalty routes answer (server/penalties/penalties.schemas.ts). */
export type CustomerPenaltyClause = {
  customerId: number;
  typology: string;
  l441Applicable: boolean;
  frame: PenaltyFrame;
  clause: (PenaltyClause & { note: string | null; updatedAt: string }) | null;
};

export type DeliveryPenalty = PenaltyEstimate & { deliveryId: number; deliveryNumber: string; orderId: number; orderNumber: string; promisedDate: string | null; deliveredDate: string | null; hasClause: boolean };

export type OrderExposure = { orderId: number; promisedDate: string | null; daysLate: number; hasClause: boolean; late: PenaltyEstimate; short: PenaltyEstimate | null };

export type NoticeFinding = { id: NoticeCheckId; severity: 'contest' | 'warning' | 'info'; acceptableCents: number; ground: string; fr: string; en: string };

export type PenaltyNotice = {
  id: number;
  reference: string;
  customerId: number;
  customerCode: string;
  customerName: string;
  orderId: number | null;
  orderNumber: string | null;
  deliveryId: number | null;
  deliveryNumber: string | null;
  externalOrderRef: string | null;
  receivedDate: string;
  failureDate: string;
  kind: NoticeKind;
  category: string | null;
  claimedCents: number;
  categoryOrderedValueCents: number | null;
  proofOfFailure: boolean;
  proofOfHarm: boolean;
  stockoutDocumented: boolean;
  deductedFromInvoice: boolean;
  contractBasis: string | null;
  status: NoticeStatus;
  contestDeadline: string;
  reminderDate: string | null;
  contestReason: string | null;
  contestedAt: string | null;
  letterDocumentId: number | null;
  acceptedCents: number | null;
  settledAt: string | null;
  settlementNote: string | null;
  createdAt: string;
  l441Applicable: boolean;
  due: 'overdue' | 'soon' | 'later' | 'none';
  assessment: { findings: NoticeFinding[]; capCents: number | null; recommendedAcceptedCents: number; contestable: boolean };
};

/** Euros typed in a form → integer cents; empty → null. */
export const toCents = (euros: number | string | null | undefined): number | null => (euros === '' || euros === null || euros === undefined ? null : Math.round(Number(euros) * 100));
