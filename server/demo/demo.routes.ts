import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Role } from '../../core/auth/roles.ts';
import { DemoLoginsSchema } from '../../core/auth/auth.schemas.ts';
import { DEMO_PASSWORD } from './demo-accounts.ts';
import { demoAccounts } from './demo-mode.ts';

export const demoRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/demo',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'The demo logins the login page shows: none outside demo mode (CARNET_DEMO=false) or on a database of its own',
        response: { 200: DemoLoginsSchema },
      },
    },
    async () => {
      const accounts = app.config.CARNET_DEMO ? (await demoAccounts(app.db)).filter((a) => a.active === 1) : [];
      return {
        accounts: accounts.map((a) => ({ email: a.email, name: a.name, role: a.role as Role })),
        password: accounts.length ? DEMO_PASSWORD : null,
      };
    },
  );
};
