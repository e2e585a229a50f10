import type { Finding } from '../../orders/findings.types.ts';
import type { Rule } from './check-input.ts';
import { eur, lineLabel, say, source } from './format.ts';
import { lineRef } from './line-finding.ts';

/**
 * The net unit price the customer sent (EDI PRI, often last year's) differs from ours beyond the agreed
 * tolerance: someone decides which stands before the acknowledgement goes out (approval). Ours is the line's
 * net per unit, rounded to the cent, since that is what the customer's PRI states. `data.concessionCents` is what
 * accepting his costs on the line, and `data.managerDecides` whether that is above the terms' threshold.
 */
export const priceMismatch: Rule = ({ order, priced, ctx, products }) => {
  const findings: Finding[] = [];
  for (let i = 0; i < order.lines.length; i++) {
    const { expectedUnitPriceCents: expected, agreedUnitPriceCents: agreed } = order.lines[i];
    const line = priced.lines[i];
    // A price the desk settled (his accepted, or ours kept and told him in the ORDRSP) is answered.
    if (expected === undefined || agreed !== undefined || line.unitPriceCents === null || line.quantity <= 0) continue;
    const ours = Math.round(line.netCents / line.quantity);
    const diff = expected - ours;
    if (Math.abs(diff) <= ctx.terms.priceMismatchToleranceCents) continue;
    findings.push({
      rule: 'price-mismatch',
      severity: 'approval',
      ...lineRef(order, i),
      message: say([
        lineLabel(i, products[i]?.code),
        [' : prix attendu par le client ', ': customer expects '],
        eur(expected),
        [' HT, notre prix ', ' excl. VAT, our price '],
        eur(ours),
        [' HT ', ' excl. VAT '],
        source(ctx.terms, 'price'),
        [' (écart ', ' (difference '],
        eur(diff),
        [' par unité, ', ' per unit, '],
        eur(diff * line.quantity),
        [' sur la ligne).', ' on the line).'],
      ]),
      data: {
        productId: line.productId,
        expectedUnitPriceCents: expected,
        ourUnitPriceCents: ours,
        differenceCents: diff,
        lineDifferenceCents: diff * line.quantity,
        toleranceCents: ctx.terms.priceMismatchToleranceCents,
        concessionCents: Math.max(0, -diff * line.quantity),
        managerDecides: -diff * line.quantity > ctx.terms.priceConcessionApprovalCents,
      },
    });
  }
  return findings;
};
