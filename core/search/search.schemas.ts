import { type Static, Type } from '@sinclair/typebox';
import { ORDER_STATUSES } from '../orders/lifecycle.ts';
import { literals, Nullable } from '../shared/schemas.ts';

/**
 * What the one search (Ctrl+K, from any page) finds for what a person types: customers by name, code, city or
 * phone; orders by number, the customer's PO, the customer's name or a delivery note's number; products by code,
 * GTIN or words of the name. A few of each, best first.
 */
export const SearchResultsSchema = Type.Object({
  customers: Type.Array(Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), city: Type.String() })),
  orders: Type.Array(
    Type.Object({
      id: Type.Integer(),
      number: Type.String(),
      customerName: Type.String(),
      customerRef: Nullable(Type.String()),
      status: literals(ORDER_STATUSES),
      requestedDate: Nullable(Type.String()),
    }),
  ),
  products: Type.Array(Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() })),
});
export type SearchResults = Static<typeof SearchResultsSchema>;
