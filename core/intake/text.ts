/**
 * Text as the intake compares it, folded one character for one (lower case, accents off), so that an offset in
 * the folded text is the offset in the text as read: what is found can be highlighted where it was written.
 */
export function foldSameLength(text: string): string {
  let out = '';
  for (const ch of text) {
    const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    const c = (base[0] ?? ' ').toLowerCase();
    // One UTF-16 unit per UTF-16 unit: a character outside the BMP keeps its width with spaces.
    out += c.length === ch.length ? c : c.padEnd(ch.length, ' ');
  }
  return out.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/\u00a0/g, ' ');
}

export type TextLine = { text: string; folded: string; start: number };

/** The lines of a part's text with the offset each starts at. */
export function linesOf(text: string): TextLine[] {
  const out: TextLine[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const clean = line.replace(/\r$/, '');
    out.push({ text: clean, folded: foldSameLength(clean), start });
    start += line.length + 1;
  }
  return out;
}

/** A word reduced to what plural and gender leave alone: "baguettes" and "baguette", "précuites" and "précuit". */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word.replace(/(es|s|x)$/, '');
  if (w.length > 4) w = w.replace(/e$/, '');
  return w;
}

/** A code as compared: letters and digits only, upper case. */
export const codeKey = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');
/** The same, with the letters OCR mistakes for digits taken as those digits. */
export const confusableKey = (code: string) =>
  codeKey(code).replace(/O|Q|D/g, '0').replace(/I|L/g, '1').replace(/S/g, '5').replace(/B/g, '8').replace(/Z/g, '2').replace(/G/g, '6');
