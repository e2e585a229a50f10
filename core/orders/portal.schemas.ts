import { Type, type Static } from '@sinclair/typebox';
import { WeekdaySchema } from '../customers/customers.schemas.ts';
import { SALE_UNITS } from '../catalog/product-enums.ts';
import { literals, Nullable } from '../shared/schemas.ts';

/**
 * What the customer portal shows a buyer before she orders: her delivery points with the first date each can be
 * delivered, the products listed for her company at her prices (by quantity), the promotions she qualifies for
 * today with their pitch, and her usual products. Nothing of ours: no credit, no cost, no other customer.
 */
export const PortalCatalogueSchema = Type.Object({
  customerId: Type.Integer(),
  customerName: Type.String(),
  today: Type.String(),
  customerStocks: Type.Boolean({ description: 'whether she sends us her stock reports (vendor-managed inventory)' }),
  deliveryPoints: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      city: Type.String(),
      isDefault: Type.Boolean(),
      deliveryWeekdays: Type.Array(WeekdaySchema),
      cutoffTime: Type.String(),
      leadTimeDays: Type.Integer(),
      earliestDate: Nullable(Type.String()),
    }),
  ),
  products: Type.Array(
    Type.Object({
      id: Type.Integer(),
      code: Type.String(),
      name: Type.String(),
      saleUnit: literals(SALE_UNITS),
      unitsPerCarton: Type.Integer(),
      /** Her price per sale unit by quantity: her agreed price alone, or her price list's tiers. */
      prices: Type.Array(Type.Object({ minQuantity: Type.Integer(), unitPriceCents: Type.Integer() })),
      promotionIds: Type.Array(Type.Integer()),
      usual: Type.Boolean(),
    }),
  ),
  promotions: Type.Array(
    Type.Object({ id: Type.Integer(), name: Type.String(), pitchFr: Type.String(), pitchEn: Nullable(Type.String()), to: Type.String() }),
  ),
});
export type PortalCatalogue = Static<typeof PortalCatalogueSchema>;
