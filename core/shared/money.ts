/** Money is integer cents everywhere; these helpers make every rounding explicit. */

/** Rounds a non-integer amount of cents half away from zero (the commercial rounding used on invoices). */
export function roundCents(value: number): number {
  const rounded = Math.round(Math.abs(value));
  return value < 0 ? -rounded : rounded;
}

/** Applies a rate in basis points (550 bp = 5.5 %) to an amount of cents, rounded half away from zero. */
export function applyBasisPoints(cents: number, basisPoints: number): number {
  // Integer arithmetic first so that 0.5-cent cases are decided exactly, not by binary floating point.
  return roundCents((cents * basisPoints) / 10_000);
}

export function formatEuros(cents: number, locale = 'fr-FR'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);
}
