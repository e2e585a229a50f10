import { isDeliveryDay } from '../../calendar/delivery-date.ts';
import { isFrenchPublicHoliday } from '../../calendar/french-holidays.ts';
import { weekdayList } from '../../calendar/weekday-names.ts';
import type { Rule } from './check-input.ts';
import { day, say } from './format.ts';

/** A day the delivery point does not receive, or a French public holiday: no truck would be unloaded (block). */
export const deliveryDay: Rule = ({ order, ctx }) => {
  const requested = order.requestedDate;
  if (!requested || isDeliveryDay(requested, ctx.deliveryPoint)) return [];
  const holiday = isFrenchPublicHoliday(requested);
  const days = ctx.deliveryPoint.deliveryWeekdays;
  const list: [string, string] = [weekdayList(days, 'fr', 'aucun'), weekdayList(days, 'en', 'none')];
  return [
    {
      rule: 'delivery-day',
      severity: 'block',
      data: { requestedDate: requested, publicHoliday: holiday, deliveryWeekdays: days },
      message: say([
        ['Livraison demandée le ', 'Delivery requested on '],
        day(requested),
        holiday
          ? [' : jour férié', ': French public holiday']
          : [' : le point de livraison ne reçoit pas ce jour-là', ': the delivery point does not receive that day'],
        [' (jours de réception : ', ' (receiving days: '],
        list,
        ').',
      ]),
    },
  ];
};
