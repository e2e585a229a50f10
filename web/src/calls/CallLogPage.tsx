import { Anchor, Badge, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CallList } from '../../../core/calls/calls.schemas.ts';
import { api, withQuery } from '../api/client.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { SearchInput } from '../shared/SearchInput.tsx';
import { useFormat } from '../shared/use-format.ts';

/** The call log: every call, in or out, who, when, how long, why and what came of it; searchable. */
export function CallLogPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [q, setQ] = useState('');
  const calls = useQuery({
    queryKey: ['calls', q],
    queryFn: () => api.get<CallList>(withQuery('/api/calls', { q: q.trim() || undefined })),
  });
  return (
    <Stack gap="sm" maw={1300}>
      <PageTitle title={t('calls.log')} />
      <SearchInput label={t('calls.search')} value={q} onChange={setQ} placeholder={t('calls.search')} />
      <ErrorAlert error={calls.error} />
      {calls.isPending && <Loader />}
      {calls.data && !calls.data.items.length && <Text c="dimmed">{t('calls.none')}</Text>}
      {calls.data && calls.data.items.length > 0 && (
        <Paper withBorder>
          <Table data-testid="call-log" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={150}>{t('calls.when')}</Table.Th>
                <Table.Th>{t('calls.customer')}</Table.Th>
                <Table.Th w={150}>{t('calls.who')}</Table.Th>
                <Table.Th w={70}>{t('calls.length')}</Table.Th>
                <Table.Th w={140}>{t('calls.purpose')}</Table.Th>
                <Table.Th>{t('calls.outcome')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {calls.data.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Text size="sm">{fmt.dateTime(c.startedAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/customers/${c.customerId}`} size="sm">
                      {c.customerName}
                    </Anchor>
                    {c.contactName && (
                      <Text size="xs" c="dimmed">
                        {c.contactName}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {c.direction === 'in' ? '↙' : '↗'} {c.userName}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{`${Math.floor(c.durationSeconds / 60)}:${String(c.durationSeconds % 60).padStart(2, '0')}`}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="default" size="sm">
                      {t(`calls.purposes.${c.purpose}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`calls.outcomes.${c.outcome}`)}</Text>
                    {c.note && (
                      <Text size="xs" c="dimmed">
                        {c.note}
                      </Text>
                    )}
                    {c.links.orderNumber && (
                      <Anchor component={Link} to={`/orders/${c.links.orderId}`} size="xs">
                        {c.links.orderNumber}
                      </Anchor>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
