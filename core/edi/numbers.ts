/**
 * EDIFACT numeric values. ISO 9735 allows either decimal mark whatever UNA declares, and real files use both
 * (`19,9` under `UNA:+,? '`), so both are read; a sign is leading only. Not a number: null.
 */
export function readEdiNumber(raw: string | null): number | null {
  if (raw === null) return null;
  let digits = 0;
  let marks = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 44 || c === 46) marks++;
    else if (!(c === 45 && i === 0)) return null;
  }
  if (digits === 0 || marks > 1) return null;
  const n = Number(raw.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

/** A number as EDIFACT writes it: no exponent, no trailing zeros, `.` as the decimal mark (our UNA says so). */
export function formatEdiNumber(n: number, maxDecimals = 6): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  if (Number.isInteger(n)) return String(n);
  const fixed = n.toFixed(maxDecimals);
  let end = fixed.length;
  while (fixed[end - 1] === '0') end--;
  if (fixed[end - 1] === '.') end--;
  return fixed.slice(0, end);
}

/** Integer cents as a decimal amount, always two decimals (`1234` → `12.34`). */
export function formatCents(cents: number): string {
  if (!Number.isInteger(cents)) throw new RangeError(`cents must be an integer: ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const units = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${sign}${units}.${rest < 10 ? '0' : ''}${rest}`;
}

/** Basis points as a percentage (`550` → `5.5`). */
export function formatBasisPoints(bp: number): string {
  return formatEdiNumber(bp / 100, 2);
}
