import { Type, type Static } from '@sinclair/typebox';
import { literals, Nullable } from '../shared/schemas.ts';
import { ROLES } from './role-list.ts';

export const SessionUserSchema = Type.Object(
  {
    id: Type.Integer(),
    email: Type.String(),
    name: Type.String(),
    role: literals(ROLES),
    customerId: Nullable(Type.Integer()),
  },
  { $id: 'SessionUser' },
);

/** What login and GET /api/auth/session answer: who is logged in, and the token every write repeats in a header. */
export const SessionSchema = Type.Object({ user: SessionUserSchema, csrfToken: Type.String() });
export type Session = Static<typeof SessionSchema>;
/** Whether someone is logged in, asked by the web app at start: nobody is an answer, not an error. */
export const CurrentSessionSchema = Type.Union([SessionSchema, Type.Object({ user: Type.Null(), csrfToken: Type.Null() })]);
export type CurrentSession = Static<typeof CurrentSessionSchema>;

/** GET /api/demo: the demo logins the login page shows (none outside demo mode). */
export const DemoLoginsSchema = Type.Object({
  accounts: Type.Array(Type.Object({ email: Type.String(), name: Type.String(), role: literals(ROLES) })),
  password: Nullable(Type.String()),
});
export type DemoLogins = Static<typeof DemoLoginsSchema>;
