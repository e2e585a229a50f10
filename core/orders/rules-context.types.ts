import type { IsoDate } from '../calendar/dates.ts';
import type { DeliverySchedule } from '../calendar/delivery-date.ts';
import type { Product } from '../catalog/product.ts';
import type { AvailabilityContext } from '../stock/availability-context.ts';
import type { Typology } from '../customers/customer.ts';
import type { PendingGesture, PriceList, Promotion } from '../pricing/pricing.types.ts';
import type { CustomerAgreement } from '../terms/agreement.types.ts';
import type { Terms } from '../terms/terms.types.ts';

/** Everything the rules read, loaded once by the caller (server or browser) and passed in: no clock, no I/O. */
export type RulesContext = {
  /** The Paris wall clock at the moment of checking (`parisNow`). */
  today: { date: IsoDate; time: string };
  customer: { id: number; typology: Typology };
  deliveryPoint: DeliverySchedule & { id: number };
  terms: Terms;
  agreement: CustomerAgreement;
  priceList: PriceList | null;
  promotions: readonly Promotion[];
  products: ReadonlyMap<number, Product>;
  /** The customer's usual products, most ordered first: what fills a truck. */
  usualProductIds: readonly number[];
  /** Commercial gestures the customer was granted on complaints, waiting for an order that bears them. */
  gestures?: readonly PendingGesture[];
  /** Stock, lots, receipts and other orders per product (issue 4); absent, the availability rule stays silent. */
  availability?: AvailabilityContext;
};
