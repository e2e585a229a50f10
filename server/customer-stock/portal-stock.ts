import {
  PortalCustomerStockSchema,
  type CustomerStock,
  type PortalCustomerStock,
} from '../../core/customer-stock/customer-stock.schemas.ts';
import type { BuyerScope } from '../auth/buyer-scope.ts';

/** A buyer reaches her own company's stock, and only once customer stocks apply to it (vendor-managed inventory on). */
export const OWN_CUSTOMER_STOCK: BuyerScope = {
  kind: 'record',
  param: 'id',
  record: 'customer',
  entity: 'Customer',
  requires: 'customer-stock',
};

const ITEM_FIELDS = Object.keys(
  PortalCustomerStockSchema.properties.items.items.properties,
) as (keyof PortalCustomerStock['items'][number])[];

/** The stock route's buyerView, a whitelist: what she declared, per delivery point and product. */
export const stockForBuyer = (payload: unknown): PortalCustomerStock => {
  const stock = payload as CustomerStock;
  return {
    customerId: stock.customerId,
    items: stock.items.map((item) => Object.fromEntries(ITEM_FIELDS.map((k) => [k, item[k]])) as PortalCustomerStock['items'][number]),
  };
};
