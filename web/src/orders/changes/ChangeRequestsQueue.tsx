import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ChangeRequest } from '../../api/types.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { useFormat } from '../../shared/use-format.ts';
import { FindingList } from '../rules/FindingList.tsx';
import { ReasonModal } from '../rules/ReasonModal.tsx';
import { ChangeSummary } from './ChangeSummary.tsx';
import { useDecideChangeRequest, usePendingChangeRequests } from './use-change-requests.ts';

/**
 * The approvals queue's second part: changes to confirmed orders waiting for a manager, oldest first, each with the
 * lines before and after and the findings; approved (made as asked) or refused, with a reason.
 */
export function ChangeRequestsQueue() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const pending = usePendingChangeRequests();
  const decide = useDecideChangeRequest();
  const [deciding, setDeciding] = useState<{ request: ChangeRequest; decision: 'approve' | 'refuse' } | null>(null);
  const items = pending.data?.items ?? [];
  return (
    <Paper withBorder p="xs">
      <Title order={2} size="h5" mb="xs">
        {t('changes.queueTitle')}
      </Title>
      <ErrorAlert error={pending.error ?? decide.error} />
      {pending.data && items.length === 0 ? (
        <Text size="sm" c="dimmed" p="sm" data-testid="change-requests-empty">
          {t('changes.queueEmpty')}
        </Text>
      ) : (
        <Table data-testid="change-requests" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('rules.queueOrder')}</Table.Th>
              <Table.Th>{t('rules.queueCustomer')}</Table.Th>
              <Table.Th>{t('changes.askedByShort')}</Table.Th>
              <Table.Th>{t('changes.what')}</Table.Th>
              <Table.Th>{t('rules.queueWhat')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => (
              <Table.Tr key={r.id} data-testid={`change-request-${r.orderNumber}`} style={{ verticalAlign: 'top' }}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Anchor component={Link} to={`/orders/${r.orderId}`} size="sm" ff="monospace">
                    {r.orderNumber}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.customerName}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{r.requestedByName ?? '—'}</Text>
                  <Text size="xs" c="dimmed">
                    {fmt.dateTime(r.requestedAt)}
                  </Text>
                </Table.Td>
                <Table.Td miw={320}>
                  <ChangeSummary summary={r.summary} />
                </Table.Td>
                <Table.Td maw={420}>
                  <FindingList findings={r.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.messages }))} />
                </Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    <Button
                      size="xs"
                      color="green"
                      data-testid={`change-request-approve-${r.id}`}
                      onClick={() => setDeciding({ request: r, decision: 'approve' })}
                    >
                      {t('changes.approve')}
                    </Button>
                    <Button
                      size="xs"
                      variant="light"
                      color="red"
                      data-testid={`change-request-refuse-${r.id}`}
                      onClick={() => setDeciding({ request: r, decision: 'refuse' })}
                    >
                      {t('changes.refuse')}
                    </Button>
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ReasonModal
        opened={deciding !== null}
        title={deciding ? t(`changes.${deciding.decision}Title`, { number: deciding.request.orderNumber }) : ''}
        submit={deciding ? t(`changes.${deciding.decision}`) : ''}
        color={deciding?.decision === 'refuse' ? 'red' : 'green'}
        busy={decide.isPending}
        onClose={() => setDeciding(null)}
        onSubmit={(reason) =>
          deciding &&
          decide.mutate({ id: deciding.request.id, decision: deciding.decision, reason }, { onSettled: () => setDeciding(null) })
        }
      >
        <Group>
          <Text size="sm">{t(`changes.${deciding?.decision ?? 'approve'}Hint`)}</Text>
        </Group>
      </ReasonModal>
    </Paper>
  );
}
