/** EDIFACT date values to ISO, checking the calendar (a real file sends 19999715). Pure, no clock. */

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return s.length > 0;
}

/** CCYYMMDD to YYYY-MM-DD, or null if it is not a day of the calendar. */
export function isoFromCcyymmdd(s: string): string | null {
  if (s.length !== 8 || !isDigits(s)) return null;
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(4, 6));
  const day = Number(s.slice(6, 8));
  if (month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

/** YYMMDD (syntax 3 UNB, DTM format 101): years 50–99 are 19xx, the rest 20xx. */
export function isoFromYymmdd(s: string): string | null {
  if (s.length !== 6 || !isDigits(s)) return null;
  const yy = Number(s.slice(0, 2));
  return isoFromCcyymmdd(`${yy >= 50 ? '19' : '20'}${s}`);
}

/** HHMM to HH:MM. */
export function timeFromHhmm(s: string | null): string | null {
  if (!s || s.length !== 4 || !isDigits(s)) return null;
  const h = Number(s.slice(0, 2));
  const m = Number(s.slice(2, 4));
  return h < 24 && m < 60 ? `${s.slice(0, 2)}:${s.slice(2, 4)}` : null;
}

export type EdiDateValue = { date: string; time: string | null; until: string | null };

/**
 * A DTM value in its format (2379): 102 CCYYMMDD, 203 CCYYMMDDHHMM, 204 with seconds, 101 YYMMDD,
 * 718 a range CCYYMMDD-CCYYMMDD. No format: guessed from the length, as files that omit it mean.
 */
export function readDtmValue(value: string | null, format: string | null): EdiDateValue | null {
  if (!value) return null;
  const f =
    format ?? (value.length === 8 ? '102' : value.length === 12 ? '203' : value.length === 6 ? '101' : value.length === 16 ? '718' : null);
  switch (f) {
    case '102': {
      const date = isoFromCcyymmdd(value);
      return date ? { date, time: null, until: null } : null;
    }
    case '101': {
      const date = isoFromYymmdd(value);
      return date ? { date, time: null, until: null } : null;
    }
    case '203':
    case '204': {
      const date = isoFromCcyymmdd(value.slice(0, 8));
      const time = timeFromHhmm(value.slice(8, 12));
      return date && time && value.length === (f === '203' ? 12 : 14) ? { date, time, until: null } : null;
    }
    case '718': {
      const compact = value.replace('-', '');
      const date = isoFromCcyymmdd(compact.slice(0, 8));
      const until = isoFromCcyymmdd(compact.slice(8, 16));
      return date && until && compact.length === 16 ? { date, time: null, until } : null;
    }
    default:
      return null;
  }
}

/** YYYY-MM-DD to CCYYMMDD (format 102). */
export function ccyymmdd(iso: string): string {
  return iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10);
}

export { pad2 };
