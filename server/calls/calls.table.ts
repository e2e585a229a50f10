import type { Generated } from 'kysely';

export type CallRhythmsTable = {
  customerId: number;
  /** MON,THU */
  weekdays: string;
  timeFrom: string;
  timeTo: string;
  purpose: string;
  contactId: number | null;
  updatedBy: number | null;
  updatedAt: string;
};

export type CallsTable = {
  id: Generated<number>;
  customerId: number;
  contactId: number | null;
  userId: number;
  direction: string;
  purpose: string;
  startedAt: string;
  endedAt: string;
  durationSeconds: number;
  /** Paris date and HH:MM of the start. */
  localDate: string;
  localTime: string;
  outcome: string;
  note: string | null;
  callBackAt: string | null;
  orderId: number | null;
  complaintId: number | null;
  riskId: number | null;
  satisfactionInterviewId: number | null;
  createdAt: string;
};
