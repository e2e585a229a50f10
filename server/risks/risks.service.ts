import type { Db } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { parisNow, daysBetween } from '../../core/calendar/dates.ts';
import * as repo from './risks.repository.ts';

/** A stored risk as the screens read it: the priority's reason in both languages, and the days left from today. */
function toRisk(row: repo.RiskRow, today: string) {
  const { priorityReasonFr, priorityReasonEn, valueCents, exposureCents, ...rest } = row;
  return { ...rest, valueCents: Number(valueCents), exposureCents: Number(exposureCents), priorityReason: { fr: priorityReasonFr, en: priorityReasonEn }, daysLeft: daysBetween(today, row.promisedDate) };
}

export async function listRisks(db: Db, filter: { status?: string; customerId?: number; cause?: string }) {
  const today = parisNow(new Date()).date;
  return (await repo.listRisks(db, { ...filter, limit: 1000 })).map((r) => toRisk(r, today));
}

export async function getRisk(db: Db, id: number) {
  const row = await repo.findRisk(db, id);
  if (!row) throw notFound('Risk', id);
  return toRisk(row, parisNow(new Date()).date);
}

export const countOpenRisks = repo.countOpenRisks;
