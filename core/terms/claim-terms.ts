import type { Typology } from '../customers/customer-enums.ts';

/**
 * What the terms of sale say about complaints, per customer typology: how long after the delivery a claim may come
 * (visible damage: reserves on the delivery note confirmed within `visibleDamageDays` working days; any other
 * defect: `otherDefectDays` working days), and how fast the desk answers (`answerWithinHours` working hours) and
 * settles it (`resolveWithinDays` working days). `article` is where the terms write it ("art. 9").
 */
export type ClaimTerms = {
  visibleDamageDays: number;
  otherDefectDays: number;
  answerWithinHours: number;
  resolveWithinDays: number;
  article: string | null;
};

/** Used when a version of the terms says nothing for a typology: the CGV's usual figures (48 h, 5 days). */
export const DEFAULT_CLAIM_TERMS: Readonly<Record<Typology, ClaimTerms>> = {
  GMS_CENTRALE: { visibleDamageDays: 2, otherDefectDays: 5, answerWithinHours: 4, resolveWithinDays: 10, article: null },
  GROSSISTE: { visibleDamageDays: 2, otherDefectDays: 5, answerWithinHours: 8, resolveWithinDays: 10, article: null },
  ARTISAN: { visibleDamageDays: 3, otherDefectDays: 5, answerWithinHours: 4, resolveWithinDays: 5, article: null },
  INDUSTRIE: { visibleDamageDays: 2, otherDefectDays: 5, answerWithinHours: 8, resolveWithinDays: 10, article: null },
  RHD: { visibleDamageDays: 2, otherDefectDays: 5, answerWithinHours: 4, resolveWithinDays: 5, article: null },
};
