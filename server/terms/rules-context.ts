import type { Static } from '@sinclair/typebox';
import { addDays, type IsoDate, parisNow } from '../../core/calendar/dates.ts';
import type { Product } from '../../core/catalog/product.ts';
import type { Typology } from '../../core/customers/customer.ts';
import type { RulesContext } from '../../core/orders/rules-context.types.ts';
import { isCustomerEligible } from '../../core/pricing/promotions.ts';
import type { PendingGesture } from '../../core/pricing/pricing.types.ts';
import { gestureLabel } from '../../core/complaints/resolution.ts';
import { listOpenGestures } from '../complaints/complaints.repository.ts';
import { findPriceList } from '../catalog/price-lists.repository.ts';
import { findProductsByIds } from '../catalog/products.repository.ts';
import { toProduct } from '../catalog/products.service.ts';
import { toDeliveryPoint } from '../customers/customer.mapping.ts';
import { findCustomer, findDeliveryPoint } from '../customers/customers.repository.ts';
import type { DbOrTrx } from '../db/database.ts';
import { AppError, notFound } from '../errors.ts';
import { listPriceTiers } from '../orders/order-context.repository.ts';
import { masterDataCacheOf } from '../orders/master-data-cache.ts';
import { orderDiscountOf } from '../pricing/order-tiers.service.ts';
import { listCustomerPrices } from '../pricing/pricing.repository.ts';
import { listPromotions } from '../pricing/promotions.repository.ts';
import { toPromotion } from '../pricing/promotions.service.ts';
import type { RulesPriceListSchema, RulesPromotionSchema } from '../../core/pricing/pricing.schemas.ts';
import { findAssortment, usualProductIds } from './terms.repository.ts';
import type { AgreementSchema, TermsSchema } from '../../core/terms/terms.schemas.ts';
import { creditOf, customerTermsOn } from './terms.service.ts';

/** Promotions that ended this long ago are still loaded: an order claiming one gets `promotion-ended`, not silence. */
const PROMOTION_LOOKBACK_DAYS = 60;
/** And those starting this soon, so the assistant can announce them. */
const PROMOTION_LOOKAHEAD_DAYS = 30;
/** The window of order history the usual products are counted over. */
const USUAL_PRODUCTS_DAYS = 180;

/** What the rules need about a customer besides its delivery point and the products: terms, agreement, prices. */
export type CommercialContext = {
  terms: Static<typeof TermsSchema>;
  termsCode: string | null;
  agreement: Static<typeof AgreementSchema>;
  priceList: Static<typeof RulesPriceListSchema> | null;
  promotions: Static<typeof RulesPromotionSchema>[];
  usualProductIds: number[];
  gestures: PendingGesture[];
};

type CustomerRef = { id: number; typology: string; creditLimitCents: number; priceListId: number | null };

/**
 * The commercial side of the rules context for one customer on an order date. `productIds` narrows the price
 * tiers and customer prices to what the order holds (plus the usual products); without it, all of them (the
 * entry screen loads once and prices whatever is typed).
 */
