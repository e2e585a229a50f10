import { Anchor, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ORDER_APPROVERS } from '../../../../core/auth/roles.ts';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { ChangeRequestsQueue } from '../changes/ChangeRequestsQueue.tsx';
import { PageTitle } from '../../shared/PageTitle.tsx';
import { useFormat } from '../../shared/use-format.ts';
import { FindingList } from './FindingList.tsx';
import { useApprovals } from './use-approvals.ts';

/**
 * "À valider": drafts with a block or an approval nobody answered, oldest first, each opening on its order (managers);
 * below, the changes to confirmed orders waiting for a manager (managers and admins).
 */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  return (
    <Stack gap="sm" maw={1400}>
      <PageTitle title={t('rules.queueTitle')} />
      {can(ORDER_APPROVERS) && <DraftsQueue />}
      <ChangeRequestsQueue />
    </Stack>
  );
}

function DraftsQueue() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const approvals = useApprovals();
  if (approvals.isPending) return <Loader />;
  if (approvals.error) return <ErrorAlert error={approvals.error} />;
  const items = approvals.data.items;
  return (
    <Paper withBorder p="xs">
      {items.length === 0 ? (
        <Text size="sm" c="dimmed" p="sm" data-testid="approvals-empty">
          {t('rules.queueEmpty')}
        </Text>
      ) : (
        <Table data-testid="approvals" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('rules.queueOrder')}</Table.Th>
              <Table.Th>{t('rules.queueCustomer')}</Table.Th>
              <Table.Th ta="right">{t('rules.queueAmount')}</Table.Th>
              <Table.Th>{t('rules.queueSince')}</Table.Th>
              <Table.Th>{t('rules.queueTakenBy')}</Table.Th>
              <Table.Th>{t('rules.queueWhat')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.orderId} data-testid={`approval-${item.number}`}>
                <Table.Td>
                  <Anchor component={Link} to={`/orders/${item.orderId}`} size="sm" ff="monospace">
                    {item.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{item.customerName}</Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {fmt.money(item.totals.netCents)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{fmt.dateTime(item.createdAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{item.createdByName ?? '—'}</Text>
                </Table.Td>
                <Table.Td maw={560}>
                  <FindingList
                    findings={item.findings
                      .filter((f) => (f.severity === 'block' || f.severity === 'approval') && !f.resolution)
                      .map((f) => ({ rule: f.rule, severity: f.severity, message: f.messages }))}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
