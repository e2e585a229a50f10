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

// Building an Intl formatter costs far more than using one (the rules format figures for 200-line orders), and
// using one costs more than remembering its answer: the same thresholds and fees come back in every order's
// findings (an EDI file checks thousands). The memory is bounded: emptied when full.
const euroFormats = new Map<string, { format: Intl.NumberFormat; known: Map<number, string> }>();
const KNOWN_AMOUNTS = 10_000;

export function formatEuros(cents: number, locale = 'fr-FR'): string {
  let euros = euroFormats.get(locale);
  if (!euros)
    euroFormats.set(locale, (euros = { format: new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }), known: new Map() }));
  let text = euros.known.get(cents);
  if (text === undefined) {
    if (euros.known.size >= KNOWN_AMOUNTS) euros.known.clear();
    euros.known.set(cents, (text = euros.format.format(cents / 100)));
  }
  return text;
}
