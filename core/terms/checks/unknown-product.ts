import type { Finding } from '../../orders/findings.types.ts';
import type { Rule } from './check-input.ts';
import { lineLabel, say } from './format.ts';
import { lineRef } from './line-finding.ts';

/** A code that matched no product (EDI article code never mapped): nothing can be prepared (block until mapped). */
export const unknownProduct: Rule = ({ order, products }) => {
  const findings: Finding[] = [];
  for (let i = 0; i < order.lines.length; i++) {
    if (products[i]) continue;
    const line = order.lines[i];
    const code = line.code ?? (line.productId === null ? undefined : String(line.productId));
    findings.push({
      rule: 'unknown-product',
      severity: 'block',
      ...lineRef(order, i),
      message: say([
        lineLabel(i, code),
        [' : article inconnu du catalogue ; associer ce code à un produit.', ': unknown article; map this code to a product.'],
      ]),
      data: { code: code ?? null, productId: line.productId },
    });
  }
  return findings;
};
