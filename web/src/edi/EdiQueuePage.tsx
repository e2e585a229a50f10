import { Alert, Anchor, Badge, Button, Card, Grid, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { documentUrl } from '../api/documents.ts';
import { api } from '../api/client.ts';
import type { ProductList } from '../api/types.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { useFormat } from '../shared/use-format.ts';
import { ediReason } from './edi-reason.ts';
import { RawSegments } from './RawSegments.tsx';
import type { QueueFinding, QueueMessage } from '../../../core/edi/edi.schemas.ts';
import { useEdiFix, useEdiQueue } from './use-edi.ts';

const SEVERITY_COLOR: Record<string, string> = { block: 'red', approval: 'orange', warning: 'yellow', info: 'gray' };

function ProductPicker({ onPick, busy }: { onPick: (productId: number) => void; busy: boolean }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [value, setValue] = useState<string | null>(null);
  const products = useQuery({
    queryKey: ['products', 'search', q],
    queryFn: () => api.get<ProductList>(`/api/products?limit=20&q=${encodeURIComponent(q)}`),
  });
  return (
    <Group gap="xs" wrap="nowrap">
      <Select
        size="xs"
        searchable
        w={320}
        placeholder={t('edi.pickProduct')}
        searchValue={q}
        onSearchChange={setQ}
        value={value}
        onChange={setValue}
        filter={({ options }) => options}
        data={(products.data?.items ?? []).map((p) => ({ value: String(p.id), label: `${p.code} — ${p.name}` }))}
        data-testid="edi-product-picker"
      />
      <Button size="xs" disabled={!value} loading={busy} onClick={() => value && onPick(Number(value))}>
        {t('edi.mapCode')}
      </Button>
    </Group>
  );
}

function Fix({ message, finding }: { message: QueueMessage; finding: QueueFinding }) {
  const { t } = useTranslation();
  const fix = useEdiFix();
  const [point, setPoint] = useState<string | null>(null);
  const run = (f: 'map-product' | 'choose-delivery-point' | 'accept-price', body: Record<string, unknown>) =>
    fix.mutate({ id: message.id, fix: f, body });
  return (
    <Stack gap={4}>
      {fix.error && <ErrorAlert error={fix.error} />}
      {finding.kind === 'unknown-product' && finding.code && message.customer && (
        <ProductPicker busy={fix.isPending} onPick={(productId) => run('map-product', { code: finding.code, productId })} />
      )}
      {finding.kind === 'unknown-delivery-point' && (
        <Group gap="xs">
          <Select
            size="xs"
            w={320}
            placeholder={t('edi.pickPoint')}
            value={point}
            onChange={setPoint}
            data={message.deliveryPoints.map((p) => ({ value: String(p.id), label: `${p.code} — ${p.name}` }))}
          />
          <Button
            size="xs"
            disabled={!point}
            loading={fix.isPending}
            onClick={() => point && run('choose-delivery-point', { deliveryPointId: Number(point) })}
          >
            {t('edi.choosePoint')}
          </Button>
        </Group>
      )}
      {finding.kind === 'price-mismatch' && finding.lineNo !== null && (
        <Button
          size="xs"
          variant="light"
          w="fit-content"
          loading={fix.isPending}
          onClick={() => run('accept-price', { lineNo: finding.lineNo })}
          data-testid="edi-accept-price"
        >
          {t('edi.acceptPrice')}
        </Button>
      )}
    </Stack>
  );
}

/** A waiting message with its findings and fixes; a refused one (`refused`) with its reason, on the segment it names. */
function MessageCard({ message, refused = false }: { message: QueueMessage; refused?: boolean }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const [selected, setSelected] = useState<number | null>(0);
  const current = selected === null ? null : message.findings[selected];
  const highlight = new Set<number>();
  if (current?.firstSegment != null)
    for (let i = current.firstSegment; i <= (current.lastSegment ?? current.firstSegment); i++) highlight.add(i);
  if (typeof message.reasonParams?.segment === 'number') highlight.add(message.reasonParams.segment);
  const reason = ediReason(message, t);
  return (
    <Card withBorder data-testid={refused ? 'edi-refused-message' : 'edi-message'}>
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Badge variant="light">{message.type}</Badge>
          <Text fw={600}>{message.documentNumber ?? message.messageReference}</Text>
          <Text c="dimmed" size="sm">
            {message.customer ? `${message.customer.code} — ${message.customer.name}` : t('edi.unknownCustomer', { gln: message.sender })}
          </Text>
        </Group>
        <Group gap="xs">
          {message.order && (
            <Anchor component={Link} to={`/orders/${message.order.id}`} size="sm">
              {message.order.number}
            </Anchor>
          )}
          {message.rawDocumentId && (
            <Anchor href={documentUrl(message.rawDocumentId)} target="_blank" size="sm">
              {t('edi.rawInterchange', { ref: message.controlReference })}
            </Anchor>
          )}
          <Text size="xs" c="dimmed">
            {fmt.dateTime(message.receivedAt)}
          </Text>
        </Group>
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="xs">
            {message.findings.length === 0 && reason && (
              <Alert color={refused ? 'red' : 'orange'} title={refused ? t('edi.refusedAlert') : undefined}>
                {reason}
              </Alert>
            )}
            {message.findings.map((f, i) => (
              <Card
                key={i}
                withBorder
                p="xs"
                style={{ cursor: 'pointer', borderColor: selected === i ? 'var(--mantine-color-orange-5)' : undefined }}
                onClick={() => setSelected(i)}
                data-testid={`edi-finding-${f.kind}`}
              >
                <Group gap={6} mb={4}>
                  <Badge size="xs" color={SEVERITY_COLOR[f.severity] ?? 'gray'}>
                    {t(`edi.severity.${f.severity}`)}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {f.segmentIndex !== null ? t('edi.segment', { index: f.segmentIndex }) : ''}
                  </Text>
                </Group>
                <Text size="sm" mb={6}>
                  {f.message[lang]}
                </Text>
                <Fix message={message} finding={f} />
              </Card>
            ))}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <RawSegments segments={message.segments} highlight={highlight} />
        </Grid.Col>
      </Grid>
    </Card>
  );
}

/** "EDI à traiter": each waiting message with its findings beside the raw segments they come from, and the fixes. */
export function EdiQueuePage() {
  const { t } = useTranslation();
  const queue = useEdiQueue();
  return (
    <Stack>
      <Title order={2}>{t('edi.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('edi.intro')}
      </Text>
      {queue.error && <ErrorAlert error={queue.error} />}
      {queue.isSuccess && queue.data.items.length === 0 && <Alert color="green">{t('edi.empty')}</Alert>}
      {queue.data?.items.map((m) => (
        <MessageCard key={m.id} message={m} />
      ))}
      {!!queue.data?.refused.length && (
        <>
          <Title order={3} mt="md">
            {t('edi.refusedTitle')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('edi.refusedIntro')}
          </Text>
          {queue.data.refused.map((m) => (
            <MessageCard key={m.id} message={m} refused />
          ))}
        </>
      )}
    </Stack>
  );
}
