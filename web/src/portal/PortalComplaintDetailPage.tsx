import { Alert, Anchor, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { PortalComplaint } from '../../../core/complaints/complaints.schemas.ts';
import { api } from '../api/client.ts';
import { ComplaintPhotos } from '../complaints/ComplaintPhotos.tsx';
import { parisDateTime } from '../complaints/paris-time.ts';
import { errorMessage } from '../shared/error-message.ts';
import { useDocumentTitle } from '../shared/PageTitle.tsx';
import { useFormat } from '../shared/use-format.ts';
import { answeredOn } from './complaint-answered.ts';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/** One of her complaints: what she said of which goods, her photos (more may be added), and our answer once sent. */
export function PortalComplaintDetailPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const id = Number(useParams().id);
  // Set by the form when the complaint was filed but its photos were refused.
  const photoError = (useLocation().state as { photoError?: string | null } | null)?.photoError;
  const complaint = useQuery({ queryKey: ['complaints', id], queryFn: () => api.get<PortalComplaint>(`/api/complaints/${id}`) });
  const title = complaint.data ? t('portal.complaints.number', { number: complaint.data.number }) : null;
  useDocumentTitle(title);
  if (complaint.isPending) return <Text>{t('common.loading')}</Text>;
  if (!complaint.data) return <Alert color="red">{errorMessage(complaint.error, t)}</Alert>;
  const c = complaint.data;
  return (
    <Stack gap="md" maw={1000}>
      <Title order={1} size="h2">
        {title}
      </Title>
      {photoError && (
        <Alert color="orange" title={t('portal.complaints.photosRefused')}>
          {photoError}
        </Alert>
      )}
      <Paper withBorder p="sm">
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Field label={t('portal.status')}>{t(`portal.complaints.statuses.${c.status}`)}</Field>
          <Field label={t('portal.complaints.reason')}>{t(`complaints.reasons.${c.reason}`)}</Field>
          <Field label={t('portal.complaints.order')}>
            {c.orderId ? (
              <Anchor component={Link} to={`/portal/orders/${c.orderId}`}>
                {c.orderNumber}
              </Anchor>
            ) : (
              '—'
            )}
          </Field>
          <Field label={t('portal.complaints.delivery')}>
            {c.deliveryNumber ? `${c.deliveryNumber} · ${fmt.date(c.deliveredOn)}` : '—'}
          </Field>
          <Field label={t('portal.complaints.sentOn')}>{fmt.dateTime(c.receivedAt)}</Field>
          <Field label={t('portal.complaints.answerExpected')}>{parisDateTime(c.answerBy, fmt.date)}</Field>
          <Field label={t('portal.complaints.answeredAt')}>{answeredOn(c) ? fmt.dateTime(answeredOn(c)!) : '—'}</Field>
          <Field label={t('portal.complaints.settledAt')}>{c.resolvedAt ? fmt.dateTime(c.resolvedAt) : '—'}</Field>
        </SimpleGrid>
      </Paper>
      {c.lines.length > 0 && (
        <Paper withBorder>
          <Table aria-label={t('portal.complaints.goods')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('portal.product')}</Table.Th>
                <Table.Th>{t('portal.complaints.quantity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.lines.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>{l.productName}</Table.Td>
                  <Table.Td>{l.quantity}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Paper withBorder p="sm">
        <Title order={2} size="h4" mb={4}>
          {t('portal.complaints.yourWords')}
        </Title>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {c.description}
        </Text>
      </Paper>
      <ComplaintPhotos complaint={c} />
      <Paper withBorder p="sm" data-testid="portal-complaint-answer">
        <Title order={2} size="h4" mb={4}>
          {t('portal.complaints.ourAnswer')}
        </Title>
        {c.answer ? (
          <>
            <Text size="xs" c="dimmed" mb={4}>
              {t('portal.complaints.sentAt', { date: fmt.dateTime(c.answer.sentAt) })}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.answer.text}
            </Text>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('portal.complaints.noAnswerYet', { date: parisDateTime(c.answerBy, fmt.date) })}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
