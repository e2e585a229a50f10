import { unitsPerPallet } from '../catalog/packaging.ts';
import { priceIndex, tierPrice } from '../pricing/price-index.ts';
import { num, say } from '../terms/checks/format.ts';
import { evaluate, type SuggestInput } from './suggest-input.ts';
import type { Suggestion, SuggestionChange } from './suggestion.types.ts';

/** A truck is worth filling once the order takes at least half of it. */
const HALF = 0.5;

/**
 * The truck leaves anyway: fill its remaining floor with whole pallets of the customer's usual products, in
 * turn, within the payload too (flour and sugar reach 24 t before 33 pallets). Offered only when it saves
 * (a pallet or weight tier, franco), since extra goods alone are not a saving.
 */
export function fillTruckSuggestions(input: SuggestInput): Suggestion[] {
  const { order, priced, ctx } = input;
  const { maxPallets, maxWeightG } = ctx.terms.truck;
  const { pallets, weightG } = priced.totals;
  if (pallets < maxPallets * HALF && weightG < maxWeightG * HALF) return [];
  const index = priceIndex(ctx, priced.orderDate);
  const candidates = ctx.usualProductIds
    .map((id) => ctx.products.get(id))
    .filter(
      (p) =>
        p && p.status === 'active' && unitsPerPallet(p) && (index.customerPrices.has(p.id) || tierPrice(index.tiers.get(p.id), 1) !== null),
    )
    .map((p) => ({ product: p!, perPallet: unitsPerPallet(p!)!, palletWeightG: unitsPerPallet(p!)! * p!.grossWeightG, added: 0 }));
  if (candidates.length === 0) return [];
  let floor = Math.floor(maxPallets - pallets + 1e-9);
  let payload = maxWeightG - weightG;
  let added = 0;
  for (let progress = true; progress && floor > 0;) {
    progress = false;
    for (const c of candidates) {
      if (floor <= 0 || c.palletWeightG > payload) continue;
      c.added += 1;
      floor -= 1;
      payload -= c.palletWeightG;
      added += 1;
      progress = true;
    }
  }
  if (added === 0) return [];
  const changes: SuggestionChange[] = [];
  for (const c of candidates) {
    if (c.added === 0) continue;
    const at = order.lines.findIndex((l) => l.productId === c.product.id);
    if (at >= 0) changes.push({ op: 'setQuantity', lineIndex: at, quantity: order.lines[at].quantity + c.added * c.perPallet });
    else changes.push({ op: 'addLine', productId: c.product.id, quantity: c.added * c.perPallet });
  }
  const what = candidates
    .filter((c) => c.added > 0)
    .map((c) => `${c.added} × ${c.product.code}`)
    .join(', ');
  const description = say([
    ['Compléter le camion avec ', 'Fill the truck with '],
    num(added),
    [' palette(s) de vos produits habituels (', ' pallet(s) of your usual products ('],
    what,
    ')',
  ]);
  const s = evaluate(input, 'fill-truck', 'fill-truck', description, changes);
  return s ? [s] : [];
}
