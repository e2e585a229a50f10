import { IconUserCheck } from '@tabler/icons-react';
import {
  IconBox,
  IconBuildingWarehouse,
  IconChecklist,
  IconFileImport,
  IconListDetails,
  IconPencilPlus,
  IconReceipt,
  IconScale,
  IconUsers,
} from '@tabler/icons-react';
import { IconAlertTriangle } from '@tabler/icons-react';
import { IconArrowsExchange, IconMessageExclamation, IconPlugConnected, IconServerCog } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { CUSTOMER_EDITORS, MASTER_DATA_ADMINS, ORDER_APPROVERS, ORDER_DESK, STAFF, type Role } from '../../../core/auth/roles.ts';

export type NavItem = {
  to: string;
  label: string;
  icon: ComponentType<{ size?: number }>;
  roles: readonly Role[];
  hint?: string;
  badge?: 'approvals';
};

/** The sidebar, in the order of the assistant's day; each entry only for the roles that may use it. */
export const NAV: NavItem[] = [
  { to: '/orders', label: 'nav.orders', icon: IconListDetails, roles: STAFF },
  { to: '/orders/new', label: 'nav.orderEntry', icon: IconPencilPlus, roles: ORDER_DESK, hint: 'Alt+N' },
  { to: '/approvals', label: 'rules.nav', icon: IconUserCheck, roles: ORDER_APPROVERS, badge: 'approvals' },
  { to: '/risks', label: 'nav.risks', icon: IconAlertTriangle, roles: STAFF },
  { to: '/edi', label: 'nav.edi', icon: IconArrowsExchange, roles: STAFF },
  { to: '/tasks', label: 'nav.tasks', icon: IconChecklist, roles: STAFF },
  { to: '/complaints', label: 'nav.complaints', icon: IconMessageExclamation, roles: STAFF },
  { to: '/customers', label: 'nav.customers', icon: IconUsers, roles: STAFF },
  { to: '/products', label: 'nav.products', icon: IconBox, roles: STAFF },
  { to: '/stock', label: 'nav.stock', icon: IconBuildingWarehouse, roles: STAFF },
  { to: '/penalties', label: 'nav.penalties', icon: IconScale, roles: STAFF },
  { to: '/terms', label: 'nav.terms', icon: IconReceipt, roles: CUSTOMER_EDITORS },
  { to: '/imports', label: 'nav.imports', icon: IconFileImport, roles: MASTER_DATA_ADMINS },
  { to: '/edi-partners', label: 'nav.ediPartners', icon: IconPlugConnected, roles: MASTER_DATA_ADMINS },
  { to: '/ops', label: 'nav.ops', icon: IconServerCog, roles: MASTER_DATA_ADMINS },
];

/** An entry is lit for its pages and their children; the order entry is not one of the order list's children. */
export function isNavActive(to: string, pathname: string): boolean {
  if (to === '/orders/new' || pathname === '/orders/new') return pathname === to;
  return pathname === to || pathname.startsWith(`${to}/`);
}
