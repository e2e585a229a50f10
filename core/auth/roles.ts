import type { Static } from '@sinclair/typebox';
import type { SessionUserSchema } from './auth.schemas.ts';
import { type Role } from './role-list.ts';

export { ROLES, type Role } from './role-list.ts';

/** The order desk's staff; a customer's buyer is never one of them. */
export const STAFF: readonly Role[] = ['assistant', 'manager', 'admin'];
/** Who takes and moves orders. */
export const ORDER_DESK: readonly Role[] = ['assistant', 'manager'];
/** Who approves an order's approval findings and overrides its blocks: a decision the desk escalates. */
export const ORDER_APPROVERS: readonly Role[] = ['manager'];
/** Who answers a change to a confirmed order that waits for a manager (issue 16 § 2): managers, and admins standing in. */
export const CHANGE_APPROVERS: readonly Role[] = ['manager', 'admin'];
/** Who rewrites the call scripts the desk reads on the phone: the manager, who answers for how customers are spoken to. */
export const SCRIPT_EDITORS: readonly Role[] = ['manager'];
/** Who maintains customers and their delivery points and contacts. */
export const CUSTOMER_EDITORS: readonly Role[] = ['manager', 'admin'];
/** Who opens, switches off and resets the accounts that log in, and gives their roles. */
export const ACCOUNT_ADMINS: readonly Role[] = ['admin'];
/** Who maintains the catalogue, warehouses, stock and imports. */
export const MASTER_DATA_ADMINS: readonly Role[] = ['admin'];

/** Who is logged in, as the session answers it (auth.schemas.ts), imported as a type only. */
export type SessionUser = Static<typeof SessionUserSchema>;
