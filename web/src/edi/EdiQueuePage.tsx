import { Alert, Anchor, Badge, Button, Card, Grid, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { documentUrl } from '../api/documents.ts';
import { api } from '../api/client.ts';
import type { ProductList } from '../api/types.ts';
import { PageTitle } from '../shared/PageTitle.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { useFormat } from '../shared/use-format.ts';
import { ediReason } from './edi-reason.ts';
import { RawSegments } from './RawSegments.tsx';
import type { QueueAnswer, QueueFinding, QueueMessage } from '../../../core/edi/edi.schemas.ts';
import { ORDER_APPROVERS } from '../../../core/auth/roles.ts';
import { useAuth } from '../app/auth.tsx';
import { ReasonModal } from '../orders/rules/ReasonModal.tsx';
import { useEdiFix, useEdiQueue, useProductCandidates } from './use-edi.ts';
import { PriceAnswerButtons, priceMismatchData } from '../pricing/PriceAnswer.tsx';
import { dayRef } from '../../../core/day/day-item.ts';
import { useWorkTimer } from '../day/use-work-timer.ts';

const SEVERITY_COLOR: Record<string, string> = { block: 'red', approval: 'orange', warning: 'yellow', info: 'gray' };

type Option = { value: string; label: string };
const optionOf = (p: { id: number; code: string; name: string }): Option => ({ value: String(p.id), label: `${p.code} — ${p.name}` });

/**
 * The product a customer's unknown code stands for: first the products its line's own text names, the customer's
 * agreed assortment first among equals (server: core/edi/product-candidates.ts); typing searches every product.
 */
function ProductPicker({
  messageId,
  code,
  onPick,
  busy,
}: {
  messageId: number;
  code: string;
  onPick: (productId: number) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<Option | null>(null);
  const candidates = useProductCandidates(messageId, code);
  const proposed = candidates.data?.items ?? [];
  // The search box shows the picked product's label: that is not a new search.
  const searching = q.trim() !== '' && q !== picked?.label;
  const products = useQuery({
    queryKey: ['products', 'search', searching ? q : ''],
    queryFn: () => api.get<ProductList>(`/api/products?limit=20&q=${encodeURIComponent(searching ? q : '')}`),
    enabled: searching || (candidates.isSuccess && proposed.length === 0),
  });
  const group =
    !searching && proposed.length > 0
      ? {
          group: t('edi.proposed'),
          items: proposed.map((p) => {
            const o = optionOf(p);
            return p.listed ? { ...o, label: `${o.label} · ${t('edi.listed')}` } : o;
          }),
        }
      : { group: t('edi.allProducts'), items: (products.data?.items ?? []).map(optionOf) };
  if (picked && !group.items.some((o) => o.value === picked.value)) group.items.unshift(picked);
  const value = picked?.value ?? null;
  return (
    <Group gap="xs" wrap="nowrap">
      <Select
        size="xs"
        searchable
        style={{ flex: 1, minWidth: 0 }}
        comboboxProps={{ width: 420, position: 'bottom-start' }}
        placeholder={t('edi.pickProduct')}
        searchValue={q}
        onSearchChange={setQ}
        value={value}
        onChange={(v, option) => setPicked(v && option ? { value: v, label: option.label } : null)}
        filter={({ options }) => options}
        data={[group]}
        data-testid="edi-product-picker"
      />
      <Button size="xs" style={{ flexShrink: 0 }} disabled={!value} loading={busy} onClick={() => value && onPick(Number(value))}>
        {t('edi.mapCode')}
      </Button>
    </Group>
  );
}

/** Who must act on a finding: the desk here, or a manager (core/edi/who-acts.ts), said in words. */
function WhoActs({ finding }: { finding: QueueFinding }) {
  const { t } = useTranslation();
  if (!finding.actor) return null;
  const key = finding.actor === 'manager' ? (finding.severity === 'block' ? 'managerBlock' : 'manager') : 'desk';
  return (
    <Text size="xs" fw={600} c={finding.actor === 'manager' ? 'orange.9' : 'dimmed'} mb={4} data-testid="edi-who-acts">
      {t(`edi.actor.${key}`)}
    </Text>
  );
}

/**
 * A manager's answers from the queue to an approval finding: approve it for this order, or (outside the
 * assortment) add the product to the customer's agreed assortment; each with the reason kept on the timeline.
 */
function ManagerAnswers({ message, finding, onFixed }: { message: QueueMessage; finding: QueueFinding; onFixed: () => void }) {
  const { t } = useTranslation();
  const fix = useEdiFix(onFixed);
  const [answering, setAnswering] = useState<QueueAnswer | null>(null);
  const product = (finding.data as { code?: string } | null)?.code ?? '';
  return (
    <>
      <Group gap="xs">
        {finding.answers.map((a) => (
          <Button
            key={a}
            size="compact-xs"
            color="orange"
            variant={a === 'add-to-listing' ? 'filled' : 'light'}
            onClick={() => setAnswering(a)}
            data-testid={`edi-answer-${a}`}
          >
            {t(`edi.answer.${a}`)}
          </Button>
        ))}
      </Group>
      {fix.error && <ErrorAlert error={fix.error} />}
      <ReasonModal
        opened={answering !== null}
        title={answering ? t(`edi.answer.${answering}Title`, { product }) : ''}
        submit={answering ? t(`edi.answer.${answering}`) : ''}
        color="orange"
        busy={fix.isPending}
        onClose={() => setAnswering(null)}
        onSubmit={(reason) =>
          answering &&
          fix.mutate(
            { id: message.id, fix: 'approve', body: { rule: finding.kind, lineNo: finding.lineNo, answer: answering, reason } },
            { onSuccess: () => setAnswering(null) },
          )
        }
      >
        {answering && (
          <Text size="sm">
            {t(`edi.answer.${answering}Text`, { product, customer: message.customer?.name ?? '', order: message.order?.number ?? '' })}
          </Text>
        )}
      </ReasonModal>
    </>
  );
}

function Fix({ message, finding, onFixed }: { message: QueueMessage; finding: QueueFinding; onFixed: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const fix = useEdiFix(onFixed);
  const [point, setPoint] = useState<string | null>(null);
  const mismatch = finding.kind === 'price-mismatch' ? priceMismatchData(finding.data) : null;
  const run = (f: 'map-product' | 'choose-delivery-point' | 'accept-price', body: Record<string, unknown>) =>
    fix.mutate({ id: message.id, fix: f, body });
  return (
    <Stack gap={4}>
      <WhoActs finding={finding} />
      {fix.error && <ErrorAlert error={fix.error} />}
      {finding.kind === 'unknown-product' && finding.description && (
        <Text size="xs" c="dimmed">
          {t('edi.customerText', { text: finding.description })}
        </Text>
      )}
      {finding.kind === 'unknown-product' && finding.code && message.customer && (
        <ProductPicker
          messageId={message.id}
          code={finding.code}
          busy={fix.isPending}
          onPick={(productId) => run('map-product', { code: finding.code, productId })}
        />
      )}
      {finding.answers.length > 0 && can(ORDER_APPROVERS) && <ManagerAnswers message={message} finding={finding} onFixed={onFixed} />}
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
      {finding.kind === 'price-mismatch' && finding.lineNo !== null && mismatch && (
        <Group>
          <PriceAnswerButtons
            data={mismatch}
            busy={fix.isPending}
            onAnswer={(answer) => run('accept-price', { lineNo: finding.lineNo, answer })}
            testId="edi-price"
          />
        </Group>
      )}
    </Stack>
  );
}

/**
 * A waiting message with its findings and fixes; a refused one (`refused`) with its reason, on the segment it names.
 * `onFixed`: its last fix took it out of the queue.
 */
function MessageCard({ message, refused = false, onFixed }: { message: QueueMessage; refused?: boolean; onFixed: () => void }) {
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
                <Fix message={message} finding={f} onFixed={onFixed} />
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

/**
 * "EDI à traiter": each waiting message with its findings beside the raw segments they come from, and the fixes.
 * The messages are fixed one after the other: each fix that takes one out of the queue is timed from the opening of
 * the queue or the previous one fixed ('edi-order', what an EDI order with a problem takes her).
 */
export function EdiQueuePage() {
  const { t } = useTranslation();
  const queue = useEdiQueue();
  const timer = useWorkTimer();
  const fixed = (id: number) => () => timer.finish(dayRef('edi-order', id));
  return (
    <Stack>
      <PageTitle title={t('edi.title')} />
      <Text c="dimmed" size="sm">
        {t('edi.intro')}
      </Text>
      {queue.error && <ErrorAlert error={queue.error} />}
      {queue.isSuccess && queue.data.items.length === 0 && <Alert color="green">{t('edi.empty')}</Alert>}
      {queue.data?.items.map((m) => (
        <MessageCard key={m.id} message={m} onFixed={fixed(m.id)} />
      ))}
      {!!queue.data?.refused.length && (
        <>
          <Title order={2} size="h4" mt="md">
            {t('edi.refusedTitle')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('edi.refusedIntro')}
          </Text>
          {queue.data.refused.map((m) => (
            <MessageCard key={m.id} message={m} refused onFixed={fixed(m.id)} />
          ))}
        </>
      )}
    </Stack>
  );
}
