import { Badge, Button, Grid, Group, Paper, Select, Table, Text, Tooltip } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ORDER_DESK } from '../../../core/auth/roles.ts';
import { NOTICE_STATUSES } from '../../../core/penalties/notice.ts';
import { api, withQuery } from '../api/client.ts';
import { useAuth } from '../app/auth.tsx';
import { useCustomerOptions } from '../orders/use-customer-options.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { useFormat } from '../shared/use-format.ts';
import { NoticeDetail } from './NoticeDetail.tsx';
import { DueDate, STATUS_COLORS } from './NoticeStatus.tsx';
import { RecordNoticeModal } from './RecordNoticeModal.tsx';
import type { NoticeList } from './types.ts';
import { actionRow } from '../shared/action-row.ts';

/** The penalty notices received: which break the law, which deadlines are near; the one chosen opens beside the list. */
export function PenaltiesPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const { can } = useAuth();
  const selected = Number(useParams().id) || null;
  const [params, setParams] = useSearchParams();
  const [recording, setRecording] = useState(false);
  const customers = useCustomerOptions();
  const filters = { status: params.get('status'), customerId: params.get('customerId'), due: params.get('due') };
  const setFilter = (name: string, value: string | null) =>
    setParams(
      (p) => {
        if (value) p.set(name, value);
        else p.delete(name);
        return p;
      },
      { replace: true },
    );
  const notices = useQuery({
    queryKey: ['penalty-notices', filters],
    queryFn: () => api.get<NoticeList>(withQuery('/api/penalty-notices', filters)),
  });
  const open = (id: number) => void navigate({ pathname: `/penalties/${id}`, search: params.toString() });

  return (
    <>
      <PageTitle title={t('penalties.title')}>
        {can(ORDER_DESK) && (
          <Button leftSection={<IconPlus size={14} />} onClick={() => setRecording(true)} data-testid="notice-record">
            {t('penalties.record')}
          </Button>
        )}
      </PageTitle>
      <Paper withBorder p="xs" mb="sm">
        <Group gap="xs" align="flex-end">
          <Select
            label={t('penalties.status')}
            placeholder={t('common.all')}
            clearable
            w={170}
            value={filters.status}
            onChange={(v) => setFilter('status', v)}
            data={NOTICE_STATUSES.map((s) => ({ value: s, label: t(`penalties.statuses.${s}`) }))}
          />
          <Select
            label={t('penalties.customer')}
            placeholder={t('common.all')}
            clearable
            searchable
            w={320}
            value={filters.customerId}
            onChange={(v) => setFilter('customerId', v)}
            data={customers}
          />
          <Select
            label={t('penalties.due')}
            placeholder={t('common.all')}
            clearable
            w={200}
            value={filters.due}
            onChange={(v) => setFilter('due', v)}
            data={(['any', 'soon', 'overdue'] as const).map((d) => ({ value: d, label: t(`penalties.dueFilter.${d}`) }))}
          />
        </Group>
      </Paper>
      <ErrorAlert error={notices.error} />
      {/* With a notice open beside it, the list keeps what finds a notice; its kind, cap and checks are in the detail. */}
      <Grid gutter="sm" align="flex-start">
        <Grid.Col span={{ base: 12, xl: selected ? 7 : 12 }}>
          <Paper withBorder p="xs">
            <Table highlightOnHover data-testid="notices-table" style={{ cursor: 'pointer' }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('penalties.reference')}</Table.Th>
                  <Table.Th>{t('penalties.customer')}</Table.Th>
                  {!selected && <Table.Th>{t('penalties.kind')}</Table.Th>}
                  <Table.Th ta="right">{t('penalties.claimed')}</Table.Th>
                  {!selected && <Table.Th ta="right">{t('penalties.legalCap')}</Table.Th>}
                  {!selected && <Table.Th>{t('penalties.checks')}</Table.Th>}
                  <Table.Th>{t('penalties.deadline')}</Table.Th>
                  <Table.Th>{t('penalties.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {notices.data?.items.map((n) => (
                  <Table.Tr
                    key={n.id}
                    {...actionRow(() => open(n.id))}
                    aria-current={n.id === selected ? 'true' : undefined}
                    bg={n.id === selected ? 'var(--mantine-color-blue-light)' : undefined}
                  >
                    <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                      {n.reference}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2} maw={220}>
                        {n.customerName}
                      </Text>
                    </Table.Td>
                    {!selected && <Table.Td>{t(`penalties.kinds.${n.kind}`)}</Table.Td>}
                    <Table.Td ta="right">{fmt.money(n.claimedCents)}</Table.Td>
                    {!selected && (
                      <>
                        <Table.Td
                          ta="right"
                          c={n.assessment.capCents !== null && n.claimedCents > n.assessment.capCents ? 'red' : undefined}
                        >
                          {n.assessment.capCents === null ? '—' : fmt.money(n.assessment.capCents)}
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            {n.assessment.findings.map((f) => (
                              <Tooltip key={f.id} label={t(`penalties.checkNames.${f.id}`)}>
                                <Badge
                                  size="xs"
                                  miw="max-content"
                                  variant="light"
                                  color={f.severity === 'contest' ? 'red' : f.severity === 'warning' ? 'yellow' : 'gray'}
                                >
                                  {t(`penalties.checkShort.${f.id}`)}
                                </Badge>
                              </Tooltip>
                            ))}
                          </Group>
                        </Table.Td>
                      </>
                    )}
                    <Table.Td>
                      <DueDate notice={n} />
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLORS[n.status]} variant="light" miw="max-content">
                        {t(`penalties.statuses.${n.status}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {notices.data?.items.length === 0 && (
              <Text size="sm" c="dimmed" p="xs">
                {t('common.none')}
              </Text>
            )}
          </Paper>
        </Grid.Col>
        {selected && (
          <Grid.Col span={{ base: 12, xl: 5 }}>
            <NoticeDetail id={selected} onClose={() => void navigate({ pathname: '/penalties', search: params.toString() })} />
          </Grid.Col>
        )}
      </Grid>
      {recording && <RecordNoticeModal onClose={() => setRecording(false)} onRecorded={(id) => open(id)} />}
    </>
  );
}
