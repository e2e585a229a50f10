import { type IsoDate, isIsoDate } from '../../core/calendar/dates.ts';
import type { SessionUser } from '../../core/auth/roles.ts';
import { penaltyCategoryName } from '../../core/penalties/penalty.ts';
import { listAuditEvents, recordAudit } from '../audit/audit.repository.ts';
import type { Db, DbOrTrx } from '../db/database.ts';
import { AppError, notFound } from '../errors.ts';
import { workbookOf } from '../http/excel.ts';
import { findForceMajeureRow, insertForceMajeure, listForceMajeureRows, updateForceMajeure } from './penalties.repository.ts';
import { toPeriod } from './penalty-notices.ts';

type PeriodInput = { label: string; from: IsoDate; to: IsoDate; categories?: string[] | null; description?: string | null };

export async function listForceMajeure(db: DbOrTrx) {
  return (await listForceMajeureRows(db)).map(toPeriod);
}

/** Both dates real calendar dates, the end not before the start: a period outside the calendar clears nothing. */
function checkDates(input: PeriodInput): void {
  if (!isIsoDate(input.from) || !isIsoDate(input.to))
    throw new AppError('VALIDATION', 'Invalid request: body.from or body.to is not a calendar date', [
      {
        path: isIsoDate(input.from) ? 'body.to' : 'body.from',
        code: 'not-a-date',
        params: { value: isIsoDate(input.from) ? input.to : input.from },
        message: 'is not a calendar date',
      },
    ]);
  if (input.to < input.from)
    throw new AppError('VALIDATION', 'Invalid request: body.to is before body.from', [
      { path: 'body.to', code: 'before-start', params: { after: 'from' }, message: 'is before the start of the period' },
    ]);
}

/** The row's columns; the audit keeps them as stored, so the history reads the same before and after. */
const columns = (input: PeriodInput) => ({
  label: input.label,
  dateFrom: input.from,
  dateTo: input.to,
  categories: input.categories?.length ? input.categories.join(',') : null,
  description: input.description?.trim() || null,
});

export async function recordForceMajeure(db: Db, input: PeriodInput, actor: SessionUser, now: Date) {
  checkDates(input);
  return db.transaction().execute(async (trx) => {
    const values = { ...columns(input), createdAt: now.toISOString() };
    const id = await insertForceMajeure(trx, values);
    await recordAudit(trx, {
      entityType: 'force_majeure_period',
      entityId: id,
      action: 'create',
      userId: actor.id,
      after: values,
      at: now.toISOString(),
    });
    return toPeriod({ id, ...values });
  });
}

/**
 * Changes a period: its words, its categories, or its dates; ending one early is moving its end date. Kept, never
 * deleted: a notice contested on it must still find the period the letter named.
 */
export async function changeForceMajeure(db: Db, id: number, input: PeriodInput, actor: SessionUser, now: Date) {
  checkDates(input);
  return db.transaction().execute(async (trx) => {
    const row = await findForceMajeureRow(trx, id);
    if (!row) throw notFound('Force-majeure period', id);
    const { id: _id, createdAt: _c, ...before } = row;
    const after = columns(input);
    await updateForceMajeure(trx, id, after);
    await recordAudit(trx, {
      entityType: 'force_majeure_period',
      entityId: id,
      action: 'update',
      userId: actor.id,
      before,
      after,
      at: now.toISOString(),
    });
    return toPeriod({ ...row, ...after });
  });
}

/** Who recorded or changed the periods, what and when: the audit read back, newest first. */
export async function forceMajeureHistory(db: DbOrTrx) {
  return (await listAuditEvents(db, { entityType: 'force_majeure_period' })).reverse();
}

/** The periods as an Excel sheet, as the screen lists them (categories named as the CGV name them). */
export async function forceMajeureWorkbook(db: DbOrTrx): Promise<Buffer> {
  const periods = await listForceMajeure(db);
  return workbookOf({
    name: 'Force majeure',
    columns: [
      { header: 'Du', key: 'from', width: 12 },
      { header: 'Au', key: 'to', width: 12 },
      { header: 'Événement', key: 'label', width: 36 },
      { header: 'Catégories', key: 'categories', width: 48 },
      { header: 'Description', key: 'description', width: 48 },
    ],
    rows: periods.map((p) => ({
      from: p.from,
      to: p.to,
      label: p.label,
      categories: p.categories ? p.categories.map((c) => penaltyCategoryName(c, 'fr')).join(', ') : 'Toutes',
      description: p.description ?? '',
    })),
  });
}
