import { parisNow } from '../../core/calendar/dates.ts';
import type { Typology } from '../../core/customers/customer.ts';
import { LEGAL_FRAME } from '../../core/penalties/penalty.ts';
import type {
  ProductStock,
  Risk,
  RiskLine,
  RiskOrder,
  RiskPenaltyTerms,
  RiskReceipt,
  WarehouseStockView,
} from '../../core/risks/risk.types.ts';
import type { ProductionShortfall } from '../../core/risks/production-shortfall.ts';
import { scanRisks } from '../../core/risks/scan-risks.ts';
import type { Db, Trx } from '../db/database.ts';
import { PostgresAdapter } from 'kysely';
import { loadShortfallsCutting } from '../stock/production-shortfalls.repository.ts';
import * as repo from './risks.repository.ts';

export type ScanReport = {
  skipped: boolean;
  lines: number;
  found: number;
  inserted: number;
  updated: number;
  obsoleted: number;
  ms: number;
};

const DEFAULT_TRUCK = { maxPallets: 33, maxWeightG: 24_000_000 };

/** The whole open order book and the stock view, in a handful of set-based queries. */
async function loadScanInput(
  trx: Trx,
  today: string,
): Promise<{ lines: RiskLine[]; stock: Map<number, ProductStock>; shortfalls: ProductionShortfall[] }> {
  const [orders, rows, shipping, onHand, lots, receipts, shelf, settings, clauses, trucks, cuts] = await Promise.all([
    repo.loadOpenOrders(trx),
    repo.loadOpenLines(trx),
    repo.loadPlannedDeliveryWarehouses(trx),
    repo.loadOnHand(trx),
    repo.loadLots(trx),
    repo.loadReceipts(trx),
    repo.loadShelfLives(trx),
    repo.loadSupplySettings(trx),
    repo.loadPenaltyClauses(trx),
    repo.loadTruckLimits(trx, today),
    loadShortfallsCutting(trx, { from: today }),
  ]);
  const pct = new Map(settings.map((s) => [s.customerId, s.minRemainingShelfLifePct]));
  const penalty = new Map<number, RiskPenaltyTerms>(
    clauses.map((c) => [
      c.customerId,
      {
        l441Applicable: c.l441Applicable === 1,
        missingValueBp: c.missingValueBp,
        lateFlatCents: c.lateFlatCents,
        latePerDayCents: c.latePerDayCents,
        incidentFlatCents: c.incidentFlatCents,
        capBp: LEGAL_FRAME.capBp,
      },
    ]),
  );
  const truckOfTypology = new Map(
    trucks.byTypology.map((t) => [t.typology, { maxPallets: t.truckMaxPallets, maxWeightG: t.truckMaxWeightG }]),
  );
  const truckOfCustomer = new Map(trucks.byCustomer.map((t) => [t.customerId, t]));
  const truckFor = (customerId: number, typology: string) => {
    const base = truckOfTypology.get(typology) ?? DEFAULT_TRUCK;
    const own = truckOfCustomer.get(customerId);
    return own ? { maxPallets: own.truckMaxPallets ?? base.maxPallets, maxWeightG: own.truckMaxWeightG ?? base.maxWeightG } : base;
  };

  // What a line needs of its order, built once per order and shared by its lines.
  const orderOf = new Map<number, RiskOrder>();
  for (const o of orders) {
    const promisedDate = o.promisedDate ?? o.requestedDate;
    if (!promisedDate) continue;
    orderOf.set(o.id, {
      orderId: o.id,
      orderNumber: o.number,
      customerId: o.customerId,
      typology: o.typology as Typology,
      released: o.status === 'released',
      promisedDate,
      minRemainingShelfLifePct: pct.get(o.customerId) ?? null,
      appointmentRequired: o.appointmentRequired === 1,
      appointmentAt: o.appointmentAt,
      palletsCenti: o.palletsCenti,
      weightG: Number(o.weightG),
      truck: truckFor(o.customerId, o.typology),
      penalty: penalty.get(o.customerId) ?? null,
    });
  }
  const category = new Map(shelf.map((p) => [p.id, p.penaltyCategory]));
  // A released line leaves from its delivery's warehouse; a confirmed one from the warehouse a decision bound it to.
  const leavesFrom = new Map(shipping.map((d) => [d.orderLineId, d.warehouseId]));
  const lines: RiskLine[] = [];
  for (const r of rows) {
    const order = orderOf.get(r.orderId);
    if (!order) continue;
    lines.push({
      order,
      lineId: r.id,
      lineNo: r.lineNo,
      productId: r.productId,
      quantity: r.quantity,
      netCents: Number(r.netCents),
      penaltyCategory: category.get(r.productId) ?? null,
      warehouseId: leavesFrom.get(r.id) ?? r.warehouseId,
      plannedDate: r.plannedDate,
    });
  }

  type Place = { warehouseId: number; onHand: number; lots: WarehouseStockView['lots'][number][]; receipts: RiskReceipt[] };
  const stock = new Map<number, { shelfLifeDays: number | null; warehouses: Place[] }>();
  const entry = (productId: number) => {
    let s = stock.get(productId);
    if (!s) stock.set(productId, (s = { shelfLifeDays: null, warehouses: [] }));
    return s;
  };
  const at = (productId: number, warehouseId: number) => {
    const s = entry(productId);
    let w = s.warehouses.find((x) => x.warehouseId === warehouseId);
    if (!w) s.warehouses.push((w = { warehouseId, onHand: 0, lots: [], receipts: [] }));
    return w;
  };
  for (const p of shelf) entry(p.id).shelfLifeDays = p.shelfLifeDays;
  for (const l of onHand) at(l.productId, l.warehouseId).onHand = Number(l.onHand);
  for (const l of lots)
    at(l.productId, l.warehouseId).lots.push({ productionDate: l.productionDate, bestBefore: l.bestBefore, quantity: l.quantity });
  for (const r of receipts)
    at(r.productId, r.warehouseId).receipts.push({
      id: r.id,
      date: r.date,
      originalDate: r.originalDate,
      quantity: r.quantity,
      status: r.status === 'cancelled' ? 'cancelled' : 'planned',
      ref: r.ref,
      production: r.kind === 'PRODUCTION',
    });
  return { lines, stock, shortfalls: cuts };
}

