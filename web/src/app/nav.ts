import { IconCalendarTime, IconMoodSmile, IconPhoneCall, IconUserCheck, IconUserCog, IconUsersGroup } from '@tabler/icons-react';
import {
  IconBox,
  IconBuildingFactory2,
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
import { IconInbox } from '@tabler/icons-react';
import { IconArrowsExchange, IconMessageExclamation, IconPlugConnected, IconServerCog } from '@tabler/icons-react';
import { IconChartLine, IconFileSearch, IconListCheck } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import {
  ACCOUNT_ADMINS,
  CHANGE_APPROVERS,
  CUSTOMER_EDITORS,
  MASTER_DATA_ADMINS,
  ORDER_APPROVERS,
  ORDER_DESK,
  STAFF,
  type Role,
} from '../../../core/auth/roles.ts';

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
  { to: '/day', label: 'nav.day', icon: IconCalendarTime, roles: ORDER_DESK },
  { to: '/team', label: 'nav.team', icon: IconUsersGroup, roles: ORDER_APPROVERS },
  { to: '/orders', label: 'nav.orders', icon: IconListDetails, roles: STAFF },
  { to: '/orders/new', label: 'nav.orderEntry', icon: IconPencilPlus, roles: ORDER_DESK, hint: 'Alt+N' },
  { to: '/intake', label: 'nav.intake', icon: IconInbox, roles: STAFF },
  { to: '/approvals', label: 'rules.nav', icon: IconUserCheck, roles: CHANGE_APPROVERS, badge: 'approvals' },
  { to: '/risks', label: 'nav.risks', icon: IconAlertTriangle, roles: STAFF },
  { to: '/edi', label: 'nav.edi', icon: IconArrowsExchange, roles: STAFF },
  { to: '/tasks', label: 'nav.tasks', icon: IconChecklist, roles: STAFF },
  { to: '/calls', label: 'nav.calls', icon: IconPhoneCall, roles: STAFF },
  { to: '/satisfaction', label: 'nav.satisfaction', icon: IconMoodSmile, roles: STAFF },
  { to: '/complaints', label: 'nav.complaints', icon: IconMessageExclamation, roles: STAFF },
  { to: '/controls', label: 'nav.controls', icon: IconListCheck, roles: STAFF },
  { to: '/documents', label: 'nav.documents', icon: IconFileSearch, roles: STAFF },
  { to: '/customers', label: 'nav.customers', icon: IconUsers, roles: STAFF },
  { to: '/products', label: 'nav.products', icon: IconBox, roles: STAFF },
  { to: '/stock', label: 'nav.stock', icon: IconBuildingWarehouse, roles: STAFF },
  { to: '/stock/shortfalls', label: 'nav.shortfalls', icon: IconBuildingFactory2, roles: STAFF },
  { to: '/penalties', label: 'nav.penalties', icon: IconScale, roles: STAFF },
  { to: '/reports', label: 'nav.reports', icon: IconChartLine, roles: STAFF },
  { to: '/terms', label: 'nav.terms', icon: IconReceipt, roles: CUSTOMER_EDITORS },
  { to: '/imports', label: 'nav.imports', icon: IconFileImport, roles: MASTER_DATA_ADMINS },
  { to: '/edi-partners', label: 'nav.ediPartners', icon: IconPlugConnected, roles: MASTER_DATA_ADMINS },
  { to: '/ops', label: 'nav.ops', icon: IconServerCog, roles: MASTER_DATA_ADMINS },
  { to: '/users', label: 'nav.users', icon: IconUserCog, roles: ACCOUNT_ADMINS },
];

const within = (to: string, pathname: string) => pathname === to || pathname.startsWith(`${to}/`);

/**
 * An entry is lit for its pages and their children, unless an entry of its own (the production shortfalls under
 * the stock) is; the order entry is not one of the order list's children.
 */
export function isNavActive(to: string, pathname: string): boolean {
  if (to === '/orders/new' || pathname === '/orders/new') return pathname === to;
  if (NAV.some((n) => n.to.startsWith(`${to}/`) && within(n.to, pathname))) return false;
  return within(to, pathname);
}
