import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROLES } from '../../core/auth/roles.ts';
import { literals, Nullable } from '../../core/shared/schemas.ts';
import { DEMO_PASSWORD } from './demo-accounts.ts';
import { demoAccounts } from './demo-mode.ts';

const DemoSchema = Type.Object({
  accounts: Type.Array(Type.Object({ email: Type.String(), name: Type.String(), role: literals(ROLES) })),
  password: Nullable(Type.String()),
});

export const demoRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/demo',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'The demo logins the login page shows: none outside demo mode (CARNET_DEMO=false) or on a database of its own',
        response: { 200: DemoSchema },
      },
    },
    async () => {
      const accounts = app.config.CARNET_DEMO ? (await demoAccounts(app.db)).filter((a) => a.active === 1) : [];
      return {
        accounts: accounts.map((a) => ({ email: a.email, name: a.name, role: a.role as (typeof ROLES)[number] })),
        password: accounts.length ? DEMO_PASSWORD : null,
      };
    },
  );
};
