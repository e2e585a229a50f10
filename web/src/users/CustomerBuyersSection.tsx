import { Alert, Button, Group, Modal, MultiSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconMailPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserAccount } from '../../../core/auth/users.schemas.ts';
import type { DeliveryPoint } from '../../../core/customers/customer.ts';
import { api } from '../api/client.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { FormActions } from '../shared/FormActions.tsx';
import { useFormat } from '../shared/use-format.ts';
import { useSubmit } from '../shared/use-submit.ts';
import { AccountStateBadge } from './AccountStateBadge.tsx';
import { USERS_KEY, useUsers } from './use-users.ts';
import { NameEmailFields } from './NameEmailFields.tsx';

/** The customer's portal: her buyers' accounts, and an invitation for another one (a one-time link by email). */
export function CustomerBuyersSection({ customerId, points }: { customerId: number; points: readonly DeliveryPoint[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const users = useUsers();
  const [inviting, setInviting] = useState(false);
  const [invited, setInvited] = useState<UserAccount | null>(null);
  const buyers = (users.data ?? []).filter((u) => u.role === 'buyer' && u.customerId === customerId);
  return (
    <Paper withBorder p="sm" data-testid="portal-buyers">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('buyers.title')}</Title>
        <Button variant="light" leftSection={<IconMailPlus size={14} />} onClick={() => setInviting(true)}>
          {t('buyers.invite')}
        </Button>
      </Group>
      {invited && (
        <Alert color="green" role="status" mb="xs" withCloseButton onClose={() => setInvited(null)}>
          {t('buyers.queued', { name: invited.name, email: invited.email })}
        </Alert>
      )}
      <ErrorAlert error={users.error} />
      {users.data && buyers.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('buyers.none')}
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('users.name')}</Table.Th>
              <Table.Th>{t('users.email')}</Table.Th>
              <Table.Th>{t('buyers.points')}</Table.Th>
              <Table.Th>{t('users.stateLabel')}</Table.Th>
              <Table.Th>{t('users.lastLogin')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {buyers.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td fw={500}>{b.name}</Table.Td>
                <Table.Td>{b.email}</Table.Td>
                <Table.Td data-testid="buyer-points">
                  {b.deliveryPointIds.length
                    ? points
                        .filter((p) => b.deliveryPointIds.includes(p.id))
                        .map((p) => `${p.code} · ${p.name}`)
                        .join(', ')
                    : t('buyers.allPoints')}
                </Table.Td>
                <Table.Td>
                  <AccountStateBadge account={b} />
                </Table.Td>
                <Table.Td>{b.lastLoginAt ? fmt.dateTime(b.lastLoginAt) : t('users.never')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {inviting && (
        <InviteBuyerModal
          customerId={customerId}
          points={points}
          onClose={() => setInviting(false)}
          onInvited={(account) => {
            setInviting(false);
            setInvited(account);
          }}
        />
      )}
    </Paper>
  );
}

function InviteBuyerModal({
  customerId,
  points,
  onClose,
  onInvited,
}: {
  customerId: number;
  points: readonly DeliveryPoint[];
  onClose: () => void;
  onInvited: (account: UserAccount) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [pointIds, setPointIds] = useState<string[]>([]);
  const form = useSubmit(
    () =>
      api.post<UserAccount>('/api/users/invitations', {
        customerId,
        name: name.trim(),
        email: email.trim(),
        deliveryPointIds: pointIds.map(Number),
      }),
    (account) => {
      void queryClient.invalidateQueries({ queryKey: USERS_KEY });
      onInvited(account);
    },
  );
  // A refused point is named by its place in the list (deliveryPointIds.2): the select shows it.
  const pointsError = Object.entries(form.errors).find(([field]) => field.startsWith('deliveryPointIds'))?.[1];
  return (
    <Modal opened onClose={onClose} title={t('buyers.invite')} size="lg">
      <form onSubmit={form.handleSubmit} noValidate data-testid="invite-buyer">
        <Stack gap="sm">
          <ErrorAlert error={form.generalError} />
          <NameEmailFields name={name} email={email} errors={form.errors} onName={setName} onEmail={setEmail} />
          <MultiSelect
            label={t('buyers.points')}
            description={t('buyers.pointsHint')}
            placeholder={pointIds.length ? undefined : t('buyers.allPoints')}
            data={points.map((p) => ({ value: String(p.id), label: `${p.code} · ${p.name} (${p.city})` }))}
            value={pointIds}
            error={pointsError}
            searchable
            comboboxProps={{ withinPortal: true }}
            onChange={setPointIds}
          />
          <Text size="sm" c="dimmed">
            {t('buyers.linkHint')}
          </Text>
          <FormActions busy={form.busy} onCancel={onClose} submitLabel={t('buyers.send')} />
        </Stack>
      </form>
    </Modal>
  );
}
