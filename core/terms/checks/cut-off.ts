import type { Rule } from './check-input.ts';
import { dateWindow, windowData } from './date-window.ts';
import { day, say, source } from './format.ts';

/** Past today's cut-off: the date slips to the next possible one; the customer is told (warning). */
export const cutOff: Rule = (input) => {
  const w = dateWindow(input);
  if (!w || !w.missedCutOff) return [];
  const { ctx } = input;
  return [
    {
      rule: 'cut-off',
      severity: 'warning',
      data: windowData(ctx, w),
      message: say([
        ['Commande prise à ', 'Order taken at '],
        ctx.today.time,
        [", après l'heure limite de ", ', after the cut-off time of '],
        ctx.deliveryPoint.cutoffTime,
        ' ',
        source(ctx.terms, 'leadTime'),
        [' : livraison le ', ': delivery on '],
        day(w.requested),
        [' plus possible, au plus tôt le ', ' no longer possible, earliest '],
        day(w.earliest),
        '.',
      ]),
    },
  ];
};
