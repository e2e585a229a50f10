import { Type, type Static } from '@sinclair/typebox';
import { Id, Ids, literals, NonBlankText, Nullable, Text } from '../shared/schemas.ts';
import { EmailString } from '../customers/customers.schemas.ts';
import { ROLES } from './role-list.ts';

const Closed = { additionalProperties: false } as const;
// The customers' email rule (length, NUL-proof pattern), with a floor for an account's login.
const Email = Type.String({ minLength: 3, maxLength: EmailString.maxLength, pattern: EmailString.pattern });

/** An account as the admin's users screen lists it. */
export const UserAccountSchema = Type.Object({
  id: Type.Integer(),
  email: Type.String(),
  name: Type.String(),
  role: literals(ROLES),
  customerId: Nullable(Type.Integer()),
  customerName: Nullable(Type.String()),
  active: Type.Boolean(),
  lockedUntil: Nullable(Type.String({ description: 'logins from unknown browsers refused until then, after repeated failures' })),
  lastLoginAt: Nullable(Type.String()),
  invitedUntil: Nullable(
    Type.String({ description: 'she has not chosen her password yet: the latest invitation link opens until then (maybe past)' }),
  ),
  deliveryPointIds: Type.Array(Type.Integer(), { description: "a buyer's delivery points; empty: all her company's" }),
  createdAt: Type.String(),
});
export type UserAccount = Static<typeof UserAccountSchema>;
export const UserAccountListSchema = Type.Object({ items: Type.Array(UserAccountSchema) });
export type UserAccountList = Static<typeof UserAccountListSchema>;

/** POST /api/users: a colleague's account; she sets her password from the emailed link. */
export const NewStaffInputSchema = Type.Object(
  { email: Email, name: NonBlankText(120), role: literals(['assistant', 'manager', 'admin'] as const) },
  Closed,
);
/** PATCH /api/users/{id}: change the role, switch the account off or on, lift a lock; at least one of them. */
export const UserPatchSchema = Type.Object(
  {
    role: Type.Optional(literals(['assistant', 'manager', 'admin'] as const)),
    active: Type.Optional(Type.Boolean()),
    unlock: Type.Optional(Type.Literal(true)),
  },
  { ...Closed, minProperties: 1 },
);
/** POST /api/users/invitations: a customer's buyer, invited by email to the portal. */
export const InvitationInputSchema = Type.Object(
  {
    customerId: Id,
    email: Email,
    name: NonBlankText(120),
    deliveryPointIds: Ids(50, { description: 'the delivery points she orders for; empty: all her company’s' }),
  },
  Closed,
);
export type InvitationInput = Static<typeof InvitationInputSchema>;

/** POST /api/auth/password. */
export const PasswordChangeSchema = Type.Object({ current: Text(200, { minLength: 1 }), next: Text(200, { minLength: 1 }) }, Closed);
/** GET /api/auth/links/{token}: what a one-time link is for, before its owner sets a password. */
export const AccountLinkSchema = Type.Object({
  kind: literals(['invitation', 'reset'] as const),
  email: Type.String(),
  name: Type.String(),
  expiresAt: Type.String(),
});
export const LinkTokenParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{20,100}$' }) });
export const SetPasswordSchema = Type.Object({ password: Text(200, { minLength: 1 }) }, Closed);
