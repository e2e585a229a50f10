import type { IsoDate } from '../calendar/dates.ts';
import type { Typology } from '../customers/customer.ts';
import type { OrderTotals } from '../orders/totals.ts';
import type { Bilingual } from '../shared/bilingual.ts';
import type { PriceTier } from './price-list.ts';

/** What an order-level tier counts: sale units, cartons, pallet-equivalents, net weight (g) or goods value (cents). */
export type TierMeasure = 'units' | 'cartons' | 'pallets' | 'weight' | 'value';

/** A discount for the whole order once the measure reaches a step (e.g. 6 pallets → 1.5 %). Steps sorted or not. */
export type OrderTierDiscount = {
  measure: TierMeasure;
  steps: readonly { min: number; discountBp: number }[];
  /** Families it applies to and that count towards it; null = all. */
  families: readonly string[] | null;
};

export type PriceList = {
  id: number;
  code: string;
  name: string;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  /** Per-product unit prices by quantity (sale units). */
  tiers: readonly PriceTier[];
  orderDiscount: OrderTierDiscount | null;
};

/** A net price negotiated with one customer: wins over the list and promotions while valid. */
export type CustomerPrice = { productId: number; unitPriceCents: number; validFrom: IsoDate; validTo: IsoDate | null };

export type PromotionMechanism =
  /** Invoice discount on the line from a quantity per line (sale units, or pallets for retail promotions). */
  | { kind: 'percent'; discountBp: number; minQuantityPerLine: number; minPalletsPerLine?: number }
  /** For every `buy` sale units bought, `free` more delivered free (10 + 1 colis). */
  | { kind: 'free-goods'; buy: number; free: number }
  /** The list's tier for `forcedMinQuantity` is granted whatever the quantity ordered. */
  | { kind: 'tier'; forcedMinQuantity: number };

export type Promotion = {
  id: number;
  code: string;
  name: string;
  /** The sales pitch the assistant reads to an eligible customer. */
  pitchFr: string;
  pitchEn?: string;
  /** Order dates, inclusive. */
  from: IsoDate;
  to: IsoDate;
  customerIds: readonly number[] | null;
  typologies: readonly Typology[] | null;
  productIds: readonly number[];
  mechanism: PromotionMechanism;
};

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
export type PricedCharge = { kind: 'shipping' | 'surcharge'; label: Bilingual; netCents: number; vatRateBp: number };

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