export async function loadCommercialContext(
  db: DbOrTrx,
  customer: CustomerRef,
  options: { date: IsoDate; now: Date; productIds?: readonly number[]; excludeOrderId?: number; withUsualProducts?: boolean },
): Promise<CommercialContext> {
  // Only suggestions read the usual products; a run without them (a confirmation) skips the history query.
  const since = new Date(options.now.getTime() - USUAL_PRODUCTS_DAYS * 86_400_000).toISOString();
  const usual = options.withUsualProducts === false ? [] : await usualProductIds(db, customer.id, since);
  const productIds = options.productIds ? [...new Set([...options.productIds, ...usual])] : undefined;
  const window = { from: addDays(options.date, -PROMOTION_LOOKBACK_DAYS), to: addDays(options.date, PROMOTION_LOOKAHEAD_DAYS) };
  // The master data comes from the node's cache, checked against the master-data stamp (one read); the credit
  // figures (others' orders move them) and the usual products (the history) are read fresh every time.
  const cache = await masterDataCacheOf(db);
  const date = options.date;
  const listId = customer.priceListId;
  const [terms, credit, assortment, allPrices, promotionRows, list, gestureRows] = await Promise.all([
    cache.get(`terms:${customer.id}:${customer.typology}:${date}`, () => customerTermsOn(db, customer, date)),
    creditOf(db, customer, options.excludeOrderId),
    cache.get(`assortment:${customer.id}`, () => findAssortment(db, customer.id)),
    cache.get(`customer-prices:${customer.id}`, () => listCustomerPrices(db, customer.id)),
    cache.get(`promotions:${window.from}:${window.to}`, () => listPromotions(db, { overlapping: window })),
    listId === null
      ? Promise.resolve(undefined)
      : cache.get(`price-list:${listId}`, async () => {
          const row = await findPriceList(db, listId);
          if (!row) return undefined;
          const [tiers, orderDiscount] = await Promise.all([listPriceTiers(db, row.id), orderDiscountOf(db, row.id)]);
          return { row, tiers, orderDiscount };
        }),
    // Granted on complaints and taken by the next order: read fresh, as the credit figures are.
    listOpenGestures(db, customer.id, options.excludeOrderId),
  ]);
  // What the cache keeps is every product's; an order's rules read its own products' (and its usual ones').
  const wanted = productIds ? new Set(productIds) : null;
  const prices = wanted ? allPrices.filter((p) => wanted.has(p.productId)) : allPrices;
  let priceList: CommercialContext['priceList'] = null;
  if (list) {
    const listRow = list.row;
    priceList = {
      id: listRow.id,
      code: listRow.code,
      name: listRow.name,
      validFrom: listRow.validFrom ?? '0001-01-01',
      validTo: listRow.validTo,
      tiers: wanted ? list.tiers.filter((t) => wanted.has(t.productId)) : list.tiers,
      orderDiscount: list.orderDiscount,
    };
  }
  const who = { id: customer.id, typology: customer.typology as Typology };
  return {
    // core's types are readonly; the API's are the same shapes, writable.
    terms: terms.effective,
    termsCode: terms.code,
    agreement: {
      assortmentProductIds: assortment.restricted ? assortment.products.map((p) => p.productId) : null,
      creditLimitCents: credit.limitCents,
      openOrdersCents: credit.openOrdersCents,
      unpaidBalanceCents: credit.unpaidBalanceCents,
      unpaidAsOf: credit.asOf,
      prices: prices.map((p) => ({ productId: p.productId, unitPriceCents: p.unitPriceCents, validFrom: p.validFrom, validTo: p.validTo })),
    },
    priceList,
    promotions: promotionRows
      .map(toPromotion)
      .filter((p) => isCustomerEligible(p, who))
      .map(({ updatedAt: _u, ...p }) => p),
    usualProductIds: usual,
    gestures: gestureRows.map((g) => ({ id: g.id, amountCents: g.amountCents, label: gestureLabel(g.complaintNumber) })),
  };
}

export type RulesContextInput = {
  customerId: number;
  deliveryPointId: number;
  /** The products of the order: their master data, tiers and customer prices are loaded (with the usual products). */
  productIds: readonly number[];
  now: Date;
  /** Prices and promotions follow the order's date (a stored order keeps its own); defaults to today in Paris. */
  orderDate?: IsoDate;
  /** The order being checked, left out of the open orders counted against the credit limit. */
  excludeOrderId?: number;
};

/** Everything core's price / check / suggest read for one order, loaded once (404 / 422 when the ids do not hold). */
export async function loadRulesContext(db: DbOrTrx, input: RulesContextInput): Promise<RulesContext> {
  const today = parisNow(input.now);
  const [customer, point] = await Promise.all([findCustomer(db, input.customerId), findDeliveryPoint(db, input.deliveryPointId)]);
  if (!customer) throw notFound('Customer', input.customerId);
  if (!point || point.customerId !== customer.id) {
    throw new AppError('UNPROCESSABLE', `Delivery point ${input.deliveryPointId} is not one of customer ${customer.code}'s`, [
      {
        path: 'deliveryPointId',
        code: 'not-found',
        params: { entity: 'delivery-point', id: input.deliveryPointId },
        message: `not one of customer ${customer.code}'s delivery points`,
      },
    ]);
  }
  const commercial = await loadCommercialContext(db, customer, {
    date: input.orderDate ?? today.date,
    now: input.now,
    productIds: input.productIds,
    excludeOrderId: input.excludeOrderId,
  });
  const productRows = await findProductsByIds(db, [...new Set([...input.productIds, ...commercial.usualProductIds])]);
  const schedule = toDeliveryPoint(point);
  return {
    today,
    customer: { id: customer.id, typology: customer.typology as Typology },
    deliveryPoint: {
      id: schedule.id,
      deliveryWeekdays: schedule.deliveryWeekdays,
      leadTimeDays: schedule.leadTimeDays,
      cutoffTime: schedule.cutoffTime,
    },
    terms: commercial.terms,
    agreement: commercial.agreement,
    priceList: commercial.priceList,
    promotions: commercial.promotions,
    products: new Map<number, Product>(productRows.map((r) => [r.id, toProduct(r)])),
    usualProductIds: commercial.usualProductIds,
    gestures: commercial.gestures,
  };
}
