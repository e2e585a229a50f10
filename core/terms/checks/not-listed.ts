import type { Finding } from '../../orders/findings.types.ts';
import type { Rule } from './check-input.ts';
import { lineLabel, say } from './format.ts';
import { lineRef } from './line-finding.ts';

/** Outside the customer's agreed assortment (référencement): it may not be sold in that channel (approval). */
export const notListed: Rule = ({ order, ctx, products }) => {
  const assortment = ctx.agreement.assortmentProductIds;
  if (assortment === null) return [];
  const listed = new Set(assortment);
  const findings: Finding[] = [];
  for (let i = 0; i < order.lines.length; i++) {
    const p = products[i];
    if (!p || listed.has(p.id)) continue;
    findings.push({
      rule: 'not-listed',
      severity: 'approval',
      ...lineRef(order, i),
      message: say([
        lineLabel(i, p.code),
        [" : produit hors de l'assortiment référencé du client.", ": product outside the customer's agreed assortment."],
      ]),
      data: { productId: p.id, code: p.code },
    });
  }
  return findings;
};
