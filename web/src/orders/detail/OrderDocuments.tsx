import { Anchor, Badge, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { documentUrl } from '../../api/documents.ts';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { useFormat } from '../../shared/use-format.ts';
import { useOrderDocuments } from '../../documents/use-order-documents.ts';
import type { OrderEmail } from '../../../../core/mail/mail.schemas.ts';

const STATUS_COLOR = { sent: 'green', pending: 'yellow', failed: 'red', print: 'gray' } as const;

/** The order's filed documents (acknowledgements, delivery notes) to open, and what became of each email sent about it. */
export function OrderDocuments({ orderId, customerId, version }: { orderId: number; customerId: number; version: string }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const { waiting, documents } = useOrderDocuments(orderId, version);
  const emails = useQuery({
    queryKey: ['orders', orderId, 'emails', version],
    queryFn: () => api.get<OrderEmail[]>(`/api/orders/${orderId}/emails`),
    // A pending email is being sent or retried: look again until it settles.
    refetchInterval: (q) => (q.state.data?.some((e) => e.status === 'pending') ? 5_000 : false),
  });
  const docs = documents.data ?? [];
  const mails = emails.data ?? [];
  const kindLabel = (kind: string) => (i18n.exists(`documents.kinds.${kind}`) ? t(`documents.kinds.${kind}`) : kind);

  return (
    <Paper withBorder p="sm" data-testid="order-documents">
      <Title order={5} mb="xs">
        {t('documents.title')}
      </Title>
      {documents.error && <ErrorAlert error={documents.error} />}
      {emails.error && <ErrorAlert error={emails.error} />}
      {documents.isSuccess && !docs.length && !waiting.length && (
        <Text size="sm" c="dimmed">
          {t('documents.none')}
        </Text>
      )}
      <Stack gap={6}>
        {waiting.map((p) => (
          <div key={`${p.kind}-${p.version}`} data-testid={`document-preparing-${p.kind}`}>
            <Group gap={6} wrap="nowrap">
              {p.status === 'preparing' ? <Loader size={12} /> : <IconFileTypePdf size={14} />}
              <Text size="sm">
                {kindLabel(p.kind)}
                {p.version > 1 ? ` v${p.version}` : ''}
              </Text>
            </Group>
            <Text size="xs" c={p.status === 'failed' ? 'red' : 'dimmed'} style={{ wordBreak: 'break-word' }}>
              {p.status === 'preparing'
                ? p.attempts === 0
                  ? t('documents.preparing')
                  : t('documents.preparingAgain', { attempts: p.attempts, error: p.error ?? '' })
                : t('documents.preparingFailed', { error: p.error ?? '' })}
            </Text>
          </div>
        ))}
        {docs.map((d) => (
          <div key={d.id}>
            <Anchor href={documentUrl(d.id)} target="_blank" size="sm" data-testid={`document-${d.kind}`}>
              <IconFileTypePdf size={14} /> {kindLabel(d.kind)}
            </Anchor>
            <Text size="xs" c="dimmed">
              {d.filename} · {fmt.dateTime(d.createdAt)}
            </Text>
            {mails
              .filter((m) => m.documentId === d.id)
              .map((m) => (
                <Stack gap={0} key={m.id} data-testid="order-email">
                  <Group gap={6} wrap="nowrap">
                    <Badge size="xs" variant="light" color={STATUS_COLOR[m.status]} style={{ flexShrink: 0 }}>
                      {t(`documents.emailStatus.${m.status}`)}
                    </Badge>
                    <Text size="xs" truncate>
                      {m.status === 'print' ? t('documents.onPaper') : (m.to ?? t('documents.noRecipient'))}
                    </Text>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {m.status === 'sent' && m.sentAt && t('documents.sentAt', { at: fmt.dateTime(m.sentAt) })}
                    {m.status === 'pending' &&
                      (m.attempts === 0
                        ? t('documents.sending')
                        : t('documents.retryAt', { at: m.nextAttemptAt ? fmt.dateTime(m.nextAttemptAt) : '—', attempts: m.attempts }))}
                  </Text>
                  {m.error && (
                    <Text
                      size="xs"
                      c={m.status === 'failed' ? 'red' : 'dimmed'}
                      style={{ wordBreak: 'break-word' }}
                      data-testid="order-email-error"
                    >
                      {t(`mailErrors.${m.error.code}`, m.error.params)}
                      {m.error.code === 'no-recipient' && (
                        <>
                          {' '}
                          <Anchor component={Link} to={`/customers/${customerId}`} size="xs">
                            {t('documents.openCustomer')}
                          </Anchor>
                        </>
                      )}
                    </Text>
                  )}
                </Stack>
              ))}
          </div>
        ))}
      </Stack>
    </Paper>
  );
}
