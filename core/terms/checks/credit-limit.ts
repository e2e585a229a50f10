import type { Rule } from './check-input.ts';
import { day, eur, say, source } from './format.ts';

/**
 * Open orders + unpaid invoices + this order (TTC, as the credit insurer counts) above the customer's limit:
 * a manager approves, since refusing a customer's order is a commercial decision, not the assistant's.
 */
export const creditLimit: Rule = ({ order, priced, ctx }) => {
  const { agreement, terms } = ctx;
  if (!terms.creditCheck || agreement.creditLimitCents === null || order.lines.length === 0) return [];
  const thisOrder = priced.totals.grossCents;
  const exposure = agreement.openOrdersCents + agreement.unpaidBalanceCents + thisOrder;
  if (exposure <= agreement.creditLimitCents) return [];
  return [
    {
      rule: 'credit-limit',
      severity: 'approval',
      message: say([
        ['Encours de ', 'Exposure of '],
        eur(exposure),
        [' TTC (commandes en cours ', ' incl. VAT (open orders '],
        eur(agreement.openOrdersCents),
        [', impayés ', ', unpaid '],
        eur(agreement.unpaidBalanceCents),
        ...(agreement.unpaidAsOf ? [[' au ', ' as of '] as [string, string], day(agreement.unpaidAsOf)] : []),
        [', cette commande ', ', this order '],
        eur(thisOrder),
        [') au-delà de la limite de crédit de ', ') above the credit limit of '],
        eur(agreement.creditLimitCents),
        ' ',
        source(terms, 'credit'),
        [' (dépassement ', ' (over by '],
        eur(exposure - agreement.creditLimitCents),
        ').',
      ]),
      data: {
        exposureCents: exposure,
        limitCents: agreement.creditLimitCents,
        openOrdersCents: agreement.openOrdersCents,
        unpaidBalanceCents: agreement.unpaidBalanceCents,
        unpaidAsOf: agreement.unpaidAsOf ?? null,
        orderGrossCents: thisOrder,
        overCents: exposure - agreement.creditLimitCents,
      },
    },
  ];
};
