import type { IsoDate } from '../calendar/dates.ts';
import type { Typology } from '../customers/customer.ts';
import type { Promotion } from './pricing.types.ts';

/** Promotions run on order dates, both ends included. */
export function isPromotionRunning(promotion: Pick<Promotion, 'from' | 'to'>, date: IsoDate): boolean {
  return promotion.from <= date && date <= promotion.to;
}

/** Eligible customer: listed by id, or of a listed typology; null lists mean everyone (both null = open to all). */
export function isCustomerEligible(promotion: Promotion, customer: { id: number; typology: Typology }): boolean {
  const byId = promotion.customerIds?.includes(customer.id) ?? false;
  const byTypology = promotion.typologies?.includes(customer.typology) ?? false;
  if (promotion.customerIds === null && promotion.typologies === null) return true;
  return byId || byTypology;
}

/**
 * The promotions whose pitch the assistant should read to this customer today: running at the date and open
 * to the customer. Products do not matter here: the pitch is how the customer learns about them.
 */
export function eligiblePromotions(
  ctx: { today: { date: IsoDate }; customer: { id: number; typology: Typology }; promotions: readonly Promotion[] },
  date: IsoDate = ctx.today.date,
): Promotion[] {
  return ctx.promotions.filter((p) => isPromotionRunning(p, date) && isCustomerEligible(p, ctx.customer));
}
