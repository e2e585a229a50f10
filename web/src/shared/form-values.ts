/** Form fields hold text; the API wants null for an empty optional value and numbers for numbers. */
export function blankToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** "1 250,50" or "1250.5" euros → 125050 cents; null when it is not an amount. */
export function eurosToCents(text: string): number | null {
  const normalised = text.replace(/[\s\u202f\u00a0€]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(normalised)) return null;
  return Math.round(Number(normalised) * 100);
}

export function centsToEuros(cents: number): string {
  return (cents / 100).toFixed(2).replace('.', ',');
}

/** A whole number typed in a field, or null. */
export function parseInteger(text: string): number | null {
  const trimmed = text.trim();
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : null;
}

/** "1,5" or "2.25 %" → 150 or 225 basis points (hundredths of a percent, as euros are of cents); null when not a rate. */
export function percentToBp(text: string): number | null {
  return eurosToCents(text.replace('%', ''));
}

/** 150 basis points → "1,5" to edit (no trailing zeros: a rate is typed as it is said). */
export function bpToPercent(bp: number): string {
  return String(bp / 100).replace('.', ',');
}

/** "1 250,5" kilograms → 1250500 grams; null when it is not a weight (to the gram). */
export function kilosToGrams(text: string): number | null {
  const normalised = text.replace(/[\s\u202f\u00a0]|kg/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,3})?$/.test(normalised)) return null;
  return Math.round(Number(normalised) * 1000);
}
