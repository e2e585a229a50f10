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
