import { Alert, Button, Group, Loader, Modal, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { IconLockOpen, IconMailForward, IconPlus, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_ADMINS, STAFF, type Role } from '../../../core/auth/roles.ts';
import type { UserAccount } from '../../../core/auth/users.schemas.ts';
import { api } from '../api/client.ts';
import { useAuth } from '../app/auth.tsx';
import { nowInstant } from '../shared/clock.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { useFormat } from '../shared/use-format.ts';
import { AccountStateBadge } from './AccountStateBadge.tsx';
import { accountState } from './account-state.ts';
import { NewColleagueModal } from './NewColleagueModal.tsx';
import { USERS_KEY, useUsers } from './use-users.ts';

type Change = { account: UserAccount; patch: { role?: Role; active?: boolean; unlock?: true } };

/**
 * The admin's accounts: who logs in, with which role, whether she may; a colleague's account opened with an emailed
 * link, a role changed, an account switched off (after a confirmation: her sessions end) or on, a lock lifted, a
 * reset link sent.
 */
export function UsersPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { user, can } = useAuth();
  const queryClient = useQueryClient();
  const users = useUsers();
  const [creating, setCreating] = useState(false);
  const [deactivating, setDeactivating] = useState<UserAccount | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const done = (text: string) => {
    setNotice(text);
    void queryClient.invalidateQueries({ queryKey: USERS_KEY });
  };
  const change = useMutation({
    mutationFn: ({ account, patch }: Change) => api.patch<UserAccount>(`/api/users/${account.id}`, patch),
    onMutate: () => setNotice(null),
    onSuccess: (account, { patch }) => {
      setDeactivating(null);
      const key = patch.role ? 'roleChanged' : patch.unlock ? 'unlocked' : patch.active ? 'reactivated' : 'deactivated';
      done(t(`users.done.${key}`, { name: account.name, role: t(`roles.${account.role}`) }));
    },
  });
  const reset = useMutation({
    mutationFn: (account: UserAccount) => api.post<void>(`/api/users/${account.id}/reset`),
    onMutate: () => setNotice(null),
    onSuccess: (_, account) => done(t('users.done.resetQueued', { email: account.email })),
  });
  if (!can(ACCOUNT_ADMINS)) return <Alert color="yellow">{t('users.adminsOnly')}</Alert>;
  const now = nowInstant();

  return (
    <Stack gap="sm" maw={1400}>
      <PageTitle title={t('users.title')}>
        <Button leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)}>
          {t('users.new')}
        </Button>
      </PageTitle>
      {notice && (
        <Alert color="green" role="status" withCloseButton onClose={() => setNotice(null)} data-testid="users-notice">
          {notice}
        </Alert>
      )}
      <ErrorAlert error={users.error ?? change.error ?? reset.error} />
      {users.isPending && <Loader />}
      {users.data && (
        <Paper withBorder p="sm">
          <Table striped data-testid="users">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users.name')}</Table.Th>
                <Table.Th>{t('users.email')}</Table.Th>
                <Table.Th>{t('users.role')}</Table.Th>
                <Table.Th>{t('users.customer')}</Table.Th>
                <Table.Th>{t('users.stateLabel')}</Table.Th>
                <Table.Th>{t('users.lastLogin')}</Table.Th>
                <Table.Th>{t('users.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.map((a) => {
                const self = a.id === user?.id;
                const state = accountState(a, now).kind;
                return (
                  <Table.Tr key={a.id} data-testid={`user-${a.email}`}>
                    <Table.Td fw={500} style={{ whiteSpace: 'nowrap' }}>
                      {a.name}
                    </Table.Td>
                    <Table.Td>{a.email}</Table.Td>
                    <Table.Td miw={170}>
                      {a.role === 'buyer' ? (
                        t('roles.buyer')
                      ) : (
                        <Select
                          size="xs"
                          aria-label={t('users.roleOf', { name: a.name })}
                          allowDeselect={false}
                          disabled={self || change.isPending}
                          title={self ? t('users.notYourself') : undefined}
                          data={STAFF.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                          value={a.role}
                          onChange={(role) => role && role !== a.role && change.mutate({ account: a, patch: { role: role as Role } })}
                        />
                      )}
                    </Table.Td>
                    <Table.Td>{a.customerName ?? ''}</Table.Td>
                    <Table.Td>
                      {/* The lock is lifted where it is read. */}
                      <Stack gap={4} align="flex-start">
                        <AccountStateBadge account={a} />
                        {state === 'locked' && (
                          <Button
                            size="compact-xs"
                            variant="light"
                            color="orange"
                            leftSection={<IconLockOpen size={12} />}
                            onClick={() => change.mutate({ account: a, patch: { unlock: true } })}
                          >
                            {t('users.unlock')}
                          </Button>
                        )}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      {a.lastLoginAt ? (
                        fmt.dateTime(a.lastLoginAt)
                      ) : (
                        <Text c="dimmed" size="sm">
                          {t('users.never')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          leftSection={<IconMailForward size={12} />}
                          disabled={!a.active}
                          loading={reset.isPending && reset.variables?.id === a.id}
                          onClick={() => reset.mutate(a)}
                        >
                          {t('users.sendReset')}
                        </Button>
                        {a.active ? (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            color="red"
                            leftSection={<IconUserOff size={12} />}
                            disabled={self}
                            onClick={() => setDeactivating(a)}
                          >
                            {t('users.deactivate')}
                          </Button>
                        ) : (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            leftSection={<IconUserCheck size={12} />}
                            onClick={() => change.mutate({ account: a, patch: { active: true } })}
                          >
                            {t('users.reactivate')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {creating && (
        <NewColleagueModal
          onClose={() => setCreating(false)}
          onCreated={(account) => {
            setCreating(false);
            done(t('users.done.invitationQueued', { name: account.name, email: account.email }));
          }}
        />
      )}
      {deactivating && (
        <Modal opened onClose={() => setDeactivating(null)} title={t('users.deactivateTitle', { name: deactivating.name })} size="md">
          <Stack gap="sm">
            <Text size="sm">{t('users.deactivateText', { name: deactivating.name })}</Text>
            <ErrorAlert error={change.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDeactivating(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                loading={change.isPending}
                data-testid="confirm-deactivate"
                onClick={() => change.mutate({ account: deactivating, patch: { active: false } })}
              >
                {t('users.deactivate')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Stack>
  );
}
