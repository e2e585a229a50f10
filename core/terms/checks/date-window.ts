import { earliestDeliveryDate } from '../../calendar/delivery-date.ts';
import type { IsoDate } from '../../calendar/dates.ts';
import type { CheckInput } from './check-input.ts';

/**
 * Where the requested date stands against the delivery point's lead time and cut-off. `lead-time` and `cut-off`
 * are told apart because the answer to the customer differs ("pas avant jeudi" vs "si vous aviez appelé avant
 * midi"): it is a cut-off miss when the date would have been kept had the order come in before the cut-off today.
 */
export function dateWindow({
  order,
  ctx,
}: Pick<CheckInput, 'order' | 'ctx'>): { requested: IsoDate; earliest: IsoDate; missedCutOff: boolean } | null {
  const requested = order.requestedDate;
  if (!requested) return null;
  const earliest = earliestDeliveryDate(ctx.today, ctx.deliveryPoint);
  if (earliest === null || requested >= earliest) return null;
  const beforeCutOff = earliestDeliveryDate({ date: ctx.today.date, time: '00:00' }, ctx.deliveryPoint);
  return { requested, earliest, missedCutOff: beforeCutOff !== null && requested >= beforeCutOff };
}

export const windowData = (ctx: CheckInput['ctx'], w: { requested: IsoDate; earliest: IsoDate }) => ({
  requestedDate: w.requested,
  earliestDate: w.earliest,
  cutoffTime: ctx.deliveryPoint.cutoffTime,
  leadTimeDays: ctx.deliveryPoint.leadTimeDays,
  now: `${ctx.today.date} ${ctx.today.time}`,
});
