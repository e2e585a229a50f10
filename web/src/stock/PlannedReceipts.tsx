import { Badge, Button, Group, Modal, NumberInput, Paper, Select, Table, Text, Title } from '@mantine/core';
import { IconEdit } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../core/auth/roles.ts';
import { api, withQuery } from '../api/client.ts';
import { useAuth } from '../app/auth.tsx';
import type { PlannedReceipt, ReceiptList } from '../risks/types.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { useFormat } from '../shared/use-format.ts';
import { DateField } from '../shared/DateField.tsx';

/** Who may move a receipt (server/stock/availability.routes.ts). */
const RECEIPT_EDITORS: readonly Role[] = ['manager', 'admin'];

/**
 * Planned production and purchase receipts, by date: a receipt later than first planned shows its original date
 * (it is what puts orders at risk). A manager moves, resizes or cancels one; the risk scan follows on the server.
 */
export function PlannedReceipts({ warehouseId }: { warehouseId: string | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  const [editing, setEditing] = useState<PlannedReceipt | null>(null);
  const receipts = useQuery({
    queryKey: ['planned-receipts', warehouseId],
    queryFn: () => api.get<ReceiptList>(withQuery('/api/planned-receipts', { warehouseId })),
  });
  return (
    <Paper withBorder p="xs" mt="sm">
      <Title order={5} mb="xs">
        {t('receipts.title')}
      </Title>
      <ErrorAlert error={receipts.error} />
      <Table striped data-testid="receipts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('receipts.date')}</Table.Th>
            <Table.Th>{t('stock.warehouse')}</Table.Th>
            <Table.Th>{t('products.code')}</Table.Th>
            <Table.Th ta="right">{t('receipts.quantity')}</Table.Th>
            <Table.Th>{t('receipts.kind')}</Table.Th>
            <Table.Th>{t('receipts.ref')}</Table.Th>
            <Table.Th>{t('receipts.note')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(receipts.data?.items ?? []).map((r) => (
            <Table.Tr key={r.id} c={r.status === 'cancelled' ? 'dimmed' : undefined}>
              <Table.Td>
                <Text size="sm" td={r.status === 'cancelled' ? 'line-through' : undefined}>
                  {fmt.date(r.date)}
                </Text>
                {r.date !== r.originalDate && (
                  <Badge size="xs" color="orange" variant="light">
                    {t('receipts.slipped', { date: fmt.date(r.originalDate) })}
                  </Badge>
                )}
                {r.status === 'cancelled' && (
                  <Badge size="xs" color="red" variant="light">
                    {t('receipts.cancelled')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{r.warehouseCode}</Table.Td>
              <Table.Td ff="monospace">{r.productCode}</Table.Td>
              <Table.Td ta="right">{fmt.number(r.quantity)}</Table.Td>
              <Table.Td>{t(`receipts.kinds.${r.kind}`)}</Table.Td>
              <Table.Td ff="monospace">{r.ref}</Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {r.note}
                </Text>
              </Table.Td>
              <Table.Td>
                {can(RECEIPT_EDITORS) && (
                  <Button size="compact-xs" variant="subtle" leftSection={<IconEdit size={12} />} onClick={() => setEditing(r)}>
                    {t('common.edit')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && <ReceiptModal receipt={editing} onClose={() => setEditing(null)} />}
    </Paper>
  );
}

function ReceiptModal({ receipt, onClose }: { receipt: PlannedReceipt; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [date, setDate] = useState(receipt.date);
  const [quantity, setQuantity] = useState<number | string>(receipt.quantity);
  const [status, setStatus] = useState<string | null>(receipt.status);
  const save = useMutation({
    mutationFn: () =>
      api.put(`/api/planned-receipts/${receipt.id}`, {
        warehouseId: receipt.warehouseId,
        productId: receipt.productId,
        date,
        quantity: Number(quantity),
        kind: receipt.kind,
        ref: receipt.ref,
        status,
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['planned-receipts'] });
      void client.invalidateQueries({ queryKey: ['risks'] });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={`${receipt.productCode} · ${receipt.ref ?? ''}`}>
      <ErrorAlert error={save.error} />
      <DateField label={t('receipts.date')} value={date} onChange={(v) => setDate(v)} data-autofocus />
      <NumberInput label={t('receipts.quantity')} min={1} value={quantity} onChange={setQuantity} mt="xs" />
      <Select
        label={t('receipts.status')}
        value={status}
        onChange={setStatus}
        mt="xs"
        data={[
          { value: 'planned', label: t('receipts.planned') },
          { value: 'cancelled', label: t('receipts.cancelled') },
        ]}
      />
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button loading={save.isPending} onClick={() => save.mutate()}>
          {t('common.save')}
        </Button>
      </Group>
    </Modal>
  );
}
