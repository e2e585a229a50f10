import { isIsoDate, parisNow } from '../../core/calendar/dates.ts';
import { lastDayOf } from '../../core/risks/production-shortfall.ts';
import type { ProductionShortfallInput, ShortfallState } from '../../core/stock/production-shortfall.schemas.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findProduct } from '../catalog/products.repository.ts';
import type { Db } from '../db/database.ts';
import { AppError, type FieldError, notFound } from '../errors.ts';
import { rejectInvalid } from '../http/field-errors.ts';
import { runRiskScan } from '../risks/risk-scan.ts';
import { listRisks } from '../risks/risks.service.ts';
import * as repo from './production-shortfalls.repository.ts';
import { findWarehouse } from './stock.repository.ts';

function toShortfall(row: repo.ShortfallRow, today: string) {
  const { fromDate, toDate, ...rest } = row;
  const last = lastDayOf({ ...row, from: fromDate, to: toDate });
  const state: ShortfallState = last < today || last < fromDate ? 'over' : fromDate > today ? 'upcoming' : 'ongoing';
  return { ...rest, from: fromDate, to: toDate, state };
}

export async function listShortfalls(db: Db, now: Date) {
  const today = parisNow(now).date;
  return (await repo.listShortfalls(db)).map((r) => toShortfall(r, today));
}

/** Runs the risk scan now (the desk waits for it) and counts the orders its production-shortfall risks name for the product. */
async function scanFor(db: Db, row: repo.ShortfallRow, now: Date) {
  await runRiskScan(db, now);
  const risks = await listRisks(db, { status: 'open', cause: 'production-shortfall' }, now);
  return {
    shortfall: toShortfall(row, parisNow(now).date),
    ordersAtRisk: new Set(risks.filter((r) => r.productId === row.productId).map((r) => r.orderId)).size,
  };
}

/**
 * A line that produces less over a period (a breakdown, a shortage of an ingredient): the scan cuts the product's
 * production receipts for the warehouse by the share lost on the days it lasts. Checked: the dates exist and the
 * last one is not before the first, the product and the warehouse are known (the share, 1 to 100 %, by the schema).
 */
export async function createShortfall(db: Db, input: ProductionShortfallInput, userId: number, now: Date) {
  const errors: FieldError[] = [];
  for (const field of ['from', 'to'] as const)
    if (!isIsoDate(input[field]))
      errors.push({ path: field, code: 'not-a-date', params: { value: input[field] }, message: 'is not a calendar date' });
  if (!errors.length && input.to < input.from)
    errors.push({ path: 'to', code: 'before-start', params: { after: 'from' }, message: 'is before the first day' });
  if (!(await findProduct(db, input.productId)))
    errors.push({ path: 'productId', code: 'not-found', params: { entity: 'product', id: input.productId }, message: 'no such product' });
  if (!(await findWarehouse(db, input.warehouseId)))
    errors.push({
      path: 'warehouseId',
      code: 'not-found',
      params: { entity: 'warehouse', id: input.warehouseId },
      message: 'no such warehouse',
    });
  rejectInvalid(errors);
  const at = now.toISOString();
  const row = await db.transaction().execute(async (trx) => {
    const id = await repo.insertShortfall(trx, {
      productId: input.productId,
      warehouseId: input.warehouseId,
      fromDate: input.from,
      toDate: input.to,
      reducedPct: input.reducedPct,
      cause: input.cause.trim(),
      createdBy: userId,
      createdAt: at,
      endedOn: null,
      endedBy: null,
      endedAt: null,
    });
    const created = (await repo.findShortfall(trx, id))!;
    await recordAudit(trx, { entityType: 'production_shortfall', entityId: id, action: 'create', userId, after: created, at });
    return created;
  });
  return scanFor(db, row, now);
}

/** Output is back today: the shortfall no longer cuts what is produced from today on. One already over is refused (409). */
export async function endShortfall(db: Db, id: number, userId: number, now: Date) {
  const before = await repo.findShortfall(db, id);
  if (!before) throw notFound('Production shortfall', id);
  const today = parisNow(now).date;
  if (toShortfall(before, today).state === 'over') throw new AppError('CONFLICT', `Production shortfall ${id} is already over`);
  const at = now.toISOString();
  const row = await db.transaction().execute(async (trx) => {
    await repo.endShortfall(trx, id, { endedOn: today, endedBy: userId, endedAt: at });
    const after = (await repo.findShortfall(trx, id))!;
    await recordAudit(trx, { entityType: 'production_shortfall', entityId: id, action: 'update', userId, before, after, at });
    return after;
  });
  return scanFor(db, row, now);
}
