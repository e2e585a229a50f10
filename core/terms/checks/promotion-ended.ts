import type { Finding } from '../../orders/findings.types.ts';
import { isPromotionRunning } from '../../pricing/promotions.ts';
import type { Rule } from './check-input.ts';
import { day, lineLabel, say } from './format.ts';
import { lineRef } from './line-finding.ts';

/** The customer claims a promotion (EDI, or a reorder) that is over at the order date: billed at the normal price (warning). */
export const promotionEnded: Rule = ({ order, priced, ctx, products }) => {
  const findings: Finding[] = [];
  for (let i = 0; i < order.lines.length; i++) {
    const id = order.lines[i].promotionId;
    if (id === undefined) continue;
    const promo = ctx.promotions.find((p) => p.id === id);
    if (promo && isPromotionRunning(promo, priced.orderDate)) continue;
    const name = promo ? `« ${promo.name} »` : `n° ${id}`;
    findings.push({
      rule: 'promotion-ended',
      severity: 'warning',
      ...lineRef(order, i),
      message: promo
        ? say([
            lineLabel(i, products[i]?.code),
            [` : la promotion ${name} `, `: promotion "${promo.name}" `],
            priced.orderDate < promo.from
              ? say([['ne commence que le ', 'only starts on '], day(promo.from)])
              : say([['a pris fin le ', 'ended on '], day(promo.to)]),
            [' ; ligne au prix normal.', '; line at the normal price.'],
          ])
        : say([
            lineLabel(i, products[i]?.code),
            [
              ` : la promotion ${name} n'existe plus ; ligne au prix normal.`,
              `: promotion no. ${id} no longer exists; line at the normal price.`,
            ],
          ]),
      data: { promotionId: id, from: promo?.from ?? null, to: promo?.to ?? null, orderDate: priced.orderDate },
    });
  }
  return findings;
};
