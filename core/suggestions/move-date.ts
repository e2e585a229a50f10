import { addDays, type IsoDate } from '../calendar/dates.ts';
import { earliestDeliveryDate, isDeliveryDay } from '../calendar/delivery-date.ts';
import { surchargeFor } from '../pricing/charges.ts';
import { day, eur, say } from '../terms/checks/format.ts';
import { evaluate, type SuggestInput } from './suggest-input.ts';
import type { Suggestion } from './suggestion.types.ts';

/** How far from the requested date a move is still a reasonable proposal. */
const WINDOW_DAYS = 7;

/** A surcharged delivery day (Saturday round): the nearest receiving day without it, not before the earliest possible. */
export function moveDateSuggestions(input: SuggestInput): Suggestion[] {
  const { order, priced, ctx } = input;
  const requested = order.requestedDate;
  const surcharge = priced.charges.filter((c) => c.kind === 'surcharge').reduce((s, c) => s + c.netCents, 0);
  if (!requested || surcharge === 0) return [];
  const earliest = earliestDeliveryDate(ctx.today, ctx.deliveryPoint);
  let best: IsoDate | null = null;
  for (let offset = 1; offset <= WINDOW_DAYS && !best; offset++) {
    for (const date of [addDays(requested, -offset), addDays(requested, offset)]) {
      if ((earliest && date < earliest) || !isDeliveryDay(date, ctx.deliveryPoint) || surchargeFor(ctx.terms.surcharges, date).length)
        continue;
      best = date;
      break;
    }
  }
  if (!best) return [];
  const description = say([
    ['Livrer le ', 'Deliver on '],
    day(best),
    [' plutôt que le ', ' instead of '],
    day(requested),
    [' (sans supplément de ', ' (no surcharge of '],
    eur(surcharge),
    ')',
  ]);
  const s = evaluate(input, 'move-date', `move-date:${best}`, description, [{ op: 'setRequestedDate', date: best }]);
  return s ? [s] : [];
}
