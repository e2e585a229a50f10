/** Formatting for the screen, in the user's language: euros, dates, numbers, weights. */
import { formatFrenchDate } from '../../../core/calendar/dates.ts';
import { formatEuros } from '../../../core/shared/money.ts';

export type Formatter = ReturnType<typeof formatterFor>;

/** French formats in French; British ones (day first, euros) in English, since the trade stays European. */
export function localeFor(language: string): string {
  return language.startsWith('en') ? 'en-GB' : 'fr-FR';
}

export function formatterFor(language: string) {
  const locale = localeFor(language);
  const number = (value: number, maxDecimals = 2) => new Intl.NumberFormat(locale, { maximumFractionDigits: maxDecimals }).format(value);
  return {
    locale,
    money: (cents: number) => formatEuros(cents, locale),
    number,
    date: (iso: string | null | undefined) => (iso ? formatFrenchDate(iso.slice(0, 10), locale) : '—'),
    dateTime: (instant: string) =>
      new Intl.DateTimeFormat(locale, {
        timeZone: 'Europe/Paris',
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      }).format(new Date(instant)),
    /** Basis points as a percentage: 550 → "5,5 %". */
    rate: (basisPoints: number) =>
      new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(basisPoints / 10_000),
    /** Grams as kilograms, or tonnes from one tonne on: a truck is counted in tonnes, a sack in kilos. */
    weight: (grams: number) => (grams >= 1_000_000 ? `${number(grams / 1_000_000, 2)} t` : `${number(grams / 1000, 1)} kg`),
  };
}
