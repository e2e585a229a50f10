import type { IsoDate } from '../../core/calendar/dates.ts';
import type { SatisfactionRow } from '../../core/day/candidates.ts';
import type { DbOrTrx } from '../db/database.ts';
import { satisfactionDue } from '../satisfaction/satisfaction.service.ts';

/** The satisfaction interviews due on or before a date (the satisfaction capability's rhythms), as day items. */
export async function satisfactionCallsDue(db: DbOrTrx, date: IsoDate): Promise<SatisfactionRow[]> {
  const due = await satisfactionDue(db, date);
  return due.map((d) => ({ id: d.customerId, customerId: d.customerId, customerName: d.customerName, dueDate: d.dueOn }));
}
