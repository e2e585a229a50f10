import { recordStockReport } from '../customer-stock/customer-stock.service.ts';
import { saveVmiSettings } from '../customer-stock/customer-stock.repository.ts';
import type { Trx } from '../db/database.ts';
import stocks from './demo-customer-stock.json' with { type: 'json' };

type Shift = { shiftDate: (date: string) => string; nowIso: string };

/**
 * Scenario 8 on a fresh demo: Cap Marché Saran under VMI (10 days of cover) with its last three weekly stock
 * reports, dates moved by the demo's shift so the latest is yesterday. Recorded through `recordStockReport`, as
 * an INVRPT would be, so the proposal and the low-stock task of the T45 before Chandeleur are there at first login.
 */
export async function seedCustomerStock(trx: Trx, { shiftDate, nowIso }: Shift): Promise<void> {
  const customers = new Map((await trx.selectFrom('customers').select(['id', 'code']).execute()).map((c) => [c.code, c.id]));
  const points = new Map((await trx.selectFrom('deliveryPoints').select(['id', 'code']).execute()).map((p) => [p.code, p.id]));
  const products = new Map((await trx.selectFrom('products').select(['id', 'code']).execute()).map((p) => [p.code, p.id]));
  for (const v of stocks.vmi) {
    await saveVmiSettings(trx, {
      customerId: customers.get(v.customer)!,
      enabled: v.enabled ? 1 : 0,
      targetCoverDays: v.targetCoverDays,
      updatedBy: null,
      updatedAt: nowIso,
    });
  }
  for (const r of stocks.reports) {
    await recordStockReport(
      trx,
      {
        customerId: customers.get(r.customer)!,
        deliveryPointId: points.get(r.deliveryPoint)!,
        date: shiftDate(r.date),
        source: 'edi',
        documentId: null,
        lines: r.lines.map((l) => ({
          productId: products.get(l.product)!,
          onHand: l.onHand,
          averageDailySales: 'averageDailySales' in l ? l.averageDailySales : null,
          promoUpliftBp: 'promoUpliftBp' in l ? l.promoUpliftBp : null,
        })),
      },
      new Date(nowIso),
    );
  }
}
