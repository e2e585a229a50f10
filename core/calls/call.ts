import { type IsoDate, type Weekday, weekdayOf } from '../calendar/dates.ts';
import { type ClockTime, clockTime, minutesOfDay } from '../day/clock-time.ts';

export const CALL_DIRECTIONS = ['in', 'out'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

/** Why we call (or why he called). */
export const CALL_PURPOSES = ['ordering', 'call-back', 'risk', 'complaint', 'satisfaction', 'penalty', 'stock', 'information'] as const;
export type CallPurpose = (typeof CALL_PURPOSES)[number];

/** What came of it. */
export const CALL_OUTCOMES = ['order-taken', 'no-answer', 'call-back', 'message-left', 'nothing-to-order', 'handled'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** The outcomes that leave the customer's call of the day still to make. */
const NOT_REACHED: readonly CallOutcome[] = ['no-answer'];
/** An unanswered call is tried again this many minutes later, at most this many times a day. */
export const RETRY_AFTER_MINUTES = 60;
export const MAX_ATTEMPTS = 3;

/** A customer's call rhythm: the days and time window we call him, and what for (Martin: MON/THU 10:00, ordering). */
export type CallRhythm = { weekdays: Weekday[]; from: ClockTime; to: ClockTime; purpose: CallPurpose; contactId: number | null };

/** A call of the log as the day's rules read it: whose, when (Paris), what came of it. */
export type LoggedCall = {
  id: number;
  customerId: number;
  date: IsoDate;
  time: ClockTime;
  endTime: ClockTime;
  outcome: CallOutcome;
  /** For `call-back`: when he asked to be called back (Paris date and time). */
  callBackDate: IsoDate | null;
  callBackTime: ClockTime | null;
};

export type DueCall =
  | { kind: 'ordering-call'; customerId: number; at: ClockTime; attempt: number; rhythm: CallRhythm }
  | { kind: 'call-back'; customerId: number; at: ClockTime; callId: number; promisedOn: IsoDate };

/**
 * The calls due on a date: each customer whose rhythm falls on it, at the start of his window, unless today's call
 * already reached him (an unanswered one is tried again an hour after, up to three attempts); and each call-back
 * promised for that date that no later call has made.
 */
export function callsDue(
  rhythms: readonly { customerId: number; rhythm: CallRhythm }[],
  calls: readonly LoggedCall[],
  date: IsoDate,
): DueCall[] {
  const weekday = weekdayOf(date);
  const due: DueCall[] = [];
  for (const { customerId, rhythm } of rhythms) {
    if (!rhythm.weekdays.includes(weekday)) continue;
    const today = calls
      .filter((c) => c.customerId === customerId && c.date === date)
      .sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : a.id - b.id));
    if (today.some((c) => !NOT_REACHED.includes(c.outcome))) continue;
    if (today.length >= MAX_ATTEMPTS) continue;
    const last = today.at(-1);
    const at = last ? clockTime(Math.max(minutesOfDay(last.endTime) + RETRY_AFTER_MINUTES, minutesOfDay(rhythm.from))) : rhythm.from;
    due.push({ kind: 'ordering-call', customerId, at, attempt: today.length + 1, rhythm });
  }
  for (const c of calls) {
    if (c.outcome !== 'call-back' || c.callBackDate !== date || !c.callBackTime) continue;
    const later = calls.some(
      (o) => o.customerId === c.customerId && o.id !== c.id && (o.date > c.date || (o.date === c.date && o.time >= c.time)) && o.id > c.id,
    );
    if (!later) due.push({ kind: 'call-back', customerId: c.customerId, at: c.callBackTime, callId: c.id, promisedOn: c.date });
  }
  return due.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.customerId - b.customerId));
}

/** Whole seconds between two instants, never negative. */
export function callSeconds(startedAt: string, endedAt: string): number {
  return Math.max(0, Math.round((Date.parse(endedAt) - Date.parse(startedAt)) / 1000));
}
