import { LEGAL_FRAME } from '../../core/penalties/penalty.ts';
import { riskExposure } from '../../core/risks/exposure.ts';
import type { Trx } from '../db/database.ts';
import { insertRows } from '../db/insert-rows.ts';
import type { HistoryPlan } from './history-plan.ts';

type Ids = { orders: number[]; lines: number[][] };
type Lookups = {
  customers: Map<string, { id: number; assistantUserId: number | null }>;
  products: Map<string, { id: number; penaltyCategory: string | null }>;
};

/**
 * The history's risks resolved in time (server/demo/history-plan.ts PlannedRisk): stored as the risk scan and the
 * call screen would have left them, resolved by the customer's assistant, their exposure the customer's clause
 * (core/risks/exposure.ts) on the missing value, so that "penalties avoided" has something to say.
 */
export async function writeHistoryRisks(trx: Trx, plan: HistoryPlan, ids: Ids, k: Lookups): Promise<void> {
  if (plan.risks.length === 0) return;
  const clauses = new Map((await trx.selectFrom('penaltyClauses').selectAll().execute()).map((c) => [c.customerId, c]));
  // Solved by serving the line from the warehouse the order then left from: the option stored as the call screen does.
  const leftFrom = new Map(
    (
      await trx
        .selectFrom('deliveries')
        .where(
          'orderId',
          'in',
          plan.risks.map((r) => ids.orders[r.order]),
        )
        .select(['orderId', 'warehouseId'])
        .execute()
    ).map((d) => [d.orderId, d.warehouseId]),
  );
  const rows = plan.risks.map((r) => {
    const o = plan.orders[r.order];
    const line = o.lines[r.line];
    const customer = k.customers.get(o.customer)!;
    const product = k.products.get(line.product)!;
    const clause = clauses.get(customer.id);
    const categoryValue = o.lines
      .filter((l) => k.products.get(l.product)!.penaltyCategory === product.penaltyCategory)
      .reduce((s, l) => s + l.quantity * l.unitPriceCents, 0);
    const valueCents = r.shortfall * line.unitPriceCents;
    const exposureCents = clause
      ? riskExposure(
          {
            l441Applicable: clause.l441Applicable === 1,
            missingValueBp: clause.missingValueBp,
            lateFlatCents: clause.lateFlatCents,
            latePerDayCents: clause.latePerDayCents,
            incidentFlatCents: clause.incidentFlatCents,
            capBp: LEGAL_FRAME.capBp,
          },
          'stock-shortfall',
          valueCents,
          categoryValue,
        )
      : 0;
    const orderId = ids.orders[r.order];
    const lineId = ids.lines[r.order][r.line];
    return {
      riskKey: `${orderId}:${lineId}:stock-shortfall:${o.promisedDate}`,
      orderId,
      orderLineId: lineId,
      customerId: customer.id,
      productId: product.id,
      cause: 'stock-shortfall',
      promisedDate: o.promisedDate,
      shortfall: r.shortfall,
      valueCents,
      exposureCents,
      priorityScore: 50,
      priorityReasonFr: 'Historique de démonstration',
      priorityReasonEn: 'Demo history',
      receiptRef: null,
      status: 'resolved',
      detectedAt: r.detectedAt,
      updatedAt: r.resolvedAt,
      resolvedAt: r.resolvedAt,
      resolvedBy: customer.assistantUserId,
      resolutionOption: JSON.stringify({ kind: 'other-warehouse', warehouseId: leftFrom.get(orderId) }),
      resolutionNote: 'historique de démonstration',
    };
  });
  await insertRows(
    trx,
    'risks',
    rows.filter((r) => r.exposureCents > 0),
  );
}
