import { daysBetween, isIsoDate } from '../calendar/dates.ts';
import type { Where } from './intake.schemas.ts';
import { linesOf } from './text.ts';

type PartText = { text: string; ocr: boolean };
export type HeaderHit = { value: string; text: string; confidence: number; where: Where };

const MONTHS = ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'];
const DELIVERY_WORDS = /(livr|pour le|pour la|souhait|demand|avant le|au plus tard|date de|le\s*$|reception|enlevement)/;
/** Lines of an email's own header or a fax's banner: their dates say when it was sent, not when to deliver. */
const SENT_LINE = /^\s*(envoye|date|le .* a ecrit|sent|recu le|fax du|imprime|page)\b/;

function isoOf(day: number, month: number, year: number | null, today: string): string | null {
  const y0 = year === null ? Number(today.slice(0, 4)) : year < 100 ? 2000 + year : year;
  const iso = (y: number) => `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!isIsoDate(iso(y0))) return null;
  // Without a year, a date well past is next year's ("le 5 janvier" written in December).
  if (year === null && daysBetween(today, iso(y0)) < -60) return isIsoDate(iso(y0 + 1)) ? iso(y0 + 1) : null;
  return iso(y0);
}

/** The delivery date asked for: a date on a line that speaks of delivery first, else any date not the sending date. */
export function findRequestedDate(parts: readonly PartText[], today: string): HeaderHit | null {
  let best: HeaderHit | null = null;
  parts.forEach((part, partIndex) => {
    for (const line of linesOf(part.text)) {
      const f = line.folded;
      if (SENT_LINE.test(f) && !/livr/.test(f)) continue;
      const found: { value: string; start: number; end: number }[] = [];
      for (const m of f.matchAll(/(?<![\d/])(\d{1,2})\s?[/.-]\s?(\d{1,2})(?:\s?[/.-]\s?(\d{4}|\d{2}))?(?![\d/])/g)) {
        const value = isoOf(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : null, today);
        if (value) found.push({ value, start: m.index, end: m.index + m[0].length });
      }
      const monthRe = new RegExp(`(?<!\\d)(\\d{1,2})(?:er)?\\s+(${MONTHS.join('|')})(?:\\s+(\\d{4}))?`, 'g');
      for (const m of f.matchAll(monthRe)) {
        const value = isoOf(Number(m[1]), MONTHS.indexOf(m[2]) + 1, m[3] ? Number(m[3]) : null, today);
        if (value) found.push({ value, start: m.index, end: m.index + m[0].length });
      }
      for (const d of found) {
        const before = f.slice(Math.max(0, d.start - 40), d.start);
        const nearDelivery = DELIVERY_WORDS.test(before) || /livr/.test(f);
        // A date long past or far ahead is a reference, a best-before or a typo, rarely a delivery.
        const span = daysBetween(today, d.value);
        if (span < -7 || span > 180) continue;
        const confidence = (nearDelivery ? 0.9 : 0.5) * (part.ocr ? 0.85 : 1);
        if (!best || confidence > best.confidence)
          best = {
            value: d.value,
            text: line.text.slice(d.start, d.end),
            confidence,
            where: { part: partIndex, start: line.start + d.start, end: line.start + d.end },
          };
      }
    }
  });
  return best;
}

const REF_LABEL =
  /(bon de commande|commande|cde|cmde|bdc|b\.c\.|\bbc|\bpo|purchase order|notre ref(?:erence)?|ref(?:erence)?\s+commande|n°\s*de\s*commande|order)\s*(?:n\s*[°o]|no\.?|nº|num(?:ero)?\.?|#)?\s*[:#]?\s*/g;

/** The customer's PO number: a reference after "bon de commande n°", "commande n°", "PO", "notre réf." — with a digit in it. */
export function findCustomerRef(parts: readonly PartText[]): HeaderHit | null {
  let best: HeaderHit | null = null;
  parts.forEach((part, partIndex) => {
    for (const line of linesOf(part.text)) {
      const f = line.folded;
      if (/votre ref/.test(f)) continue;
      for (const m of f.matchAll(REF_LABEL)) {
        const at = m.index + m[0].length;
        const ref = /^([a-z0-9][a-z0-9\-/_.]{2,24})/.exec(f.slice(at));
        if (!ref || !/\d/.test(ref[1])) continue;
        const value = line.text
          .slice(at, at + ref[1].length)
          .replace(/[.]$/, '')
          .toUpperCase();
        if (/^\d{1,2}[/.]\d{1,2}([/.]\d{2,4})?$/.test(value)) continue; // a date, not a number
        const labelled = /(n\s*[°o]|no|nº|num|#|:)/.test(m[0]);
        const confidence = (labelled ? 0.9 : 0.7) * (part.ocr ? 0.85 : 1);
        if (!best || confidence > best.confidence)
          best = {
            value,
            text: line.text.slice(at, at + value.length),
            confidence,
            where: { part: partIndex, start: line.start + at, end: line.start + at + value.length },
          };
      }
    }
  });
  return best;
}
