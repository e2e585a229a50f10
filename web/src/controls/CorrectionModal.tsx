import { Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { IconFileInvoice } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Control } from '../../../core/controls/controls.schemas.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { useFormat } from '../shared/use-format.ts';

type Discrepancy = Control['discrepancies'][number];

/**
 * Before a credit note or a corrective invoice is issued (a numbered document, which cannot be taken back): what
 * it is, for which order and invoice, and how much, excl. and incl. VAT.
 */
export function CorrectionModal({
  control,
  discrepancy,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  control: Control;
  discrepancy: Discrepancy & { correction: NonNullable<Discrepancy['correction']> };
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const c = discrepancy.correction;
  const invoice = control.documents.invoices.at(-1);
  return (
    <Modal opened onClose={onClose} title={t(`controls.correction.${c.kind}.title`)} size="md">
      <Stack gap="sm">
        <Text size="sm">
          {t(`controls.correction.${c.kind}.text`, {
            order: control.order.number,
            customer: control.customer.name,
            invoice: invoice?.number ?? '—',
          })}
        </Text>
        <Table fz="sm" withTableBorder>
          <Table.Tbody>
            {(
              [
                ['net', c.netCents],
                ['vat', c.vatCents],
                ['gross', c.grossCents],
              ] as const
            ).map(([label, cents]) => (
              <Table.Tr key={label}>
                <Table.Td>{t(`controls.correction.${label}`)}</Table.Td>
                <Table.Td ta="right" fw={label === 'gross' ? 700 : undefined} data-testid={`correction-${label}`}>
                  {fmt.money(cents)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button leftSection={<IconFileInvoice size={14} />} loading={pending} onClick={onConfirm} data-testid="confirm-correction">
            {t(`controls.correction.${c.kind}.confirm`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
