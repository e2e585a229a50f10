import { AppShell, Button, Group, Kbd, Loader, Menu, NavLink, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconKey, IconLogout, IconPhoneIncoming } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth } from './auth.tsx';
import { LanguageSwitch } from '../shared/LanguageSwitch.tsx';
import { isNavActive, NAV } from './nav.ts';
import { ApprovalsBadge } from '../orders/rules/ApprovalsBadge.tsx';
import { RisksBadge } from '../risks/RisksBadge.tsx';
import { EdiBadge } from '../edi/EdiBadge.tsx';
import { useStartInboundCall } from './inbound-call.ts';

export function Layout() {
  const { t } = useTranslation();
  const { user, loading, logout, can } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const startInboundCall = useStartInboundCall();

  if (loading) return <Loader m="xl" />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (user.role === 'buyer') return <Navigate to="/portal" replace />;

  return (
    <AppShell header={{ height: 48 }} navbar={{ width: 210, breakpoint: 0 }} padding="md">
      <a className="skip-link" href="#main">
        {t('a11y.skipToContent')}
      </a>
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between">
          <Group gap="xs">
            <Text component="span" fz="h4" fw={700} c="blue.8">
              Carnet
            </Text>
            <Text size="xs" c="dimmed">
              {t('app.tagline')}
            </Text>
          </Group>
          <Group gap="md">
            {startInboundCall && (
              <Button
                size="compact-sm"
                variant="light"
                leftSection={<IconPhoneIncoming size={14} />}
                rightSection={<Kbd size="xs">Alt+A</Kbd>}
                onClick={startInboundCall}
                title={t('inboundCall.buttonTitle')}
                aria-keyshortcuts="Alt+A"
                data-testid="inbound-call"
              >
                {t('inboundCall.button')}
              </Button>
            )}
            <Text size="xs" c="dimmed">
              <Kbd size="xs">Ctrl</Kbd>+<Kbd size="xs">K</Kbd> {t('app.searchHint')}
            </Text>
            <Text size="xs" c="dimmed">
              <Kbd size="xs">?</Kbd> {t('shortcuts.hint')}
            </Text>
            <LanguageSwitch />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label={t('app.userMenu')}>
                  <Group gap={4}>
                    <Text size="sm" fw={500}>
                      {user.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      ({t(`roles.${user.role}`)})
                    </Text>
                    <IconChevronDown size={14} />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{user.email}</Menu.Label>
                <Menu.Item component={Link} to="/password" leftSection={<IconKey size={14} />}>
                  {t('portal.password')}
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconLogout size={14} />}
                  onClick={() => {
                    void logout().then(() => navigate('/login'));
                  }}
                >
                  {t('app.logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      {/* An admin's two dozen screens are taller than a laptop's window: the list scrolls, the page does not move. */}
      <AppShell.Navbar p="xs" aria-label={t('a11y.navigation')} style={{ overflowY: 'auto' }}>
        {NAV.filter((item) => can(item.roles)).map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(item.label)}
            leftSection={<item.icon size={18} />}
            rightSection={
              item.badge === 'approvals' ? (
                <ApprovalsBadge />
              ) : item.to === '/risks' ? (
                <RisksBadge />
              ) : item.to === '/edi' ? (
                <EdiBadge />
              ) : item.hint ? (
                <Kbd size="xs">{item.hint}</Kbd>
              ) : null
            }
            active={isNavActive(item.to, location.pathname)}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} style={{ outline: 'none' }}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
