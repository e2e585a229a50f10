import type { Rule } from './check-input.ts';
import { dateWindow, windowData } from './date-window.ts';
import { day, say, source } from './format.ts';

/** Too early for the lead time even before the cut-off: logistics must agree to an express run (approval). */
export const leadTime: Rule = (input) => {
  const w = dateWindow(input);
  if (!w || w.missedCutOff) return [];
  const { ctx } = input;
  return [
    {
      rule: 'lead-time',
      severity: 'approval',
      data: windowData(ctx, w),
      message: say([
        ['Livraison demandée le ', 'Delivery requested on '],
        day(w.requested),
        [' : délai de ', ': lead time of '],
        String(ctx.deliveryPoint.leadTimeDays),
        [' jour(s) ouvré(s) ', ' working day(s) '],
        source(ctx.terms, 'leadTime'),
        [', au plus tôt le ', ', earliest '],
        day(w.earliest),
        '.',
      ]),
    },
  ];
};
