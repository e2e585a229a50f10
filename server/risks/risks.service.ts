import type { Db } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { parisNow, daysBetween } from '../../core/calendar/dates.ts';
import type { RiskCause, RiskStatus } from '../../core/risks/risk.types.ts';
import { optionEffects } from '../../core/risks/options.ts';
import { findOpenTaskByKey } from '../tasks/tasks.repository.ts';
import { RISK_CALL_BACK_TASK } from './resolve-risk.ts';
import * as repo from './risks.repository.ts';
import { findAppliedOption } from './undo-risk-option.ts';
import { listRiskContacts, loadRiskOptions, situation } from './risk-call.ts';

/** A stored risk as the screens read it: the priority's reason in both languages, and the days left from today. */
function toRisk(row: repo.RiskRow, today: string) {
  const { priorityReasonFr, priorityReasonEn, valueCents, exposureCents, ...rest } = row;
  return {
    ...rest,
    valueCents: Number(valueCents),
    exposureCents: Number(exposureCents),
    priorityReason: { fr: priorityReasonFr, en: priorityReasonEn },
    daysLeft: daysBetween(today, row.promisedDate),
  };
}

export async function listRisks(db: Db, filter: { status?: RiskStatus; customerId?: number; cause?: RiskCause }, now: Date) {
  const today = parisNow(now).date;
  return (await repo.listRisks(db, { ...filter, limit: 1000 })).map((r) => toRisk(r, today));
}

export async function getRisk(db: Db, id: number, now: Date) {
  const row = await repo.findRisk(db, id);
  if (!row) throw notFound('Risk', id);
  return toRisk(row, parisNow(now).date);
}

/** A risk as the call screen reads it: the options ranked, the contacts (order contact first), the situation and a script. */
export async function getRiskForCall(db: Db, id: number, now: Date) {
  const row = await repo.findRisk(db, id);
  if (!row) throw notFound('Risk', id);
  const [{ order, options, optionsContext, warehouse }, contacts, back, applied] = await Promise.all([
    loadRiskOptions(db, row, now),
    listRiskContacts(db, row.customerId),
    row.status === 'open' ? findOpenTaskByKey(db, RISK_CALL_BACK_TASK, `risk:${id}`) : undefined,
    row.status === 'resolved' ? findAppliedOption(db, row.orderId, id) : null,
  ]);
  const text = situation(row, order, options, contacts.contacts[0]?.name ?? null, warehouse);
  const callBackAt = back?.dataJson ? (JSON.parse(back.dataJson) as { callBackAt?: string }).callBackAt : undefined;
  return {
    ...toRisk(row, parisNow(now).date),
    options:
      row.status === 'open' && optionsContext ? options.map((o) => ({ ...o, effects: optionEffects(o.changes, optionsContext) })) : [],
    callBack: callBackAt ? parisNow(new Date(callBackAt)) : null,
    applied,
    ...contacts,
    ...text,
    warehouse,
    deliveryRequirement: order.deliveryRequirement,
  };
}

export const countOpenRisks = repo.countOpenRisks;
