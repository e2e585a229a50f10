/**
 * What to look for in stored phone numbers when someone types a number: its digits without the French trunk
 * prefix, so "02 61 91 40 01", "02.61.91.40.01", "0261914001" and "+33 2 61 91 40 01" all find each other.
 * Null when the text is not a phone number (too few digits, or letters), so a name is never read as one.
 */
export function phoneSearchKey(text: string): string | null {
  if (!/^[+\d\s.()-]+$/.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  if (digits.length < 4) return null;
  const national = text.trim().startsWith('+33') || digits.startsWith('0033') ? digits.replace(/^(00)?33/, '') : digits.replace(/^0/, '');
  return national.length >= 4 ? national : null;
}

/** The separators people type in phone numbers; the search strips them from stored numbers too. */
export const PHONE_SEPARATORS = [' ', '.', '-', '(', ')'] as const;
