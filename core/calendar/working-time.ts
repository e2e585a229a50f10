import { addDays, type IsoDate } from './dates.ts';
import { isWorkingDay } from './delivery-date.ts';

/** A wall-clock moment in Paris, `YYYY-MM-DDTHH:MM`: compared as text, it sorts as time does. */
export type ParisDateTime = string;

/** The desk's opening hours on a working day: the hours a service time counts. */
export const DESK_HOURS = { opens: '08:00', closes: '18:00' } as const;

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const timeOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The date `days` working days (Mon–Fri, French public holidays excluded) after `date`; 0 is the date itself. */
export function addWorkingDays(date: IsoDate, days: number): IsoDate {
  let d = date;
  for (let left = days; left > 0;) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/**
 * The moment `hours` working hours after `from`, counting only the desk's hours on working days: a complaint
 * received on Friday at 17:00 with 4 hours to answer is due on Monday at 11:00 (Tuesday if Monday is a holiday).
 * A moment outside the hours counts from the next opening.
 */
export function addWorkingHours(from: { date: IsoDate; time: string }, hours: number): ParisDateTime {
  const opens = minutesOf(DESK_HOURS.opens);
  const closes = minutesOf(DESK_HOURS.closes);
  let date = from.date;
  let minute = Math.max(minutesOf(from.time), opens);
  if (!isWorkingDay(date) || minute >= closes) {
    date = nextWorkingDay(date);
    minute = opens;
  }
  let left = hours * 60;
  while (left > closes - minute) {
    left -= closes - minute;
    date = nextWorkingDay(date);
    minute = opens;
  }
  return `${date}T${timeOf(minute + left)}`;
}

function nextWorkingDay(date: IsoDate): IsoDate {
  return addWorkingDays(date, 1);
}
