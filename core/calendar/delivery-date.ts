import { addDays, type IsoDate, type Weekday, weekdayOf } from './dates.ts';
import { isFrenchPublicHoliday } from './french-holidays.ts';

export type DeliverySchedule = {
  /** Days the delivery point receives goods. */
  deliveryWeekdays: Weekday[];
  /** Working days between the order day and the delivery day. */
  leadTimeDays: number;
  /** Local time (HH:MM) after which an order counts as taken the next working day. */
  cutoffTime: string;
};

const WORKING_DAYS: ReadonlySet<Weekday> = new Set(['MON', 'TUE', 'WED', 'THU', 'FRI']);

export function isWorkingDay(date: IsoDate): boolean {
  return WORKING_DAYS.has(weekdayOf(date)) && !isFrenchPublicHoliday(date);
}

function nextWorkingDay(date: IsoDate): IsoDate {
  let d = addDays(date, 1);
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

export function isDeliveryDay(date: IsoDate, schedule: Pick<DeliverySchedule, 'deliveryWeekdays'>): boolean {
  return schedule.deliveryWeekdays.includes(weekdayOf(date)) && !isFrenchPublicHoliday(date);
}

/**
 * The first date a delivery point can be delivered for an order taken now (Paris wall clock).
 * An order after the cut-off, or on a non-working day, is processed on the next working day; the lead time
 * counts working days (Mon–Fri, French public holidays excluded); the result is then moved to the point's
 * next receiving weekday that is not a public holiday.
 */
export function earliestDeliveryDate(now: { date: IsoDate; time: string }, schedule: DeliverySchedule): IsoDate | null {
  const key = `${now.date} ${now.time} ${schedule.cutoffTime} ${schedule.leadTimeDays} ${schedule.deliveryWeekdays.join(',')}`;
  let earliest = EARLIEST.get(key);
  if (earliest === undefined) {
    if (EARLIEST.size >= 1000) EARLIEST.clear();
    EARLIEST.set(key, (earliest = computeEarliest(now, schedule)));
  }
  return earliest;
}

// The checks ask it several times per order, and an EDI file brings thousands of orders for a few delivery
// points on one clock: the answers are kept by what they depend on (a bounded cache of a pure function).
const EARLIEST = new Map<string, IsoDate | null>();

/** The working day an order taken now is processed on: today on a working day before the cut-off, else the next one. */
export function processingDay(now: { date: IsoDate; time: string }, cutoffTime: string): IsoDate {
  return isWorkingDay(now.date) && now.time < cutoffTime ? now.date : nextWorkingDay(now.date);
}

function computeEarliest(now: { date: IsoDate; time: string }, schedule: DeliverySchedule): IsoDate | null {
  if (schedule.deliveryWeekdays.length === 0) return null;
  let date = processingDay(now, schedule.cutoffTime);
  for (let i = 0; i < schedule.leadTimeDays; i++) date = nextWorkingDay(date);
  for (let guard = 0; guard < 366; guard++) {
    if (isDeliveryDay(date, schedule)) return date;
    date = addDays(date, 1);
  }
  return null;
}

/** Why a delivery point cannot be delivered on a date: the reason the date field shows beside the next good date. */
export type DeliveryDateProblem = 'before-earliest' | 'public-holiday' | 'not-a-delivery-day';

/**
 * What is wrong with a requested date for a point, and the first date on or after it (and on or after the earliest
 * possible one) that the point receives goods; null when the date is fine. `next` is null when the point has no
 * receiving day at all.
 */
export function checkDeliveryDate(
  date: IsoDate,
  schedule: Pick<DeliverySchedule, 'deliveryWeekdays'>,
  earliest: IsoDate | null,
): { problem: DeliveryDateProblem; next: IsoDate | null } | null {
  const problem: DeliveryDateProblem | null =
    earliest !== null && date < earliest
      ? 'before-earliest'
      : isFrenchPublicHoliday(date) && schedule.deliveryWeekdays.includes(weekdayOf(date))
        ? 'public-holiday'
        : isDeliveryDay(date, schedule)
          ? null
          : 'not-a-delivery-day';
  if (problem === null) return null;
  let next = earliest !== null && earliest > date ? earliest : date;
  for (let guard = 0; guard < 366; guard++, next = addDays(next, 1)) {
    if (isDeliveryDay(next, schedule)) return { problem, next };
  }
  return { problem, next: null };
}
