import { unitsPerLayer, unitsPerPallet } from '../../catalog/packaging.ts';
import type { Product } from '../../catalog/product.ts';
import type { Finding } from '../../orders/findings.types.ts';
import type { OrderMultiples, OrderMultipleUnit } from '../terms.types.ts';
import type { Rule } from './check-input.ts';
import { lineLabel, qty, say, source } from './format.ts';
import { lineRef } from './line-finding.ts';

/** The multiple a product is ordered in: the family's rule, else its temperature class's, else the default. */
export function multipleUnitFor(product: Product, multiples: OrderMultiples): OrderMultipleUnit {
  return multiples.byFamily?.[product.family] ?? multiples.byTemperature?.[product.temperatureClass] ?? multiples.default;
}

/** Sale units in one carton / layer / pallet; null when the product has no such level (bulk has no pallet). */
export function multipleSize(product: Product, unit: OrderMultipleUnit): number | null {
  switch (unit) {
    case 'unit':
      return 1;
    case 'carton':
      return product.unitsPerCarton;
    case 'layer':
      return unitsPerLayer(product);
    case 'pallet':
      return unitsPerPallet(product);
  }
}

export const MULTIPLE_LABEL: Record<OrderMultipleUnit, { fr: string; en: string }> = {
  unit: { fr: "l'unité", en: 'unit' },
  carton: { fr: 'colis', en: 'carton' },
  layer: { fr: 'couche', en: 'layer' },
  pallet: { fr: 'palette', en: 'pallet' },
};

/** A quantity that is not a whole carton / layer / pallet: the warehouse would have to break one. */
export const orderMultiple: Rule = ({ order, ctx, products }) => {
  const findings: Finding[] = [];
  for (let i = 0; i < order.lines.length; i++) {
    const product = products[i];
    const quantity = order.lines[i].quantity;
    if (!product || quantity <= 0) continue;
    const unit = multipleUnitFor(product, ctx.terms.orderMultiples);
    const size = multipleSize(product, unit);
    if (size === null || size <= 1 || quantity % size === 0) continue;
    const down = quantity - (quantity % size);
    const up = down + size;
    const label = MULTIPLE_LABEL[unit];
    findings.push({
      rule: 'order-multiple',
      severity: 'warning',
      ...lineRef(order, i),
      message: say([
        lineLabel(i, product.code),
        ' : ',
        qty(quantity, product),
        [` ne font pas un nombre entier de ${label.fr} (`, ` is not a whole number of ${label.en}s (`],
        qty(size, product),
        ') ',
        source(ctx.terms, 'orderMultiple'),
        [' ; arrondir à ', '; round to '],
        down > 0 ? say([qty(down, product), [' ou ', ' or ']]) : '',
        qty(up, product),
        '.',
      ]),
      data: { productId: product.id, quantity, multiple: unit, size, roundDown: down, roundUp: up },
    });
  }
  return findings;
};
