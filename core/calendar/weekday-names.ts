import type { Weekday } from './dates.ts';

const NAMES: Record<Weekday, { fr: string; en: string }> = {
  MON: { fr: 'lundi', en: 'Monday' },
  TUE: { fr: 'mardi', en: 'Tuesday' },
  WED: { fr: 'mercredi', en: 'Wednesday' },
  THU: { fr: 'jeudi', en: 'Thursday' },
  FRI: { fr: 'vendredi', en: 'Friday' },
  SAT: { fr: 'samedi', en: 'Saturday' },
  SUN: { fr: 'dimanche', en: 'Sunday' },
};

/** A weekday as a reader names it: the codes (MON, THU) are the data's, never the screen's or the letter's. */
export function weekdayName(day: Weekday, language: 'fr' | 'en'): string {
  return NAMES[day][language];
}

/** Days in a sentence: "lundi, jeudi" / "Monday, Thursday"; `none` when there are none. */
export function weekdayList(days: readonly Weekday[], language: 'fr' | 'en', none: string): string {
  return days.map((d) => weekdayName(d, language)).join(', ') || none;
}
