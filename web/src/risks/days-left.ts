import type { TFunction } from 'i18next';

/** "aujourd'hui", "demain", "dans 3 j", "en retard de 2 j". */
export function daysLeftLabel(t: TFunction, days: number): string {
  if (days < 0) return t('risks.overdue', { count: -days });
  if (days === 0) return t('risks.today');
  if (days === 1) return t('risks.tomorrow');
  return t('risks.inDays', { count: days });
}
