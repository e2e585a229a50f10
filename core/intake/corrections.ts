import type { FoundLine } from './intake.schemas.ts';
import { type IntakeCorrection, readKeyOf } from './find-order.ts';

/** A line of the order as the desk confirmed it. */
export type FinalLine = { productId: number; quantity: number };

/**
 * What the desk's corrections teach about this customer, comparing what was found with what she confirmed, line by
 * line in order: a product she changed is his wording for that product (kept unless it was his own code, which she
 * maps in the customer's codes); a quantity she changed while keeping the product, read in a unit, is his unit.
 */
export function learnCorrections(found: readonly FoundLine[], final: readonly FinalLine[]): IntakeCorrection[] {
  const out: IntakeCorrection[] = [];
  const n = Math.min(found.length, final.length);
  for (let i = 0; i < n; i++) {
    const f = found[i];
    const c = final[i];
    if (f.productId !== c.productId) {
      const readKey = readKeyOf(f.text);
      if (readKey.length >= 3) out.push({ kind: 'product', readKey, productId: c.productId });
      continue;
    }
    if (f.readQuantity !== null && f.readQuantity > 0 && f.quantity !== c.quantity && f.unit) {
      const unitFactor = c.quantity / f.readQuantity;
      if (Number.isFinite(unitFactor) && unitFactor > 0) out.push({ kind: 'unit', productId: c.productId, unit: f.unit, unitFactor });
    }
  }
  return out;
}
