import { type OrderFinding, type OrderSuggestion, toOrderFinding, toOrderSuggestion } from '../../core/orders/order-findings.ts';
import type { OrderTotals } from '../../core/orders/totals.ts';
import type { AppliedDiscount, PricedCharge, PricedOrder } from '../../core/pricing/pricing.types.ts';
import type { DbOrTrx } from '../db/database.ts';
import { type OrderInput, resolveDraft } from './resolve-draft.ts';

export type QuoteLine = {
  lineNo: number;
  productId: number;
  productCode: string;
  productName: string;
  customerCode: string | null;
  quantity: number;
  freeQuantity: number;
  unitPriceCents: number;
  priceSource: string | null;
  grossCents: number;
  discounts: AppliedDiscount[];
  netCents: number;
  vatRateBp: number;
  promotionId: number | null;
};

export type Quote = {
  customerId: number;
  deliveryPointId: number;
  requestedDate: string | null;
  orderDate: string;
  lines: QuoteLine[];
  charges: PricedCharge[];
  totals: OrderTotals & { goodsNetCents: number; chargesNetCents: number };
  franco: PricedOrder['franco'];
  orderTier: PricedOrder['orderTier'];
  findings: OrderFinding[];
  suggestions: OrderSuggestion[];
};

/**
 * What `POST /api/orders` would store, priced and checked, without writing anything: the same resolution (422 where
 * the save would refuse), the same rules on the same context. Lines are numbered in the body's order.
 */
export async function quoteOrder(db: DbOrTrx, input: OrderInput, now: Date): Promise<Quote> {
  const draft = await resolveDraft(db, input, { now });
  const priced = draft.rules.priced;
  return {
    customerId: draft.customer.id,
    deliveryPointId: draft.deliveryPoint.id,
    requestedDate: draft.requestedDate,
    orderDate: priced.orderDate,
    lines: draft.lines.map((l, i) => {
      const p = priced.lines[i];
      return {
        lineNo: i + 1,
        productId: l.product.id,
        productCode: l.product.code,
        productName: l.product.name,
        customerCode: l.customerCode,
        quantity: l.quantity,
        freeQuantity: p.freeQuantity,
        unitPriceCents: l.unitPriceCents,
        priceSource: p.priceSource,
        grossCents: p.grossCents,
        discounts: p.discounts,
        netCents: p.netCents,
        vatRateBp: p.vatRateBp,
        promotionId: p.promotionId,
      };
    }),
    charges: priced.charges,
    totals: priced.totals,
    franco: priced.franco,
    orderTier: priced.orderTier,
    findings: draft.rules.findings.map((f) => toOrderFinding(f)),
    suggestions: draft.rules.suggestions.map((s) => toOrderSuggestion(s)),
  };
}
