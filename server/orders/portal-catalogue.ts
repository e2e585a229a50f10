import type { PortalCatalogue } from '../../core/orders/portal.schemas.ts';
import { listProducts } from '../catalog/products.service.ts';
import { customerHasFeature } from '../auth/buyer-scope.repository.ts';
import type { Db } from '../db/database.ts';
import { loadOrderContext } from './order-context.ts';

/** The portal's catalogue for one customer (portal.schemas.ts): what a buyer may order, at her prices. */
export async function portalCatalogue(db: Db, customerId: number, instant: Date): Promise<PortalCatalogue> {
  const context = await loadOrderContext(db, customerId, instant);
  const [listed, customerStocks] = await Promise.all([
    listProducts(db, { customerId, limit: 10_000, offset: 0 }),
    customerHasFeature(db, customerId, 'customer-stock'),
  ]);
  const today = context.today;
  const agreed = new Map(
    context.agreement.prices.filter((p) => p.validFrom <= today && (p.validTo === null || p.validTo >= today)).map((p) => [p.productId, p]),
  );
  const tiers = context.priceList?.tiers ?? context.prices;
  const promotions = context.promotions.filter((p) => p.from <= today && p.to >= today);
  const usual = new Set(context.usualProductIds);
  const products = listed.items
    .map((p) => {
      const own = agreed.get(p.id);
      const prices = own
        ? [{ minQuantity: 1, unitPriceCents: own.unitPriceCents }]
        : tiers
            .filter((t) => t.productId === p.id)
            .map((t) => ({ minQuantity: t.minQuantity, unitPriceCents: t.unitPriceCents }))
            .sort((a, b) => a.minQuantity - b.minQuantity);
      return {
        id: p.id,
        code: p.code,
        name: p.name,
        saleUnit: p.saleUnit,
        unitsPerCarton: p.unitsPerCarton,
        prices,
        promotionIds: promotions.filter((promo) => promo.productIds.includes(p.id)).map((promo) => promo.id),
        usual: usual.has(p.id),
      };
    })
    // A product with no price for her cannot be ordered (the desk would refuse it): not shown.
    .filter((p) => p.prices.length > 0);
  return {
    customerId,
    customerName: context.customer.name,
    today,
    customerStocks,
    deliveryPoints: context.customer.deliveryPoints.map((dp) => ({
      id: dp.id,
      name: dp.name,
      city: dp.city,
      isDefault: dp.isDefault,
      deliveryWeekdays: dp.deliveryWeekdays,
      cutoffTime: dp.cutoffTime,
      leadTimeDays: dp.leadTimeDays,
      earliestDate: context.earliestDates[String(dp.id)] ?? null,
    })),
    products,
    promotions: promotions.map((p) => ({ id: p.id, name: p.name, pitchFr: p.pitchFr, pitchEn: p.pitchEn ?? null, to: p.to })),
  };
}
