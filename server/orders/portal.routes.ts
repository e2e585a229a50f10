import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { STAFF } from '../../core/auth/roles.ts';
import { PortalCatalogueSchema } from '../../core/orders/portal.schemas.ts';
import { IdParams, ProblemSchema } from '../../core/shared/schemas.ts';
import { portalCatalogue } from './portal-catalogue.ts';

export const portalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/customers/:id/catalogue',
    {
      config: {
        access: [...STAFF, 'buyer'],
        buyerScope: { kind: 'record', param: 'id', record: 'customer', entity: 'Customer' },
      },
      schema: {
        tags: ['portal'],
        summary:
          "What the customer's portal offers: its delivery points and their first dates, the products listed for it at its prices, today's promotions with their pitch",
        params: IdParams,
        response: { 200: PortalCatalogueSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) => portalCatalogue(app.db, request.params.id, app.clock.now()),
  );
};
