import { recordAudit } from '../audit/audit.repository.ts';
import * as products from '../catalog/products.repository.ts';
import type { ImportWriter } from './import-writer.ts';
import { type ReceiptRow, receiptRows } from './receipt-rows.ts';
import { requestRiskScan } from '../risks/risk-scheduler.ts';
import * as repo from '../stock/availability.repository.ts';
import { warehouseIdsByCode } from '../stock/stock.repository.ts';

type Refs = { warehouseIds: Map<string, number>; productIds: Map<string, number> };

/** The import kind `planned-receipts`: upsert by warehouse, product and reference, audited, then a risk scan. */
export const receiptWriter: ImportWriter<ReceiptRow, Refs> = {
  spec: receiptRows,
  load: async (db) => ({ warehouseIds: await warehouseIdsByCode(db), productIds: (await products.productKeys(db)).idByCode }),
  check(r, refs) {
    return [
      ...(refs.warehouseIds.has(r.warehouseCode)
        ? []
        : [
            {
              column: 'warehouseCode',
              code: 'not-found' as const,
              params: { entity: 'warehouse', id: r.warehouseCode },
              reason: `no warehouse with code ${r.warehouseCode}`,
            },
          ]),
      ...(refs.productIds.has(r.productCode)
        ? []
        : [
            {
              column: 'productCode',
              code: 'not-found' as const,
              params: { entity: 'product', id: r.productCode },
              reason: `no product with code ${r.productCode}`,
            },
          ]),
    ];
  },
  async write(trx, r, refs, ctx) {
    const key = { warehouseId: refs.warehouseIds.get(r.warehouseCode)!, productId: refs.productIds.get(r.productCode)!, ref: r.ref };
    const before = await repo.findReceiptByRef(trx, key);
    const values = { date: r.date, quantity: r.quantity, kind: r.kind, status: r.status, updatedAt: ctx.now };
    let id: number;
    if (before) {
      await repo.updateReceipt(trx, before.id, values);
      id = before.id;
    } else {
      id = await repo.insertReceipt(trx, { ...key, ...values, originalDate: r.date, note: null, createdAt: ctx.now });
    }
    await recordAudit(trx, {
      entityType: 'planned_receipt',
      entityId: id,
      action: 'import',
      userId: ctx.userId,
      before: before ?? undefined,
      after: { ...key, ...values },
      notes: ctx.notes,
      at: ctx.now,
    });
    requestRiskScan();
  },
};
