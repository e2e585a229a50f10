import { normalise } from '../shared/search-text.ts';
import type { Product } from './product.ts';

export type CustomerCode = { code: string; productId: number };
export type ProductMatch = { product: Product; matchedBy: 'code' | 'gtin' | 'customerCode' | 'name'; score: number };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Ranks products for what the assistant typed: exact codes first (ours, the customer's, a GTIN), then a whole
 * part of our code ("T65" in FAR-T65-S25), then code prefixes, then products whose name holds every typed word.
 * Among equals, what this customer usually orders comes first (`usual`: product id → how often ordered), so
 * "T65" gives the baker his 25 kg sack. Discontinued products sink to the bottom.
 */
export function matchProducts(
  query: string,
  products: readonly Product[],
  customerCodes: readonly CustomerCode[] = [],
  limit = 8,
  usual: ReadonlyMap<number, number> = new Map(),
): ProductMatch[] {
  const q = normalise(query.trim());
  if (!q) return [];
  const words = q.split(/\s+/);
  const wholeWord = words.map((w) => new RegExp(`(^|[^a-z0-9])${escapeRegExp(w)}([^a-z0-9]|$)`));
  const mostUsual = Math.max(1, ...usual.values());
  const byCustomerCode = new Map<number, string[]>();
  for (const c of customerCodes) byCustomerCode.set(c.productId, [...(byCustomerCode.get(c.productId) ?? []), normalise(c.code)]);

  const matches: ProductMatch[] = [];
  for (const product of products) {
    const code = normalise(product.code);
    const ownCodes = byCustomerCode.get(product.id) ?? [];
    const name = normalise(`${product.name} ${product.code}`);
    let best: ProductMatch | null = null;
    const consider = (matchedBy: ProductMatch['matchedBy'], score: number) => {
      if (!best || score > best.score) best = { product, matchedBy, score };
    };
    if (ownCodes.includes(q)) consider('customerCode', 100);
    if (code === q) consider('code', 95);
    if (product.gtin === q || product.caseGtin === q) consider('gtin', 95);
    if (ownCodes.some((c) => c.startsWith(q))) consider('customerCode', 70);
    if (code.split('-').includes(q)) consider('code', 80);
    if (code.startsWith(q)) consider('code', 65);
    if (q.length >= 4 && (product.gtin?.startsWith(q) || product.caseGtin?.startsWith(q))) consider('gtin', 50);
    if (words.every((w) => name.includes(w))) {
      // Whole-word hits rank above substrings, shorter names above longer ones ("T65" → the plain sack first).
      const whole = wholeWord.filter((re) => re.test(name)).length;
      consider('name', 30 + whole * 5 - Math.min(name.length, 200) / 100);
    }
    if (best) {
      const found: ProductMatch = best;
      const habit = (3 * (usual.get(product.id) ?? 0)) / mostUsual; // at most 3 points: a tie-breaker, not a rank
      matches.push({ ...found, score: found.score + habit - (product.status === 'discontinued' ? 60 : 0) });
    }
  }
  return matches.sort((a, b) => b.score - a.score || a.product.code.localeCompare(b.product.code)).slice(0, limit);
}
