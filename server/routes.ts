import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { authRoutes } from './auth/auth.routes.ts';
import { ProblemSchema } from './http/schemas.ts';

/** Every API route module, registered in one place. */
export async function apiRoutes(app: FastifyInstance): Promise<void> {
  app.addSchema(ProblemSchema);
  app.get(
    '/api/health',
    { config: { access: 'public' }, schema: { tags: ['system'], summary: 'Liveness', response: { 200: Type.Object({ status: Type.Literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );
  await app.register(authRoutes);
}
