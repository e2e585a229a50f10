/**
 * Text as search compares it: lower case, accents and ligatures folded, so "orleans" finds "Orléans", "lefevre"
 * finds "Maison Lefèvre" and "coeur" finds "Cœur". The same function writes the stored `search_text` columns on the
 * server and ranks products in the browser, so both read a query alike.
 */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[\u2018\u2019\u02bc]/g, "'");
}

/** The stored search text of a record: its searchable fields, normalised, one space apart. */
export function searchText(...fields: readonly (string | null | undefined)[]): string {
  return normalise(fields.filter((f): f is string => !!f && f.trim() !== '').join(' '));
}

/** The words of a query, normalised: a record matches when its search text holds every one of them. */
export function searchWords(query: string): string[] {
  return normalise(query).split(/\s+/).filter(Boolean);
}
