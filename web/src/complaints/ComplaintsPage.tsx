import { Anchor, Badge, Button, Checkbox, Group, Loader, NativeSelect, Paper, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ORDER_DESK } from '../../../core/auth/roles.ts';
import { COMPLAINT_QUEUES, COMPLAINT_STATUSES } from '../../../core/complaints/complaint.ts';
import type { ComplaintList } from '../../../core/complaints/complaints.schemas.ts';
import { api, withQuery } from '../api/client.ts';
import { useAuth } from '../app/auth.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { useFormat } from '../shared/use-format.ts';
import { ComplaintStatusBadge } from './ComplaintStatusBadge.tsx';
import { parisDateTime } from './paris-time.ts';
import { actionRow } from '../shared/action-row.ts';

/** Every complaint, newest first, the late ones in red; a row opens the complaint. */
export function ComplaintsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const { can } = useAuth();
  const [status, setStatus] = useState('');
  const [overdue, setOverdue] = useState(false);
  const [queue, setQueue] = useState('');
  const complaints = useQuery({
    queryKey: ['complaints', status, overdue, queue],
    queryFn: () =>
      api.get<ComplaintList>(
        withQuery('/api/complaints', { status: status || undefined, overdue: overdue ? 'true' : undefined, queue: queue || undefined }),
      ),
  });

  return (
    <>
      <PageTitle title={t('complaints.title')}>
        {can(ORDER_DESK) && (
          <Button component={Link} to="/complaints/new" leftSection={<IconPlus size={14} />} data-testid="complaint-new">
            {t('complaints.new')}
          </Button>
        )}
      </PageTitle>
      <Paper withBorder p="xs" mb="sm">
        <Group gap="md" align="flex-end">
          <NativeSelect
            w={200}
            label={t('complaints.status')}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value)}
            data={[
              { value: '', label: t('complaints.allStatuses') },
              ...COMPLAINT_STATUSES.map((s) => ({ value: s, label: t(`complaints.statuses.${s}`) })),
            ]}
          />
          <NativeSelect
            w={200}
            label={t('complaints.queue')}
            data-testid="complaints-queue"
            value={queue}
            onChange={(e) => setQueue(e.currentTarget.value)}
            data={[
              { value: '', label: t('complaints.allQueues') },
              ...COMPLAINT_QUEUES.map((q) => ({ value: q, label: t(`complaints.queues.${q}`) })),
            ]}
          />
          <Checkbox label={t('complaints.overdueOnly')} checked={overdue} onChange={(e) => setOverdue(e.currentTarget.checked)} mb={6} />
        </Group>
      </Paper>
      <ErrorAlert error={complaints.error} />
      {complaints.isPending && <Loader />}
      {complaints.data && !complaints.data.items.length && <Text c="dimmed">{t('complaints.none')}</Text>}
      {complaints.data && complaints.data.items.length > 0 && (
        <Paper withBorder>
          <Table striped highlightOnHover data-testid="complaints-table" style={{ whiteSpace: 'nowrap' }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('complaints.number')}</Table.Th>
                <Table.Th>{t('complaints.customer')}</Table.Th>
                <Table.Th>{t('complaints.reason')}</Table.Th>
                <Table.Th>{t('complaints.received')}</Table.Th>
                <Table.Th>{t('complaints.claim.title')}</Table.Th>
                <Table.Th>{t('complaints.clock.answerBy')}</Table.Th>
                <Table.Th>{t('complaints.clock.resolveBy')}</Table.Th>
                <Table.Th>{t('complaints.status')}</Table.Th>
                <Table.Th>{t('complaints.owner')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {complaints.data.items.map((c) => (
                <Table.Tr key={c.id} {...actionRow(() => void navigate(`/complaints/${c.id}`))}>
                  <Table.Td ff="monospace">
                    <Anchor component={Link} to={`/complaints/${c.id}`} size="sm">
                      {c.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'normal' }}>{c.customerName}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'normal' }}>
                    {t(`complaints.reasons.${c.reason}`)}
                    {c.queue === 'quality' && (
                      <Badge ml={4} size="xs" color="grape" variant="light">
                        {t('complaints.queues.quality')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{fmt.dateTime(c.receivedAt)}</Table.Td>
                  <Table.Td>
                    {c.claimDeadline.withinTerms !== null && (
                      <Badge size="sm" variant="light" color={c.claimDeadline.withinTerms ? 'green' : 'red'}>
                        {t(`complaints.claim.${c.claimDeadline.withinTerms ? 'inTime' : 'outOfTime'}`)}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td c={c.overdue.answer ? 'red' : undefined} fw={c.overdue.answer ? 700 : undefined}>
                    {parisDateTime(c.answerBy, fmt.date)}
                  </Table.Td>
                  <Table.Td c={c.overdue.resolve ? 'red' : undefined} fw={c.overdue.resolve ? 700 : undefined}>
                    {fmt.date(c.resolveBy)}
                  </Table.Td>
                  <Table.Td w={120}>
                    <ComplaintStatusBadge status={c.status} />
                  </Table.Td>
                  <Table.Td>{c.ownerName ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </>
  );
}
