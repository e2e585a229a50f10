import { AppShell, Button, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../app/auth.tsx';
import { LanguageSwitch } from '../shared/LanguageSwitch.tsx';
import { usePortalCatalogue } from './use-portal.ts';

/** The customer's own portal: her company's ordering, orders and documents; never the desk's navigation. */
export function PortalLayout() {
  const { t } = useTranslation();
  const { user, loading, logout } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  // Whether customer stocks apply to her company: the catalogue says so, as the server holds the stock routes to it.
  const catalogue = usePortalCatalogue();
  if (loading) return <Loader m="xl" />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (user.role !== 'buyer') return <Navigate to="/orders" replace />;
  const link = (to: string, label: string) => (
    <Button component={NavLink} to={to} end variant={location.pathname === to ? 'light' : 'subtle'} size="compact-sm">
      {label}
    </Button>
  );
  return (
    <AppShell header={{ height: 52 }} padding="md">
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between">
          <Group gap="md">
            {/* The portal's name, not a heading: each page has its own level-one title. */}
            <Text fw={700} size="lg" c="blue.8">
              {t('portal.title')}
            </Text>
            <nav aria-label={t('portal.nav')}>
              <Group gap={4}>
                {link('/portal', t('portal.order'))}
                {link('/portal/orders', t('portal.myOrders'))}
                {link('/portal/complaints', t('portal.complaints.title'))}
                {catalogue.data?.customerStocks && link('/portal/stock', t('portal.stock.title'))}
                {link('/portal/password', t('portal.password'))}
              </Group>
            </nav>
          </Group>
          <Group gap="md">
            <Text size="sm">{user.name}</Text>
            <LanguageSwitch />
            <Button variant="subtle" size="compact-sm" onClick={() => void logout().then(() => navigate('/login'))}>
              {t('app.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
