import { Anchor, Badge, Button, Group, Paper, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { IconDownload, IconPlayerStop, IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from '@sinclair/typebox';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../core/orders/orders.schemas.ts';
import type { CustomerPriceSchema } from '../../../core/pricing/pricing.schemas.ts';
import { api } from '../api/client.ts';
import { useCatalogue } from '../catalog/use-catalogue.ts';
import { parisToday } from '../shared/clock.ts';
import { AuditHistoryTable } from '../shared/AuditHistoryTable.tsx';
import { DeleteButton } from '../shared/DeleteButton.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { blankToNull, eurosToCents } from '../shared/form-values.ts';
import { useDelete } from '../shared/use-delete.ts';
import { useFormat } from '../shared/use-format.ts';
import { useSubmit } from '../shared/use-submit.ts';
import { DateField } from '../shared/DateField.tsx';

type CustomerPrice = Static<typeof CustomerPriceSchema>;
type PriceState = { unitPriceCents?: number; validFrom?: string; validTo?: string | null; productCode?: string };

/**
 * The customer's net prices (his agreement): they win over the list and the promotions while valid. Managers and
 * admins add, end and remove them; everyone reads them, their history (who changed what, when) and the Excel sheet.
 */
export function CustomerPricesSection({ customerId, editable }: { customerId: number; editable: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const catalogue = useCatalogue();
  const today = parisToday();
  const prices = useQuery({
    queryKey: ['customers', customerId, 'prices'],
    queryFn: () => api.get<CustomerPrice[]>(`/api/customers/${customerId}/prices`),
  });
  const history = useQuery({
    queryKey: ['customers', customerId, 'prices', 'history'],
    queryFn: () => api.get<AuditEvent[]>(`/api/customers/${customerId}/prices/history`),
  });
  const [productId, setProductId] = useState<string | null>(null);
  const [price, setPrice] = useState('');
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['customers', customerId] });
  const form = useSubmit(
    () =>
      api.post<CustomerPrice>(`/api/customers/${customerId}/prices`, {
        productId: Number(productId),
        unitPriceCents: eurosToCents(price) ?? price,
        validFrom: from,
        validTo: blankToNull(to),
        note: blankToNull(note),
      }),
    () => {
      setProductId(null);
      setPrice('');
      setTo('');
      setNote('');
      void refresh();
    },
  );
  const deletion = useDelete(refresh);
  const [ending, setEnding] = useState<unknown>(null);
  /** Ends a running price today (yesterday's would leave today without one by mistake); the history keeps it. */
  const end = async (p: CustomerPrice) => {
    setEnding(null);
    try {
      await api.put(`/api/customers/${customerId}/prices/${p.id}`, {
        productId: p.productId,
        unitPriceCents: p.unitPriceCents,
        validFrom: p.validFrom,
        validTo: today,
        note: p.note,
      });
      void refresh();
    } catch (e) {
      setEnding(e);
    }
  };
  const state = (p: CustomerPrice) => (p.validFrom > today ? 'future' : p.validTo !== null && p.validTo < today ? 'ended' : 'running');
  const describe = (s: PriceState) =>
    `${s.unitPriceCents === undefined ? '' : fmt.money(s.unitPriceCents)} ${fmt.date(s.validFrom)} → ${s.validTo ? fmt.date(s.validTo) : '…'}`;

  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('agreements.title')}</Title>
        <Anchor href={`/api/customers/${customerId}/prices.xlsx`} size="sm" data-testid="prices-export">
          <IconDownload size={14} /> {t('agreements.export')}
        </Anchor>
      </Group>
      <ErrorAlert error={prices.error ?? deletion.error ?? ending} />
      <Table data-testid="customer-prices">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('agreements.product')}</Table.Th>
            <Table.Th ta="right">{t('agreements.price')}</Table.Th>
            <Table.Th>{t('agreements.period')}</Table.Th>
            <Table.Th>{t('agreements.note')}</Table.Th>
            <Table.Th w={160} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(prices.data ?? []).map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Text size="sm" ff="monospace" span>
                  {p.productCode}
                </Text>{' '}
                <Text size="xs" c="dimmed" span>
                  {p.productName}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{fmt.money(p.unitPriceCents)}</Table.Td>
              <Table.Td>
                {fmt.date(p.validFrom)} → {p.validTo ? fmt.date(p.validTo) : '…'}{' '}
                <Badge size="xs" variant="light" color={{ running: 'green', future: 'blue', ended: 'gray' }[state(p)]}>
                  {t(`agreements.state.${state(p)}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{p.note}</Text>
              </Table.Td>
              <Table.Td>
                {editable && (
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    {state(p) === 'running' && p.validTo !== today && (
                      <Button size="compact-xs" variant="default" leftSection={<IconPlayerStop size={12} />} onClick={() => void end(p)}>
                        {t('agreements.end')}
                      </Button>
                    )}
                    <DeleteButton onClick={() => void deletion.remove(`/api/customers/${customerId}/prices/${p.id}`)} />
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {prices.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('agreements.none')}
        </Text>
      )}
      {editable && (
        <form onSubmit={form.handleSubmit} noValidate data-testid="price-form">
          <Group gap="xs" align="flex-start" mt="xs">
            <Select
              w={380}
              label={t('agreements.product')}
              searchable
              value={productId}
              error={form.errors.productId}
              data={catalogue.products.map((p) => ({ value: String(p.id), label: `${p.code} — ${p.name}` }))}
              onChange={setProductId}
              data-testid="price-product"
            />
            <TextInput
              w={110}
              label={t('agreements.price')}
              value={price}
              error={form.errors.unitPriceCents}
              onChange={(e) => setPrice(e.currentTarget.value)}
              data-testid="price-amount"
            />
            <DateField
              w={150}
              label={t('agreements.from')}
              value={from}
              error={form.errors.validFrom}
              onChange={(v) => setFrom(v)}
              data-testid="price-from"
            />
            <DateField
              w={150}
              label={t('agreements.to')}
              value={to}
              error={form.errors.validTo}
              onChange={(v) => setTo(v)}
              data-testid="price-to"
            />
            <TextInput
              w={220}
              label={t('agreements.note')}
              value={note}
              error={form.errors.note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <Button type="submit" mt={19} loading={form.busy} leftSection={<IconPlus size={14} />} data-testid="price-add">
              {t('common.add')}
            </Button>
          </Group>
          <ErrorAlert error={form.generalError} />
        </form>
      )}
      {!!history.data?.length && (
        <>
          <Text size="sm" fw={500} mt="sm">
            {t('agreements.history')}
          </Text>
          <AuditHistoryTable<PriceState>
            events={history.data}
            describe={describe}
            action={(a) => t(`agreements.actions.${a}`, { defaultValue: a })}
            subject={(p) => p.productCode}
            limit={20}
            testId="prices-history"
          />
        </>
      )}
    </Paper>
  );
}
