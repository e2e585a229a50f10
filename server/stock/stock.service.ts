import { recordAudit } from '../audit/audit.repository.ts';
import { findProduct } from '../catalog/products.repository.ts';
import { conflict, gs1Errors, rejectInvalid } from '../http/field-errors.ts';
import type { Db } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { requestRiskScan } from '../risks/risk-scheduler.ts';
import * as repo from './stock.repository.ts';
import type { StockLevel, Warehouse, WarehouseInput } from '../../core/stock/stock.schemas.ts';

/** Availability is derived, never stored: what is on the shelf less what released orders hold. */
function withAvailable<T extends { onHand: number; reserved: number }>(row: T): T & { available: number } {
  return { ...row, available: row.onHand - row.reserved };
}

function warehouseValues(input: WarehouseInput) {
  return {
    code: input.code,
    name: input.name,
    street: input.street ?? null,
    postcode: input.postcode ?? null,
    city: input.city ?? null,
    gln: input.gln ?? null,
  };
}

export function listWarehouses(db: Db): Promise<Warehouse[]> {
  return repo.listWarehouses(db);
}

async function checkWarehouse(db: Db, input: WarehouseInput, exceptId: number | null): Promise<void> {
  rejectInvalid(gs1Errors('gln', input.gln));
  const clash = await repo.findWarehouseByCode(db, input.code);
  if (clash && clash.id !== exceptId) throw conflict('body.code', input.code, `Warehouse code ${input.code} is already used`);
}

export async function createWarehouse(db: Db, input: WarehouseInput, userId: number, now: Date): Promise<Warehouse> {
  await checkWarehouse(db, input, null);
  return db.transaction().execute(async (trx) => {
    const id = await repo.insertWarehouse(trx, warehouseValues(input));
    const created = (await repo.findWarehouse(trx, id))!;
    await recordAudit(trx, { entityType: 'warehouse', entityId: id, action: 'create', userId, after: created, at: now.toISOString() });
    return created;
  });
}

export async function updateWarehouse(db: Db, id: number, input: WarehouseInput, userId: number, now: Date): Promise<Warehouse> {
  const before = await repo.findWarehouse(db, id);
  if (!before) throw notFound('Warehouse', id);
  await checkWarehouse(db, input, id);
  return db.transaction().execute(async (trx) => {
    await repo.updateWarehouse(trx, id, warehouseValues(input));
    const after = (await repo.findWarehouse(trx, id))!;
    await recordAudit(trx, { entityType: 'warehouse', entityId: id, action: 'update', userId, before, after, at: now.toISOString() });
    return after;
  });
}

export async function listStock(db: Db, filter: { warehouseId?: number; productId?: number; q?: string }): Promise<StockLevel[]> {
  const rows = await repo.listStock(db, { ...filter, limit: 2000 });
  return rows.map(withAvailable);
}

export async function stockOfProduct(db: Db, productId: number) {
  const rows = await repo.listStock(db, { productId, limit: 100 });
  return rows.map((r) =>
    withAvailable({ warehouseId: r.warehouseId, warehouseName: r.warehouseName, onHand: r.onHand, reserved: r.reserved }),
  );
}

/** An inventory count: the new on-hand figure replaces the old one, audited with both. */
export async function setOnHand(
  db: Db,
  warehouseId: number,
  productId: number,
  onHand: number,
  userId: number,
  now: Date,
): Promise<StockLevel> {
  if (!(await repo.findWarehouse(db, warehouseId))) throw notFound('Warehouse', warehouseId);
  if (!(await findProduct(db, productId))) throw notFound('Product', productId);
  // A new count changes what every open order can get: the risk scan follows.
  requestRiskScan();
  return db.transaction().execute(async (trx) => {
    const before = await repo.findStockLevel(trx, warehouseId, productId);
    await repo.upsertOnHand(trx, { warehouseId, productId, onHand, updatedAt: now.toISOString() });
    const after = withAvailable((await repo.findStockLevel(trx, warehouseId, productId))!);
    await recordAudit(trx, {
      entityType: 'stock_level',
      entityId: productId,
      action: 'set_on_hand',
      userId,
      before: before ? { warehouseId, onHand: before.onHand, reserved: before.reserved } : null,
      after: { warehouseId, onHand: after.onHand, reserved: after.reserved },
      at: now.toISOString(),
    });
    return after;
  });
}
