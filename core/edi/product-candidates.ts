import { normalise } from '../shared/search-text.ts';

/** A product the picker may propose: what the ranking reads of it. */
export type CandidateProduct = { id: number; code: string; name: string; family?: string; unitsPerCarton?: number };
export type RankedCandidate<P extends CandidateProduct> = { product: P; listed: boolean; score: number };

/**
 * The words of a line's free text (IMD) or of a product, as the ranking compares them: normalised, a quantity glued
 * to its unit split in two ("1KG" → "1", "kg"), a pack count's "X" dropped ("X10" → "10"), punctuation a separator.
 */
export function descriptionWords(text: string): string[] {
  return normalise(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .flatMap((w) => {
      const pack = /^x(\d+)$/.exec(w);
      if (pack) return [pack[1]];
      const measure = /^(\d+(?:[.,]\d+)?)([a-z]{1,3})$/.exec(w);
      return measure ? [measure[1], measure[2]] : [w];
    });
}

/** A word of the line counts whole when the product says it, ¾ when the product's word starts with it ("bio" in "biologique"). */
function wordScore(word: string, own: readonly string[]): number {
  if (own.includes(word)) return 1;
  if (word.length >= 3 && own.some((w) => w.startsWith(word))) return 0.75;
  return 0;
}

/** Half a word: among products the line describes equally well, those of the customer's agreed assortment come first. */
const LISTED_BONUS = 0.5;

/**
 * The products to propose first for a customer's code Carnet does not know: those whose name, code, family or pack
 * say most of the words of the line's own description (`FARINE T65 BIO 1KG X10` → "Farine de blé T65 biologique
 * 1 kg — colis de 10"), the customer's agreed assortment (`listedIds`) first among equals; then the rest of the
 * assortment, by code. Products that neither match nor are listed are left out (the picker's search finds them).
 */
export function rankCandidates<P extends CandidateProduct>(
  description: string | null,
  products: readonly P[],
  listedIds: ReadonlySet<number>,
  limit = 20,
): RankedCandidate<P>[] {
  const words = [...new Set(descriptionWords(description ?? ''))];
  const ranked: RankedCandidate<P>[] = [];
  for (const product of products) {
    const own = [
      ...descriptionWords(`${product.name} ${product.code} ${product.family ?? ''}`),
      ...(product.unitsPerCarton && product.unitsPerCarton > 1 ? [String(product.unitsPerCarton)] : []),
    ];
    const matched = words.reduce((sum, w) => sum + wordScore(w, own), 0);
    const listed = listedIds.has(product.id);
    if (matched === 0 && !listed) continue;
    ranked.push({ product, listed, score: matched === 0 ? 0 : matched + (listed ? LISTED_BONUS : 0) });
  }
  return ranked
    .sort((a, b) => b.score - a.score || Number(b.listed) - Number(a.listed) || a.product.code.localeCompare(b.product.code))
    .slice(0, limit);
}
