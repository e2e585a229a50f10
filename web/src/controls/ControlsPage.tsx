import { Alert, Anchor, Badge, Button, FileButton, Group, Loader, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconCheck, IconFileInvoice, IconFileUpload, IconMessageExclamation } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ORDER_DESK } from '../../../core/auth/roles.ts';
import type { Control, ControlDecisionInput, ControlList, FiledReceivingAdvice } from '../../../core/controls/controls.schemas.ts';
import { api, withQuery } from '../api/client.ts';
import { documentUrl } from '../api/documents.ts';
import { useAuth } from '../app/auth.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { useFormat } from '../shared/use-format.ts';
import { CorrectionModal } from './CorrectionModal.tsx';

type Status = 'open' | 'settled' | 'all';
type Discrepancy = Control['discrepancies'][number];

/** One figure of the side-by-side table, red where it disagrees with the document before it. */
function Cell({ value, off }: { value: number | null; off: boolean }) {
  return (
    <Table.Td ta="right" c={off ? 'red' : undefined} fw={off ? 700 : undefined}>
      {value ?? '—'}
    </Table.Td>
  );
}

function ControlCard({ control, canDecide }: { control: Control; canDecide: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [correcting, setCorrecting] = useState<Discrepancy | null>(null);
  const decide = useMutation({
    mutationFn: (body: Pick<ControlDecisionInput, 'key' | 'action'>) =>
      api.post<Control>(`/api/controls/${control.order.id}/decisions`, body),
    onSuccess: () => {
      setCorrecting(null);
      void queryClient.invalidateQueries({ queryKey: ['controls'] });
    },
  });
  const off = (productId: number, kinds: readonly Discrepancy['kind'][]) =>
    control.discrepancies.some((d) => d.productId === productId && kinds.includes(d.kind));
  const files = (label: string, refs: Control['documents']['deliveryNotes']) =>
    refs.length > 0 && (
      <Text size="sm">
        {label}:{' '}
        {refs.map((r, i) => (
          <span key={i}>
            {i > 0 && ', '}
            {r.documentId ? (
              <Anchor href={documentUrl(r.documentId)} target="_blank">
                {r.number ?? t('controls.file')}
              </Anchor>
            ) : (
              (r.number ?? '—')
            )}
            {r.date && ` (${fmt.date(r.date)})`}
          </span>
        ))}
      </Text>
    );
  return (
    <Paper withBorder p="md" data-testid={`control-${control.order.number}`}>
      <Group justify="space-between" mb="xs">
        <div>
          <Title order={5}>
            <Anchor component={Link} to={`/orders/${control.order.id}`} ff="monospace">
              {control.order.number}
            </Anchor>{' '}
            · {control.customer.code} {control.customer.name}
          </Title>
          {control.order.customerRef && (
            <Text size="xs" c="dimmed">
              {t('controls.customerRef', { ref: control.order.customerRef })}
            </Text>
          )}
        </div>
        <Stack gap={0} align="flex-end">
          {files(t('controls.deliveryNotes'), control.documents.deliveryNotes)}
          {files(t('controls.receipts'), control.documents.receipts)}
          {files(t('controls.invoices'), control.documents.invoices)}
        </Stack>
      </Group>
      <Table withTableBorder verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('controls.product')}</Table.Th>
            <Table.Th ta="right">{t('controls.ordered')}</Table.Th>
            <Table.Th ta="right">{t('controls.shipped')}</Table.Th>
            <Table.Th ta="right">
              {control.receivedSource ? t(`controls.received.${control.receivedSource}`) : t('controls.received.none')}
            </Table.Th>
            <Table.Th ta="right">{t('controls.invoiced')}</Table.Th>
            <Table.Th ta="right">{t('controls.orderPrice')}</Table.Th>
            <Table.Th ta="right">{t('controls.invoicePrice')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {control.lines.map((l) => (
            <Table.Tr key={l.productId}>
              <Table.Td>
                <Text size="sm" ff="monospace" span>
                  {l.productCode}
                </Text>{' '}
                <Text size="xs" c="dimmed" span>
                  {l.productName}
                </Text>
              </Table.Td>
              <Cell value={l.ordered} off={false} />
              <Cell value={l.shipped} off={off(l.productId, ['shipped-short', 'shipped-over', 'not-ordered'])} />
              <Cell value={l.received} off={off(l.productId, ['received-short', 'received-over'])} />
              <Cell value={l.invoiced} off={off(l.productId, ['invoiced-over', 'invoiced-under'])} />
              <Table.Td ta="right">{l.orderedUnitPriceCents === null ? '—' : fmt.money(l.orderedUnitPriceCents)}</Table.Td>
              <Table.Td ta="right" c={off(l.productId, ['invoiced-price']) ? 'red' : undefined}>
                {l.invoicedUnitPriceCents === null ? '—' : fmt.money(l.invoicedUnitPriceCents)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Stack gap={6} mt="sm">
        {control.discrepancies.map((d) => (
          <Group key={d.key} justify="space-between" wrap="nowrap" data-testid={`discrepancy-${d.key}`}>
            <Text size="sm">
              <Badge color={d.status === 'open' ? 'red' : 'gray'} variant="light" mr="xs">
                {t(`controls.status.${d.status}`)}
              </Badge>
              {t(`controls.kinds.${d.kind}`, {
                product: d.productCode,
                expected: d.kind === 'invoiced-price' ? fmt.money(d.expected) : d.expected,
                actual: d.kind === 'invoiced-price' ? fmt.money(d.actual) : d.actual,
              })}{' '}
              — {t(`controls.owedTo.${d.owedTo}`, { amount: fmt.money(d.amountCents) })}
              {d.decision && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  · {d.decision.decidedByName}, {fmt.dateTime(d.decision.decidedAt)}
                  {d.decision.complaintId !== null && (
                    <>
                      {' · '}
                      <Anchor component={Link} to={`/complaints/${d.decision.complaintId}`} size="xs">
                        {d.decision.complaintNumber}
                      </Anchor>
                    </>
                  )}
                  {d.decision.documentId !== null && d.correction && (
                    <>
                      {' · '}
                      <Anchor href={documentUrl(d.decision.documentId)} target="_blank" size="xs" data-testid={`correction-pdf-${d.key}`}>
                        {t(`controls.correction.${d.correction.kind}.issued`, { number: d.decision.documentNumber })}
                      </Anchor>
                    </>
                  )}
                </Text>
              )}
            </Text>
            {canDecide && d.status === 'open' && (
              <Group gap="xs" wrap="nowrap">
                <Button
                  size="xs"
                  leftSection={<IconMessageExclamation size={14} />}
                  loading={decide.isPending}
                  onClick={() => decide.mutate({ key: d.key, action: 'complaint' })}
                  data-testid={`complaint-${d.key}`}
                >
                  {t('controls.makeComplaint')}
                </Button>
                {d.correction && (
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconFileInvoice size={14} />}
                    onClick={() => {
                      decide.reset();
                      setCorrecting(d);
                    }}
                    data-testid={`correct-${d.key}`}
                  >
                    {t(`controls.correction.${d.correction.kind}.button`, { amount: fmt.money(d.correction.grossCents) })}
                  </Button>
                )}
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconCheck size={14} />}
                  onClick={() => decide.mutate({ key: d.key, action: 'accepted' })}
                >
                  {t('controls.accept')}
                </Button>
              </Group>
            )}
          </Group>
        ))}
        {control.discrepancies.length === 0 && (
          <Text size="sm" c="green">
            {t('controls.agree')}
          </Text>
        )}
      </Stack>
      {!correcting && <ErrorAlert error={decide.error} />}
      {correcting?.correction && (
        <CorrectionModal
          control={control}
          discrepancy={{ ...correcting, correction: correcting.correction }}
          pending={decide.isPending}
          error={decide.error}
          onConfirm={() => decide.mutate({ key: correcting.key, action: 'corrected-invoice' })}
          onClose={() => setCorrecting(null)}
        />
      )}
    </Paper>
  );
}

/**
 * « Contrôles »: each delivered order whose order, delivery notes, the customer's receipt and the invoice disagree,
 * the documents side by side, each discrepancy made a complaint, a credit note or corrective invoice, or accepted in
 * one action; RECADV files filed here.
 */
export function ControlsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Status>('open');
  const query = useQuery({
    queryKey: ['controls', status],
    queryFn: () => api.get<ControlList>(withQuery('/api/controls', { status })),
  });
  const upload = useMutation({
    mutationFn: async (file: File) => api.post<FiledReceivingAdvice>('/api/controls/receiving-advices', { text: await file.text() }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['controls'] }),
  });
  return (
    <>
      <PageTitle title={t('controls.title')}>
        {can(ORDER_DESK) && (
          <FileButton onChange={(f) => f && upload.mutate(f)} accept=".edi,.txt,application/edifact">
            {(props) => (
              <Button {...props} variant="default" leftSection={<IconFileUpload size={14} />} loading={upload.isPending}>
                {t('controls.fileRecadv')}
              </Button>
            )}
          </FileButton>
        )}
      </PageTitle>
      <SegmentedControl
        mb="sm"
        value={status}
        onChange={(v) => setStatus(v as Status)}
        data={(['open', 'settled', 'all'] as const).map((s) => ({ value: s, label: t(`controls.filter.${s}`) }))}
        data-testid="controls-status"
      />
      {upload.data && (
        <Alert color="green" mb="sm">
          {t(upload.data.alreadyFiled ? 'controls.recadvAlreadyFiled' : 'controls.recadvFiled', {
            order: upload.data.orderNumber,
            receipt: upload.data.receiptNumber ?? '',
          })}
        </Alert>
      )}
      <ErrorAlert error={upload.error ?? query.error} />
      {query.isPending ? (
        <Loader />
      ) : (
        <Stack>
          {(query.data?.controls ?? []).map((c) => (
            <ControlCard key={c.order.id} control={c} canDecide={can(ORDER_DESK)} />
          ))}
          {!query.data?.controls.length && <Text c="dimmed">{t(`controls.empty.${status}`)}</Text>}
        </Stack>
      )}
    </>
  );
}
