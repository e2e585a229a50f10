import type { FoundLine } from './intake.schemas.ts';

/** A line of the order a document asks for, as the test corpus states it. */
export type ExpectedLine = { product: string; quantity: number; unit: string };

/**
 * How many line fields (product, quantity, unit) were found right before any correction: each expected line is paired
 * with the found line of the same product (else the found line at the same place), and an extra found line costs
 * its three fields too (the desk has to delete it). `lines` counts the expected lines, `fields` the fields scored.
 */
export function scoreLines(
  found: readonly FoundLine[],
  expected: readonly ExpectedLine[],
): { lines: number; fields: number; right: number } {
  const left = [...found];
  let right = 0;
  expected.forEach((e, i) => {
    let at = left.findIndex((f) => f.productCode === e.product);
    if (at === -1 && left.length && i < found.length) at = left.indexOf(found[i]);
    if (at === -1) return;
    const f = left.splice(at, 1)[0];
    if (f.productCode === e.product) right++;
    if (f.quantity === e.quantity) right++;
    if (f.unit === e.unit) right++;
  });
  return { lines: expected.length, fields: 3 * expected.length + 3 * left.length, right };
}
