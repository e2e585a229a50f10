import { isDeliveryDay } from '../../calendar/delivery-date.ts';
import type { Weekday } from '../../calendar/dates.ts';
import { isFrenchPublicHoliday } from '../../calendar/french-holidays.ts';
import type { Rule } from './check-input.ts';
import { day, say } from './format.ts';

const WEEKDAY: Record<Weekday, [string, string]> = {
  MON: ['lundi', 'Monday'],
  TUE: ['mardi', 'Tuesday'],
  WED: ['mercredi', 'Wednesday'],
  THU: ['jeudi', 'Thursday'],
  FRI: ['vendredi', 'Friday'],
  SAT: ['samedi', 'Saturday'],
  SUN: ['dimanche', 'Sunday'],
};

/** A day the delivery point does not receive, or a French public holiday: no truck would be unloaded (block). */
export const deliveryDay: Rule = ({ order, ctx }) => {
  const requested = order.requestedDate;
  if (!requested || isDeliveryDay(requested, ctx.deliveryPoint)) return [];
  const holiday = isFrenchPublicHoliday(requested);
  const days = ctx.deliveryPoint.deliveryWeekdays;
  const list: [string, string] = [
    days.map((d) => WEEKDAY[d][0]).join(', ') || 'aucun',
    days.map((d) => WEEKDAY[d][1]).join(', ') || 'none',
  ];
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
