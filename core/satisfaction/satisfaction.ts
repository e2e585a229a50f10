import { addDays, type IsoDate } from '../calendar/dates.ts';
import type { Typology } from '../customers/customer-enums.ts';

/** The questions of a satisfaction interview, each scored 0 to 10; `overall` is the one the trade tracks. */
export const SATISFACTION_QUESTIONS = ['punctuality', 'quality', 'desk', 'ordering', 'overall'] as const;
export type SatisfactionQuestion = (typeof SATISFACTION_QUESTIONS)[number];

/** Per typology: how often the customer is asked, what, and from which score the manager follows up. */
export type SatisfactionGuide = {
  typology: Typology;
  rhythmMonths: number;
  questions: SatisfactionQuestion[];
  /** A score at or below this (any question) opens a follow-up for the manager. */
  lowScore: number;
};

/**
 * The trade's usual rhythm: the retail chains' buyers each quarter, wholesalers and industrial buyers each half
 * year, artisans and food service each year. Used where the manager has not set a typology's guide.
 */
export const DEFAULT_GUIDES: Record<Typology, SatisfactionGuide> = {
  GMS_CENTRALE: { typology: 'GMS_CENTRALE', rhythmMonths: 3, questions: [...SATISFACTION_QUESTIONS], lowScore: 6 },
  GROSSISTE: { typology: 'GROSSISTE', rhythmMonths: 6, questions: [...SATISFACTION_QUESTIONS], lowScore: 6 },
  INDUSTRIE: { typology: 'INDUSTRIE', rhythmMonths: 6, questions: [...SATISFACTION_QUESTIONS], lowScore: 6 },
  ARTISAN: { typology: 'ARTISAN', rhythmMonths: 12, questions: [...SATISFACTION_QUESTIONS], lowScore: 6 },
  RHD: { typology: 'RHD', rhythmMonths: 12, questions: [...SATISFACTION_QUESTIONS], lowScore: 6 },
};

/** The same day `months` later, or the month's last day when it has none (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const lastDay = Number(
    addDays(`${String(year).padStart(4, '0')}-${String(month + 2 > 12 ? 1 : month + 2).padStart(2, '0')}-01`, -1).slice(8, 10),
  );
  const day = Math.min(Number(date.slice(8, 10)), month === 11 ? 31 : lastDay);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * When the customer's next interview is due: its rhythm after the last one, or after he became a customer when he
 * was never asked (a new account is not interviewed the day it opens).
 */
export function interviewDueOn(guide: Pick<SatisfactionGuide, 'rhythmMonths'>, last: IsoDate | null, customerSince: IsoDate): IsoDate {
  return addMonths(last ?? customerSince, guide.rhythmMonths);
}

/** The answers at or below the guide's low score: what the manager's follow-up is about. */
export function lowAnswers<T extends { question: string; score: number }>(answers: readonly T[], lowScore: number): T[] {
  return answers.filter((a) => a.score <= lowScore);
}
