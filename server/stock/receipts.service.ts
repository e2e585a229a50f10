import { recordAudit } from '../audit/audit.repository.ts';
import { findProduct } from '../catalog/products.repository.ts';
import type { Db } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { conflict } from '../http/field-errors.ts';
import { requestRiskScan } from '../risks/risk-scheduler.ts';
import * as repo from './availability.repository.ts';
import type { ReceiptInput } from '../../core/stock/availability.schemas.ts';
import { findWarehouse } from './stock.repository.ts';

export function listReceipts(db: Db, filter: { productId?: number; warehouseId?: number; status?: string; from?: string }) {
  return repo.listReceipts(db, { ...filter, productIds: filter.productId === undefined ? undefined : [filter.productId] });
}

async function checkRefs(db: Db, input: ReceiptInput, exceptId: number | null): Promise<void> {
  if (!(await findWarehouse(db, input.warehouseId))) throw notFound('Warehouse', input.warehouseId);
  if (!(await findProduct(db, input.productId))) throw notFound('Product', input.productId);
  if (input.ref) {
    const clash = await repo.findReceiptByRef(db, { warehouseId: input.warehouseId, productId: input.productId, ref: input.ref });
    if (clash && clash.id !== exceptId)
      throw conflict('body.ref', input.ref, `Receipt ${input.ref} is already planned for this product and warehouse`);
  }
}

/** A receipt planned by production or purchasing; the date it is planned for is remembered as its original date. */
export async function createReceipt(db: Db, input: ReceiptInput, userId: number, now: Date) {
  await checkRefs(db, input, null);
  const at = now.toISOString();
  const created = await db.transaction().execute(async (trx) => {
    const id = await repo.insertReceipt(trx, {
      warehouseId: input.warehouseId,
      productId: input.productId,
      date: input.date,
      originalDate: input.date,
      quantity: input.quantity,
      kind: input.kind,
      ref: input.ref ?? null,
      status: input.status ?? 'planned',
      note: input.note ?? null,
      createdAt: at,
      updatedAt: at,
    });
    const row = (await repo.findReceipt(trx, id))!;
    await recordAudit(trx, { entityType: 'planned_receipt', entityId: id, action: 'create', userId, after: row, at: now.toISOString() });
    return row;
  });
  requestRiskScan();
  return created;
}

/**
 * Moves, resizes or cancels a receipt. The original date stays: a receipt moved past an order's date is what the
 * risk scan reports as `receipt-late`. Every change starts a risk scan.
 */
export async function updateReceipt(db: Db, id: number, input: ReceiptInput, userId: number, now: Date) {
  const before = await repo.findReceipt(db, id);
  if (!before) throw notFound('Receipt', id);
  await checkRefs(db, input, id);
  const updated = await db.transaction().execute(async (trx) => {
    await repo.updateReceipt(trx, id, {
      warehouseId: input.warehouseId,
      productId: input.productId,
      date: input.date,
      quantity: input.quantity,
      kind: input.kind,
      ref: input.ref ?? null,
      status: input.status ?? before.status,
      note: input.note === undefined ? before.note : input.note,
      updatedAt: now.toISOString(),
    });
    const after = (await repo.findReceipt(trx, id))!;
    await recordAudit(trx, { entityType: 'planned_receipt', entityId: id, action: 'update', userId, before, after, at: now.toISOString() });
    return after;
  });
  requestRiskScan();
  return updated;
}
