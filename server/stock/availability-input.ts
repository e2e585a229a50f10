import type { AvailabilityPayload } from '../../core/stock/availability-context.ts';
import type { DbOrTrx } from '../db/database.ts';
import { applyShortfalls } from '../../core/risks/production-shortfall.ts';
import * as repo from './availability.repository.ts';
import { loadShortfallsCutting } from './production-shortfalls.repository.ts';

/**
 * What availability needs for these products and one customer, in one round of set-based queries: stock levels,
 * lots, planned receipts (not cancelled; the production a shortfall cuts, cut), the other confirmed orders' open
 * lines, each product's substitutes (loaded too, so the rule can say which are in stock) and the customer's minimum
 * remaining shelf life. Plain JSON: the order screen gets it as is and builds the rules' context with
 * `availabilityContext` (core/stock).
 * `excludeOrderId`: the order being checked, whose own lines must not reserve against themselves.
 */
export async function loadAvailabilityInput(
  db: DbOrTrx,
  productIds: readonly number[],
  customerId: number | null,
  options: { excludeOrderId?: number } = {},
): Promise<AvailabilityPayload> {
  const wanted = [...new Set(productIds)];
  const subs = await repo.listSubstitutes(db, wanted);
  const all = [...new Set([...wanted, ...subs.map((s) => s.substituteId)])];
  const [products, levels, lots, planned, reservations, settings, cuts] = await Promise.all([
    repo.listShelfLives(db, all),
    repo.listStockLevelsOf(db, all),
    repo.listLots(db, { productIds: all }),
    repo.listReceipts(db, { productIds: all, status: 'planned' }),
    repo.listOpenReservations(db, all, options.excludeOrderId ?? null),
    customerId === null ? undefined : repo.findSupplySettings(db, customerId),
    loadShortfallsCutting(db, { productIds: all }),
  ]);
  // A production shortfall cuts the runs due within it: what is promised counts on what will really come out.
  const receipts = planned.map(
    (r) =>
      applyShortfalls(
        [{ ...r, production: r.kind === 'PRODUCTION' }],
        cuts.filter((c) => c.productId === r.productId && c.warehouseId === r.warehouseId),
      )[0],
  );
  return {
    minRemainingShelfLifePct: settings?.minRemainingShelfLifePct ?? null,
    products: products.map((p) => ({
      productId: p.id,
      shelfLifeDays: p.shelfLifeDays,
      substituteIds: wanted.includes(p.id) ? subs.filter((s) => s.productId === p.id).map((s) => s.substituteId) : [],
      stockByWarehouse: levels
        .filter((l) => l.productId === p.id)
        .map(({ warehouseId, onHand, reserved }) => ({ warehouseId, onHand, reserved })),
      lots: lots
        .filter((l) => l.productId === p.id)
        .map((l) => ({
          warehouseId: l.warehouseId,
          lot: l.lot,
          productionDate: l.productionDate,
          bestBefore: l.bestBefore,
          quantity: l.quantity,
        })),
      receipts: receipts
        .filter((r) => r.productId === p.id)
        .map((r) => ({ warehouseId: r.warehouseId, date: r.date, quantity: r.quantity, ref: r.ref })),
      // A line bound to a warehouse weighs there; a part split off weighs on its own date.
      reservations: reservations
        .filter((r) => r.productId === p.id)
        .map((r) => ({ warehouseId: r.warehouseId, date: r.date, quantity: Number(r.quantity) })),
    })),
  };
}
