import { normalise } from '../shared/search-text.ts';
import type { Product } from './product.ts';

export type CustomerCode = { code: string; productId: number };
export type ProductMatch = { product: Product; matchedBy: 'code' | 'gtin' | 'customerCode' | 'name'; score: number };

/**
 * Ranks products for what the assistant typed: exact codes first (ours, the customer's, a GTIN), then code
 * prefixes, then products whose name holds every typed word. Discontinued products sink to the bottom.
 */
export function matchProducts(query: string, products: readonly Product[], customerCodes: readonly CustomerCode[] = [], limit = 8): ProductMatch[] {
  const q = normalise(query.trim());
  if (!q) return [];
  const words = q.split(/\s+/);
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
    if (code.startsWith(q)) consider('code', 65);
    if (q.length >= 4 && (product.gtin?.startsWith(q) || product.caseGtin?.startsWith(q))) consider('gtin', 50);
    if (words.every((w) => name.includes(w))) {
      // Whole-word hits rank above substrings, shorter names above longer ones ("T65" → the plain sack first).
      const whole = words.filter((w) => new RegExp(`(^|[^a-z0-9])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^a-z0-9]|$)`).test(name)).length;
      consider('name', 30 + whole * 5 - Math.min(name.length, 200) / 100);
    }
    if (best) {
      const found: ProductMatch = best;
      matches.push(product.status === 'discontinued' ? { ...found, score: found.score - 60 } : found);
    }
  }
  return matches.sort((a, b) => b.score - a.score || a.product.code.localeCompare(b.product.code)).slice(0, limit);
}
