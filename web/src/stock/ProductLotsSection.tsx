import { Anchor, Button, Group, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { IconDeviceFloppy, IconDownload, IconPencil } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from '@sinclair/typebox';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_EDITORS } from '../../../core/auth/roles.ts';
import type { AuditEvent } from '../../../core/orders/orders.schemas.ts';
import type { LotListSchema, LotSchema } from '../../../core/stock/availability.schemas.ts';
import { api } from '../api/client.ts';
import { useAuth } from '../app/auth.tsx';
import { AuditHistoryTable } from '../shared/AuditHistoryTable.tsx';
import { DateField } from '../shared/DateField.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { useFormat } from '../shared/use-format.ts';
import { useSubmit } from '../shared/use-submit.ts';

type Lot = Static<typeof LotSchema>;
/** A lot as the audit keeps it (the warehouse named since the history is read back). */
type LotState = { lot: string; warehouseCode?: string; quantity: number; bestBefore: string };

/**
 * The product's lots on hand per warehouse, oldest DDM first: the DDM decides which customers may receive a lot.
 * Managers and admins correct a lot after a count or a misread label (audited, the corrections read back under the
 * table); the desk reads them and exports them to Excel.
 */
export function ProductLotsSection({ productId }: { productId: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  const editable = can(CUSTOMER_EDITORS);
  const queryClient = useQueryClient();
  const lots = useQuery({
    queryKey: ['products', productId, 'lots'],
    queryFn: () => api.get<Static<typeof LotListSchema>>(`/api/stock-lots?productId=${productId}`),
  });
  const history = useQuery({
    queryKey: ['products', productId, 'lots', 'history'],
    queryFn: () => api.get<AuditEvent[]>(`/api/stock-lots/history?productId=${productId}`),
  });
  const [editing, setEditing] = useState<Lot | null>(null);
  const [quantity, setQuantity] = useState('');
  const [bestBefore, setBestBefore] = useState('');
  const form = useSubmit(
    () => api.put<Lot>(`/api/stock-lots/${editing!.id}`, { quantity: Number(quantity.replace(/\s/g, '')), bestBefore }),
    () => {
      setEditing(null);
      void queryClient.invalidateQueries({ queryKey: ['products', productId] });
    },
  );
  const edit = (l: Lot) => {
    setEditing(l);
    setQuantity(String(l.quantity));
    setBestBefore(l.bestBefore);
  };

  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('lotsOnHand.title')}</Title>
        <Anchor href={`/api/stock-lots.xlsx?productId=${productId}`} size="sm" data-testid="lots-export">
          <IconDownload size={14} /> {t('lotsOnHand.export')}
        </Anchor>
      </Group>
      <ErrorAlert error={lots.error ?? history.error ?? form.generalError} />
      <Table data-testid="product-lots">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('stock.warehouse')}</Table.Th>
            <Table.Th>{t('lotsOnHand.lot')}</Table.Th>
            <Table.Th>{t('lotsOnHand.produced')}</Table.Th>
            <Table.Th>{t('lotsOnHand.bestBefore')}</Table.Th>
            <Table.Th ta="right">{t('lotsOnHand.quantity')}</Table.Th>
            {editable && <Table.Th w={120} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(lots.data?.items ?? []).map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>{l.warehouseCode}</Table.Td>
              <Table.Td ff="monospace">{l.lot}</Table.Td>
              <Table.Td>{fmt.date(l.productionDate)}</Table.Td>
              <Table.Td>{fmt.date(l.bestBefore)}</Table.Td>
              <Table.Td ta="right">{fmt.number(l.quantity)}</Table.Td>
              {editable && (
                <Table.Td>
                  <Group justify="flex-end">
                    <Button
                      type="button"
                      size="compact-xs"
                      variant="default"
                      leftSection={<IconPencil size={12} />}
                      onClick={() => edit(l)}
                    >
                      {t('lotsOnHand.correct')}
                    </Button>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && (
        <form onSubmit={form.handleSubmit} noValidate data-testid="lot-form">
          <Group gap="xs" align="flex-start" mt="xs">
            <Text size="sm" mt={24} ff="monospace">
              {editing.warehouseCode} · {editing.lot}
            </Text>
            <TextInput
              w={120}
              label={t('lotsOnHand.quantity')}
              value={quantity}
              error={form.errors.quantity}
              onChange={(e) => setQuantity(e.currentTarget.value)}
              data-testid="lot-quantity"
            />
            <DateField
              w={160}
              label={t('lotsOnHand.bestBefore')}
              value={bestBefore}
              error={form.errors.bestBefore}
              onChange={setBestBefore}
              data-testid="lot-best-before"
            />
            <Button type="submit" mt={19} loading={form.busy} leftSection={<IconDeviceFloppy size={14} />} data-testid="lot-save">
              {t('common.save')}
            </Button>
            <Button type="button" mt={19} variant="default" onClick={() => setEditing(null)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </form>
      )}
      {lots.data?.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('lotsOnHand.none')}
        </Text>
      )}
      {!!history.data?.length && (
        <>
          <Text size="sm" fw={500} mt="sm">
            {t('lotsOnHand.history')}
          </Text>
          <AuditHistoryTable<LotState>
            events={history.data}
            describe={(l) => t('lotsOnHand.state', { quantity: fmt.number(l.quantity), bestBefore: fmt.date(l.bestBefore) })}
            subject={(l) => [l.warehouseCode, l.lot].filter(Boolean).join(' · ')}
            action={(a) => t(`lotsOnHand.actions.${a}`, { defaultValue: a })}
            limit={20}
            testId="lots-history"
          />
        </>
      )}
    </Paper>
  );
}
