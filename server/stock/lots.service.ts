import { isIsoDate } from '../../core/calendar/dates.ts';
import { listAuditEvents, recordAudit } from '../audit/audit.repository.ts';
import type { Db, DbOrTrx } from '../db/database.ts';
import { workbookOf } from '../http/excel.ts';
import { invalid, notFound } from '../errors.ts';
import { findLot, listLots, updateLot } from './availability.repository.ts';
import { adjustStock } from './stock.repository.ts';

import type { LotQuery } from '../../core/stock/availability.schemas.ts';

type LotCorrection = { quantity: number; bestBefore: string; productionDate?: string | null };

/**
 * A manager corrects a lot after a count or a misread label: its quantity (the stock level follows), its DDM, its
 * production date. Audited with before and after, since a lot's DDM decides which customers may receive it.
 */
export async function correctLot(db: Db, id: number, input: LotCorrection, userId: number, now: Date) {
  for (const field of ['bestBefore', 'productionDate'] as const) {
    const value = input[field];
    if (value != null && !isIsoDate(value)) throw invalid(`body.${field}`, 'not-a-date', { value }, `body.${field} is not a calendar date`);
  }
  if (input.productionDate && input.productionDate > input.bestBefore)
    throw invalid('body.bestBefore', 'before-start', { after: 'productionDate' }, 'body.bestBefore is before the production date');
  return db.transaction().execute(async (trx) => {
    const lot = await findLot(trx, id);
    if (!lot) throw notFound('Stock lot', id);
    // The lot named with its place, so that the history reads without looking the lot up.
    const before = {
      lot: lot.lot,
      warehouseCode: lot.warehouseCode,
      quantity: lot.quantity,
      bestBefore: lot.bestBefore,
      productionDate: lot.productionDate,
    };
    const after = {
      lot: lot.lot,
      warehouseCode: lot.warehouseCode,
      quantity: input.quantity,
      bestBefore: input.bestBefore,
      productionDate: input.productionDate === undefined ? lot.productionDate : input.productionDate,
    };
    await updateLot(trx, id, {
      quantity: after.quantity,
      bestBefore: after.bestBefore,
      productionDate: after.productionDate,
      updatedAt: now.toISOString(),
    });
    // The lots are what is on the shelf: a counted lot moves the warehouse's stock by the same quantity, so
    // availability (which counts the stock level) and the lots never disagree.
    if (after.quantity !== lot.quantity)
      await adjustStock(
        trx,
        { warehouseId: lot.warehouseId, productId: lot.productId },
        { onHand: after.quantity - lot.quantity },
        now.toISOString(),
      );
    await recordAudit(trx, { entityType: 'stock_lot', entityId: id, action: 'update', userId, before, after, at: now.toISOString() });
    return { ...lot, ...after };
  });
}

const lotsOf = (db: DbOrTrx, query: LotQuery) =>
  listLots(db, { productIds: query.productId === undefined ? undefined : [query.productId], warehouseId: query.warehouseId });

/** Who corrected the lots (of a product, of a warehouse), what and when: the audit read back, newest first. */
export async function lotHistory(db: DbOrTrx, query: LotQuery) {
  const ids = new Set((await lotsOf(db, query)).map((l) => l.id));
  return (await listAuditEvents(db, { entityType: 'stock_lot' })).filter((e) => ids.has(e.entityId)).reverse();
}

/** The lots as an Excel sheet, as the product page lists them (oldest DDM first). */
export async function lotsWorkbook(db: DbOrTrx, query: LotQuery): Promise<Buffer> {
  return workbookOf({
    name: 'Lots',
    columns: [
      { header: 'Dépôt', key: 'warehouseCode', width: 10 },
      { header: 'Code article', key: 'productCode', width: 18 },
      { header: 'Lot', key: 'lot', width: 14 },
      { header: 'Produit le', key: 'productionDate', width: 12 },
      { header: 'DDM', key: 'bestBefore', width: 12 },
      { header: 'Quantité', key: 'quantity', width: 12, style: { numFmt: '#,##0' } },
    ],
    rows: (await lotsOf(db, query)).map((l) => ({ ...l, productionDate: l.productionDate ?? '' })),
  });
}
