import { Anchor, Badge, Code, Collapse, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentUrl } from '../api/documents.ts';
import { useFormat } from '../shared/use-format.ts';
import { useOrderEdi } from './use-edi.ts';

const STATUS_COLOR: Record<string, string> = {
  written: 'green',
  stored: 'yellow',
  writing: 'yellow',
  failed: 'red',
  accepted: 'green',
  queued: 'orange',
  rejected: 'red',
};

/** On the order page: the EDI message it came as (raw, on demand) and the ORDRSP / DESADV / INVOIC sent back. */
export function OrderEdiPanel({ orderId, version }: { orderId: number; version: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const edi = useOrderEdi(orderId, version);
  const [open, setOpen] = useState(false);
  const data = edi.data;
  if (!data || (data.inbound.length === 0 && data.outbound.length === 0)) return null;
  return (
    <Paper withBorder p="sm" data-testid="order-edi">
      <Title order={5} mb="xs">
        {t('edi.orderTitle')}
      </Title>
      <Stack gap={6}>
        {data.inbound.map((m) => (
          <div key={`in-${m.id}`}>
            <Group gap={6}>
              <Badge size="xs" variant="light">
                {t('edi.in')} {m.type}
              </Badge>
              <Badge size="xs" color={STATUS_COLOR[m.status] ?? 'gray'} variant="light">
                {t(`edi.status.${m.status}`)}
              </Badge>
              {m.documentId && (
                <Anchor href={documentUrl(m.documentId)} target="_blank" size="xs">
                  {m.controlReference}
                </Anchor>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {t(`edi.door.${m.door}`)} · {fmt.dateTime(m.receivedAt)}
            </Text>
            <UnstyledButton onClick={() => setOpen((o) => !o)}>
              <Text size="xs" c="blue">
                {open ? t('edi.hideRaw') : t('edi.showRaw')}
              </Text>
            </UnstyledButton>
            <Collapse in={open}>
              <Code block style={{ fontSize: 11, maxHeight: 240, overflow: 'auto' }}>
                {m.raw}
              </Code>
            </Collapse>
          </div>
        ))}
        {data.outbound.map((o) => (
          <div key={`out-${o.id}`}>
            <Group gap={6}>
              <Badge size="xs" variant="light" color="grape">
                {t('edi.out')} {o.type}
              </Badge>
              {o.documentNumber && (
                <Text size="xs" ff="monospace">
                  {o.documentNumber}
                </Text>
              )}
              <Badge size="xs" color={STATUS_COLOR[o.status] ?? 'gray'} variant="light">
                {t(`edi.outStatus.${o.status}`)}
              </Badge>
              {o.documentId && (
                <Anchor href={documentUrl(o.documentId)} target="_blank" size="xs">
                  {o.filename}
                </Anchor>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {fmt.dateTime(o.createdAt)}
              {o.error ? ` · ${o.error}` : ''}
            </Text>
          </div>
        ))}
      </Stack>
    </Paper>
  );
}
