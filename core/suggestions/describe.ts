import type { Product } from '../catalog/product.ts';
import type { Bilingual } from '../shared/bilingual.ts';
import { lineLabel, qty, say } from '../terms/checks/format.ts';

/** "Ligne 2 (SUC-GLA-S10) : passer de 2 sacs à 4 sacs" — the figures the assistant reads out. */
export function quantityChange(index: number, product: Product, from: number, to: number, why: Bilingual): Bilingual {
  return say([
    lineLabel(index, product.code),
    [' : passer de ', ': from '],
    qty(from, product),
    [' à ', ' to '],
    qty(to, product),
    ' ',
    why,
  ]);
}