function values(r: Risk) {
  return {
    shortfall: r.shortfall,
    valueCents: r.valueCents,
    exposureCents: r.exposureCents,
    priorityScore: r.priority.score,
    priorityReasonFr: r.priority.reason.fr,
    priorityReasonEn: r.priority.reason.en,
    receiptRef: r.receiptRef,
  };
}

/**
 * The risk scan as the job runs it: load, call core's scanRisks, and reconcile with the stored risks in one
 * transaction — a new problem is inserted, one still there is updated (only when its figures moved), one gone is
 * obsolete. A risk someone resolved is not reopened for the same line, cause and date: her decision stands until
 * the order changes. On PostgreSQL an advisory lock taken inside the transaction makes sure two app nodes never
 * scan at once: the second one sees the lock taken and skips (the first one's result serves both).
 */
export async function runRiskScan(db: Db, now: Date): Promise<ScanReport> {
  const t0 = performance.now();
  const today = parisNow(now).date;
  const at = now.toISOString();
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  return db.transaction().execute(async (trx) => {
    if (pg && !(await repo.tryScanLock(trx)))
      return { skipped: true, lines: 0, found: 0, inserted: 0, updated: 0, obsoleted: 0, ms: performance.now() - t0 };
    const [{ lines, stock, shortfalls }, stored] = await Promise.all([loadScanInput(trx, today), repo.loadRiskKeys(trx)]);
    const risks = scanRisks(lines, stock, today, shortfalls);

    const open = new Map(stored.filter((s) => s.status === 'open').map((s) => [s.riskKey, s]));
    const resolved = new Set(stored.filter((s) => s.status === 'resolved').map((s) => s.riskKey));
    const fresh = [];
    let updated = 0;
    for (const r of risks) {
      const known = open.get(r.key);
      if (known) {
        open.delete(r.key);
        const v = values(r);
        const moved =
          known.shortfall !== v.shortfall ||
          Number(known.exposureCents) !== v.exposureCents ||
          known.priorityScore !== v.priorityScore ||
          known.priorityReasonFr !== v.priorityReasonFr ||
          Number(known.valueCents) !== v.valueCents ||
          known.receiptRef !== v.receiptRef;
        if (moved) {
          await repo.updateRisk(trx, known.id, { ...v, updatedAt: at });
          updated++;
        }
      } else if (!resolved.has(r.key)) {
        fresh.push({
          riskKey: r.key,
          orderId: r.orderId,
          orderLineId: r.orderLineId,
          customerId: r.customerId,
          productId: r.productId,
          cause: r.cause,
          promisedDate: r.promisedDate,
          ...values(r),
          status: 'open' as const,
          detectedAt: at,
          updatedAt: at,
          resolvedAt: null,
          resolvedBy: null,
          resolutionOption: null,
          resolutionNote: null,
        });
      }
    }
    await repo.insertRisks(trx, fresh);
    const gone = [...open.values()].map((s) => s.id);
    await repo.markObsolete(trx, gone, at);
    return {
      skipped: false,
      lines: lines.length,
      found: risks.length,
      inserted: fresh.length,
      updated,
      obsoleted: gone.length,
      ms: performance.now() - t0,
    };
  });
}
