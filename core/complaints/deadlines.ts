import type { IsoDate } from '../calendar/dates.ts';
import { addWorkingDays, addWorkingHours, type ParisDateTime } from '../calendar/working-time.ts';
import type { ClaimTerms } from '../terms/claim-terms.ts';
import { type ComplaintReason, type ComplaintStatus, isVisibleAtDelivery } from './complaint.ts';

export type ClaimKind = 'visible-damage' | 'other-defect';

/** Whether a claim came within the terms, and by which clause: null dates when no delivery is named. */
export type ClaimDeadline = {
  kind: ClaimKind;
  days: number;
  /** The last day the claim may come; null: no delivery named, nothing to count from. */
  date: IsoDate | null;
  /** null when there is no date to judge by. */
  withinTerms: boolean | null;
};

/**
 * The claim deadline of the terms for a reason: counted in working days from the delivery day (the last allowed day
 * is in time, the next one is not). Visible damage also needs reserves on the delivery note: a claim whose reserves
 * were not made is out of the terms whatever the date (`reservesMade` null: not said, judged by the date alone).
 */
export function claimDeadline(
  input: { reason: ComplaintReason; deliveredOn: IsoDate | null; receivedOn: IsoDate; reservesMade: boolean | null },
  terms: ClaimTerms,
): ClaimDeadline {
  const visible = isVisibleAtDelivery(input.reason);
  const days = visible ? terms.visibleDamageDays : terms.otherDefectDays;
  const kind: ClaimKind = visible ? 'visible-damage' : 'other-defect';
  if (input.deliveredOn === null) return { kind, days, date: null, withinTerms: null };
  const date = addWorkingDays(input.deliveredOn, days);
  const inTime = input.receivedOn <= date;
  return { kind, days, date, withinTerms: inTime && !(visible && input.reservesMade === false) };
}

/** The service times that start when the complaint comes in: first answer by a moment, resolution by a day. */
export function serviceClock(
  received: { date: IsoDate; time: string },
  terms: ClaimTerms,
): { answerBy: ParisDateTime; resolveBy: IsoDate } {
  return {
    answerBy: addWorkingHours(received, terms.answerWithinHours),
    resolveBy: addWorkingDays(received.date, terms.resolveWithinDays),
  };
}

/** Past its answer time (still waiting for a first answer) or its resolution time (not yet settled), at `now`. */
export function overdue(
  complaint: { status: ComplaintStatus; answerBy: ParisDateTime; resolveBy: IsoDate },
  now: { date: IsoDate; time: string },
): { answer: boolean; resolve: boolean } {
  const unsettled = complaint.status === 'open' || complaint.status === 'answered';
  return {
    answer: complaint.status === 'open' && `${now.date}T${now.time}` > complaint.answerBy,
    resolve: unsettled && now.date > complaint.resolveBy,
  };
}
