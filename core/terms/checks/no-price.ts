import type { Finding } from '../../orders/findings.types.ts';
import type { Rule } from './check-input.ts';
import { lineLabel, say } from './format.ts';
import { lineRef } from './line-finding.ts';

/** A known product with no price on the customer's list or agreement: it would be invoiced at zero (block). */
export const noPrice: Rule = ({ order, priced, products }) => {
  const findings: Finding[] = [];
  for (const i of priced.unpricedLineIndexes) {
    const p = products[i];
    if (!p) continue; // unknown-product already says it
    findings.push({
      rule: 'no-price',
      severity: 'block',
      ...lineRef(order, i),
      message: say([
        lineLabel(i, p.code),
        [
          ' : aucun prix valide à la date de commande (tarif ou prix client).',
          ': no valid price at the order date (price list or customer price).',
        ],
      ]),
      data: { productId: p.id, orderDate: priced.orderDate },
    });
  }
  return findings;
};
