import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { authRoutes } from './auth/auth.routes.ts';
import { demoRoutes } from './demo/demo.routes.ts';
import { documentsRoutes } from './documents/documents.routes.ts';
import { ediRoutes } from './edi/edi.routes.ts';
import { mailRoutes } from './mail/mail.routes.ts';
import { ordersRoutes } from './orders/orders.routes.ts';
import { penaltiesRoutes } from './penalties/penalties.routes.ts';
import { complaintsRoutes } from './complaints/complaints.routes.ts';
import { catalogRoutes } from './catalog/catalog.routes.ts';
import { customerPartsRoutes } from './customers/customer-parts.routes.ts';
import { notesRoutes } from './customers/notes.routes.ts';
import { storyRoutes } from './story/story.routes.ts';
import { customersRoutes } from './customers/customers.routes.ts';
import { customerStockRoutes } from './customer-stock/customer-stock.routes.ts';
import { importsRoutes } from './imports/imports.routes.ts';
import { risksRoutes } from './risks/risks.routes.ts';
import { availabilityRoutes } from './stock/availability.routes.ts';
import { stockRoutes } from './stock/stock.routes.ts';
import { pricingRoutes } from './pricing/pricing.routes.ts';
import { tasksRoutes } from './tasks/tasks.routes.ts';
import { termsRoutes } from './terms/terms.routes.ts';
import { ProblemSchema } from '../core/shared/schemas.ts';

/** Every API route module, registered in one place. */
export async function apiRoutes(app: FastifyInstance): Promise<void> {
  app.addSchema(ProblemSchema);
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: { tags: ['system'], summary: 'Liveness', response: { 200: Type.Object({ status: Type.Literal('ok') }) } },
    },
    async () => ({ status: 'ok' as const }),
  );
  await app.register(authRoutes);
  await app.register(demoRoutes);
  await app.register(ordersRoutes);
  await app.register(documentsRoutes);
  await app.register(mailRoutes);
  await app.register(customersRoutes);
  await app.register(customerPartsRoutes);
  await app.register(notesRoutes);
  await app.register(storyRoutes);
  await app.register(catalogRoutes);
  await app.register(stockRoutes);
  await app.register(availabilityRoutes);
  await app.register(risksRoutes);
  await app.register(importsRoutes);
  await app.register(termsRoutes);
  await app.register(pricingRoutes);
  await app.register(penaltiesRoutes);
  await app.register(customerStockRoutes);
  await app.register(tasksRoutes);
  await app.register(ediRoutes);
  await app.register(complaintsRoutes);
}
