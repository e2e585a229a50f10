import { Anchor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PortalComplaintList } from '../../../core/complaints/complaints.schemas.ts';
import { api } from '../api/client.ts';
import { parisDateTime } from '../complaints/paris-time.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { useDocumentTitle } from '../shared/PageTitle.tsx';
import { useFormat } from '../shared/use-format.ts';
import { answeredOn } from './complaint-answered.ts';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** Her company's complaints, newest first (the server keeps the list to her company), each with where it stands. */
export function PortalComplaintsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  useDocumentTitle(t('portal.complaints.title'));
  const complaints = useQuery({
    queryKey: ['portal-complaints'],
    queryFn: () => api.get<PortalComplaintList>('/api/complaints'),
  });
  return (
    <Stack gap="md" maw={1100}>
      <Title order={1} size="h2">
        {t('portal.complaints.title')}
      </Title>
      <ErrorAlert error={complaints.error} />
      <Paper withBorder>
        <Table striped aria-label={t('portal.complaints.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('portal.number')}</Table.Th>
              <Table.Th>{t('portal.complaints.order')}</Table.Th>
              <Table.Th>{t('portal.complaints.reason')}</Table.Th>
              <Table.Th>{t('portal.complaints.sentOn')}</Table.Th>
              <Table.Th>{t('portal.status')}</Table.Th>
              <Table.Th>{t('portal.complaints.answer')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {complaints.data?.items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td style={NOWRAP}>
                  <Anchor component={Link} to={`/portal/complaints/${c.id}`}>
                    {c.number}
                  </Anchor>
                </Table.Td>
                <Table.Td style={NOWRAP}>{c.orderNumber ?? '—'}</Table.Td>
                <Table.Td>{t(`complaints.reasons.${c.reason}`)}</Table.Td>
                <Table.Td style={NOWRAP}>{fmt.date(c.receivedAt)}</Table.Td>
                <Table.Td>{t(`portal.complaints.statuses.${c.status}`)}</Table.Td>
                <Table.Td>
                  {answeredOn(c)
                    ? t('portal.complaints.answeredOn', { date: fmt.date(answeredOn(c)) })
                    : t('portal.complaints.answerBy', { date: parisDateTime(c.answerBy, fmt.date) })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {complaints.data?.items.length === 0 && (
          <Text p="md" c="dimmed">
            {t('portal.complaints.none')}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
