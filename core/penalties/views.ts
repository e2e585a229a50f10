import type { IsoDate } from '../calendar/dates.ts';
import type { DueState, NoticeAssessment, NoticeFacts, NoticeStatus } from './notice.ts';
import type { PenaltyClause, PenaltyEstimate, PenaltyFrame } from './penalty.ts';

/** What the penalty routes answer, shared by the server that builds them and the screens that show them. */

export type CustomerPenaltyClause = {
  customerId: number;
  typology: string;
  clause: (PenaltyClause & { note: string | null; updatedAt: string }) | null;
  l441Applicable: boolean;
  frame: PenaltyFrame;
};

export type DeliveryPenalty = PenaltyEstimate & {
  deliveryId: number;
  deliveryNumber: string;
  orderId: number;
  orderNumber: string;
  promisedDate: IsoDate | null;
  deliveredDate: IsoDate | null;
  hasClause: boolean;
};

export type OrderExposure = {
  orderId: number;
  promisedDate: IsoDate | null;
  daysLate: number;
  hasClause: boolean;
  /** Complete, but `daysLate` days after the promised date. */
  late: PenaltyEstimate;
  /** On time, but with the given lines short; null when no shortfall was asked about. */
  short: PenaltyEstimate | null;
};

/** A notice: the facts the checks read, where it stands, and the checks' verdict. */
export type PenaltyNotice = NoticeFacts & {
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
  contractBasis: string | null;
  status: NoticeStatus;
  contestDeadline: IsoDate;
  reminderDate: IsoDate | null;
  contestReason: string | null;
  contestedAt: string | null;
  /** The contest letter's public id (GET /api/documents/{id}). */
  letterDocumentId: string | null;
  acceptedCents: number | null;
  settledAt: string | null;
  settlementNote: string | null;
  createdAt: string;
  l441Applicable: boolean;
  assessment: NoticeAssessment;
  due: DueState;
};
