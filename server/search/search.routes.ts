import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { STAFF } from '../../core/auth/roles.ts';
import type { OrderStatus } from '../../core/orders/lifecycle.ts';
import { SearchResultsSchema } from '../../core/search/search.schemas.ts';
import { ProblemSchema, Text } from '../../core/shared/schemas.ts';
import { searchProducts } from '../catalog/products.repository.ts';
import { searchCustomers } from '../customers/customers.repository.ts';
import type { DbOrTrx } from '../db/database.ts';
import { listOrderSummaryRows } from '../orders/orders.repository.ts';

const EACH = 5;

/** The few best customers, orders and products for a typed text: each capability's own search, asked at once. */
export async function searchEverything(db: DbOrTrx, q: string) {
  const [customers, orders, products] = await Promise.all([
    searchCustomers(db, { q, limit: EACH, offset: 0 }),
    listOrderSummaryRows(db, { q, limit: EACH, offset: 0 }),
    searchProducts(db, { q, limit: EACH, offset: 0 }),
  ]);
  return {
    customers: customers.rows.map((c) => ({ id: c.id, code: c.code, name: c.name, city: c.city })),
    orders: orders.rows.map((o) => ({
      id: o.id,
      number: o.number,
      customerName: o.customerName,
      customerRef: o.customerRef,
      status: o.status as OrderStatus,
      requestedDate: o.requestedDate,
    })),
    products: products.rows.map((p) => ({ id: p.id, code: p.code, name: p.name })),
  };
}

export const searchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/search',
    {
      config: { access: STAFF },
      schema: {
        tags: ['search'],
        summary: 'One search for the desk (Ctrl+K): customers, orders and products matching what was typed, a few of each',
        querystring: Type.Object({ q: Text(100) }, { additionalProperties: false }),
        response: { 200: SearchResultsSchema, 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema },
      },
    },
    async (request) => searchEverything(app.db, request.query.q.trim()),
  );
};
