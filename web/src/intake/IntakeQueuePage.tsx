import { Alert, Badge, Box, Group, Loader, Paper, SegmentedControl, Select, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { INTAKE_CHANNELS, type IntakeChannel } from '../../../core/intake/intake-enums.ts';
import { PageTitle } from '../shared/PageTitle.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { useFormat } from '../shared/use-format.ts';
import { ConfidenceBadge } from './ConfidenceBadge.tsx';
import { useIntakeQueue } from './use-intake.ts';

export const CHANNEL_COLOR: Record<IntakeChannel, string> = { email: 'blue', fax: 'grape', edi: 'teal', portal: 'orange' };

/** "À saisir": every order that needs a person, whatever its channel; Enter or a click opens it where it is handled. */
export function IntakeQueuePage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const [channel, setChannel] = useState<IntakeChannel | 'all'>('all');
  const [status, setStatus] = useState('waiting');
  const queue = useIntakeQueue(channel === 'all' ? null : channel, status);
  const items = queue.data?.items ?? [];
  return (
    <Box maw={1400}>
      <PageTitle title={t('intake.title')}>
        <Group gap="sm">
          <SegmentedControl
            size="xs"
            value={channel}
            onChange={(v) => setChannel(v as IntakeChannel | 'all')}
            data={[
              { value: 'all', label: t('intake.allChannels') },
              ...INTAKE_CHANNELS.map((c) => ({ value: c, label: t(`intake.channels.${c}`) })),
            ]}
            aria-label={t('intake.channel')}
          />
          <Select
            size="xs"
            w={170}
            aria-label={t('intake.statusFilter')}
            value={status}
            onChange={(v) => setStatus(v ?? 'waiting')}
            data={['waiting', 'confirmed', 'dismissed'].map((s) => ({ value: s, label: t(`intake.statusFilters.${s}`) }))}
          />
        </Group>
      </PageTitle>
      {queue.error && <ErrorAlert error={queue.error} />}
      {queue.isLoading && <Loader size="sm" />}
      {!queue.isLoading && items.length === 0 && <Alert color="gray">{t('intake.empty')}</Alert>}
      {items.length > 0 && (
        <Paper withBorder>
          <Table highlightOnHover data-testid="intake-queue">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={90}>{t('intake.channel')}</Table.Th>
                <Table.Th w={150}>{t('intake.received')}</Table.Th>
                <Table.Th>{t('intake.from')}</Table.Th>
                <Table.Th>{t('intake.subject')}</Table.Th>
                <Table.Th>{t('intake.customer')}</Table.Th>
                <Table.Th w={70} ta="right">
                  {t('intake.lines')}
                </Table.Th>
                <Table.Th w={110}>{t('intake.confidence')}</Table.Th>
                <Table.Th w={120}>{t('intake.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr
                  key={`${item.source}-${item.id}`}
                  tabIndex={0}
                  style={{ cursor: 'pointer' }}
                  data-testid="intake-row"
                  onClick={() => void navigate(item.link)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') void navigate(item.link);
                  }}
                >
                  <Table.Td>
                    <Badge color={CHANNEL_COLOR[item.channel]} variant="light">
                      {t(`intake.channels.${item.channel}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{fmt.dateTime(item.receivedAt)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate maw={260}>
                      {item.from ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate maw={340}>
                      {item.subject ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {item.customerName ?? (
                      <Text c="orange.8" size="sm">
                        {t('intake.unknownSender')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{item.source === 'mailbox' ? item.lineCount : '—'}</Table.Td>
                  <Table.Td>{item.confidence !== null ? <ConfidenceBadge value={item.confidence} /> : '—'}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`intake.statuses.${item.source === 'mailbox' ? item.status : item.source}`)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Box>
  );
}
