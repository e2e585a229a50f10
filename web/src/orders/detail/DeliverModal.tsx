import { Button, Group, Modal, NumberInput, SegmentedControl, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderLine, ShortfallChoice } from '../../../../core/orders/order.ts';
import { type DeliverRow, deliverBody, initialDeliverInputs } from './deliver-form.ts';

type Props = {
  opened: boolean;
  busy: boolean;
  lines: readonly OrderLine[];
  onClose: () => void;
  onSubmit: (body: Record<string, unknown>) => void;
};

/** What the customer received, per line; for a short line, whether the rest follows (reliquat) or is dropped (soldé). */
export function DeliverModal({ opened, busy, lines, onClose, onSubmit }: Props) {
  const { t } = useTranslation();
  const [inputs, setInputs] = useState<DeliverRow[]>([]);
  useEffect(() => {
    if (opened) setInputs(initialDeliverInputs(lines));
  }, [opened, lines]);
  const byId = new Map(lines.map((l) => [l.id, l]));
  const update = (lineId: number, patch: Partial<DeliverRow>) =>
    setInputs((all) => all.map((i) => (i.lineId === lineId ? { ...i, ...patch } : i)));

  return (
    <Modal opened={opened} onClose={onClose} title={t('actions.deliver')} size="xl">
      <Table data-testid="deliver-form">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('detail.designation')}</Table.Th>
            <Table.Th ta="right">{t('detail.ordered')}</Table.Th>
            <Table.Th>{t('detail.received')}</Table.Th>
            <Table.Th>{t('detail.shortfall')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {inputs.map((input) => {
            const line = byId.get(input.lineId)!;
            const short = input.deliveredQuantity < line.quantity;
            return (
              <Table.Tr key={input.lineId}>
                <Table.Td>
                  <Text size="sm">{line.productName}</Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {line.productCode}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{line.quantity}</Table.Td>
                <Table.Td w={110}>
                  <NumberInput
                    aria-label={t('detail.receivedFor', { code: line.productCode })}
                    min={0}
                    max={line.quantity}
                    allowDecimal={false}
                    value={input.deliveredQuantity}
                    onChange={(v) => update(input.lineId, { deliveredQuantity: typeof v === 'number' ? v : 0 })}
                  />
                </Table.Td>
                <Table.Td w={260}>
                  {short && (
                    <SegmentedControl
                      size="xs"
                      value={input.shortfall}
                      onChange={(v) => update(input.lineId, { shortfall: v as ShortfallChoice })}
                      data={[
                        { value: 'backorder', label: t('detail.backorder') },
                        { value: 'cancel', label: t('detail.cancelShortfall') },
                      ]}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t('common.back')}
        </Button>
        <Button color="teal" loading={busy} data-testid="deliver-submit" onClick={() => onSubmit(deliverBody(lines, inputs))}>
          {t('detail.recordDelivery')}
        </Button>
      </Group>
    </Modal>
  );
}
