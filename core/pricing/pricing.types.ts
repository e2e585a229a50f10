import type { Static } from '@sinclair/typebox';
import type { ChargeSchema, PendingGestureSchema } from '../orders/findings.schemas.ts';
import type {
  MechanismSchema,
  OrderTierDiscountSchema,
  RulesCustomerPriceSchema,
  RulesPriceListSchema,
  RulesPromotionSchema,
} from './pricing.schemas.ts';
import type { IsoDate } from '../calendar/dates.ts';
import type { OrderTotals } from '../orders/totals.ts';

import type { TierMeasure } from './tier-measures.ts';

export type { TierMeasure };

/** A discount for the whole order once the measure reaches a step (e.g. 6 pallets → 1.5 %). Steps sorted or not. */
export type OrderTierDiscount = Static<typeof OrderTierDiscountSchema>;

export type PriceList = Static<typeof RulesPriceListSchema>;

/** A net price negotiated with one customer: wins over the list and promotions while valid. */
export type CustomerPrice = Static<typeof RulesCustomerPriceSchema>;

export type PromotionMechanism = Static<typeof MechanismSchema>;

export type Promotion = Static<typeof RulesPromotionSchema>;

/** `agreed`: the customer's own price (EDI PRI) the desk accepted on this line; like a customer price, net. */
export type PriceSource = 'customer' | 'list' | 'promotion-tier' | 'agreed';

/** A price no tier, order discount or promotion changes: the next-tier suggestions leave such lines alone. */
export const isFixedPrice = (source: PriceSource | null): boolean => source === 'customer' || source === 'agreed';

export type AppliedDiscount = {
  kind: 'order-tier' | 'promotion';
  discountBp: number;
  /** Rounded to the cent on this line (half away from zero): what the line's net already deducts. */
  amountCents: number;
  promotionId?: number;
};

export type PricedLine = {
  index: number;
  lineId?: number | string;
  productId: number | null;
  quantity: number;
  /** Delivered on top of `quantity`, invoiced at zero (free-goods promotion). */
  freeQuantity: number;
  /** Unit price before discounts; null when the line cannot be priced (unknown product, no price). */
  unitPriceCents: number | null;
  priceSource: PriceSource | null;
  /** quantity × unitPriceCents. */
  grossCents: number;
  discounts: AppliedDiscount[];
  /** grossCents − discounts: integer cents, what the line costs. */
  netCents: number;
  vatRateBp: number;
  promotionId: number | null;
  /** Pallet-equivalents and gross weight of what travels (free goods included). */
  pallets: number;
  weightG: number;
};

/** An order-level charge (shipping below franco, a surcharge): VAT follows the goods' rates, so one per rate. */
export type PricedCharge = Static<typeof ChargeSchema>;
export type PendingGesture = Static<typeof PendingGestureSchema>;

export type OrderTierState = { measure: TierMeasure; value: number; discountBp: number; next: { min: number; discountBp: number } | null };

export type PricedOrder = {
  orderDate: IsoDate;
  lines: PricedLine[];
  charges: PricedCharge[];
  orderTier: OrderTierState | null;
  /** Franco status: what is missing to reach it (0 when reached), and the fee charged. */
  franco: { measure: 'value' | 'pallets'; threshold: number; value: number; missing: number; feeCents: number } | null;
  /** Totals over lines and charges: net = Σ line nets + Σ charges, exactly. */
  totals: OrderTotals & { goodsNetCents: number; chargesNetCents: number };
  unpricedLineIndexes: number[];
};
