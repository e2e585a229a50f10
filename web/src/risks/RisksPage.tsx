import { Anchor, Badge, Button, Group, Paper, Select, Table, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ORDER_DESK } from '../../../core/auth/roles.ts';
import { RISK_CAUSES } from '../../../core/risks/risk.types.ts';
import { api } from '../api/client.ts';
import { useAuth } from '../app/auth.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { useFormat } from '../shared/use-format.ts';
import { RiskCauseBadge } from './RiskCauseBadge.tsx';
import { daysLeftLabel } from './days-left.ts';
import { useRisks } from './use-risks.ts';
import { actionRow } from '../shared/action-row.ts';
import { useLanguage } from '../shared/use-language.ts';

/**
 * The risk board: every order line that will not be delivered as promised, the most urgent first, with why it is
 * urgent in words the assistant can repeat on the phone. A row opens the risk (where the call and the options go).
 */
export function RisksPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [status, setStatus] = useState<string | null>('open');
  const [cause, setCause] = useState<string | null>(null);
  const risks = useRisks({ status, cause, customerId: null });
  const scan = useMutation({
    mutationFn: () => api.post('/api/risks/scan'),
    onSuccess: () => client.invalidateQueries({ queryKey: ['risks'] }),
  });
  const lang = useLanguage();

  return (
    <>
      <PageTitle title={t('risks.title')}>
        {can(ORDER_DESK) && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconRefresh size={14} />}
            loading={scan.isPending}
            onClick={() => scan.mutate()}
            data-testid="risks-scan"
          >
            {t('risks.scan')}
          </Button>
        )}
      </PageTitle>
      <Paper withBorder p="xs" mb="sm">
        <Group gap="xs" align="flex-end">
          <Select
            w={180}
            label={t('risks.status')}
            value={status}
            onChange={setStatus}
            clearable
            data={['open', 'resolved', 'obsolete'].map((s) => ({ value: s, label: t(`risks.statuses.${s}`) }))}
          />
          <Select
            w={240}
            label={t('risks.causeLabel')}
            value={cause}
            onChange={setCause}
            clearable
            data={RISK_CAUSES.map((c) => ({ value: c, label: t(`risks.cause.${c}`) }))}
          />
        </Group>
      </Paper>
      <ErrorAlert error={risks.error ?? scan.error} />
      <Paper withBorder>
        <Table striped highlightOnHover data-testid="risks-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('risks.priority')}</Table.Th>
              <Table.Th>{t('risks.causeLabel')}</Table.Th>
              <Table.Th>{t('risks.order')}</Table.Th>
              <Table.Th>{t('risks.customer')}</Table.Th>
              <Table.Th>{t('risks.product')}</Table.Th>
              <Table.Th ta="right">{t('risks.shortfall')}</Table.Th>
              <Table.Th ta="right">{t('risks.exposure')}</Table.Th>
              <Table.Th>{t('risks.promised')}</Table.Th>
              <Table.Th>{t('risks.why')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(risks.data?.items ?? []).map((r) => (
              <Table.Tr key={r.id} {...actionRow(() => void navigate(`/risks/${r.id}`))}>
                <Table.Td>
                  <Badge variant="filled" color={r.priorityScore >= 70 ? 'red' : r.priorityScore >= 50 ? 'orange' : 'gray'}>
                    {r.priorityScore}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <RiskCauseBadge cause={r.cause} />
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/orders/${r.orderId}`} ff="monospace" size="sm" onClick={(e) => e.stopPropagation()}>
                    {r.orderNumber}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.customerName}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {r.productCode ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{r.shortfall > 0 ? fmt.number(r.shortfall) : '—'}</Table.Td>
                <Table.Td ta="right">{r.exposureCents > 0 ? fmt.money(r.exposureCents) : '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm">{fmt.date(r.promisedDate)}</Text>
                  <Text size="xs" c={r.daysLeft <= 1 ? 'red' : 'dimmed'}>
                    {daysLeftLabel(t, r.daysLeft)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {r.priorityReason[lang]}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {risks.data?.items.length === 0 && (
          <Text p="md" c="dimmed" size="sm">
            {t('risks.none')}
          </Text>
        )}
      </Paper>
    </>
  );
}
