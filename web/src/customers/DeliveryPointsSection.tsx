import { Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeliveryPoint } from '../../../core/customers/customer.ts';
import { DeliveryPointModal } from './DeliveryPointModal.tsx';

export function DeliveryPointsSection({
  customerId,
  points,
  editable,
}: {
  customerId: number;
  points: readonly DeliveryPoint[];
  editable: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<DeliveryPoint | 'new' | null>(null);
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('customers.deliveryPoints')}</Title>
        {editable && (
          <Button variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
            {t('common.add')}
          </Button>
        )}
      </Group>
      <Table data-testid="delivery-points" style={{ whiteSpace: 'nowrap' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('points.code')}</Table.Th>
            <Table.Th>{t('points.name')}</Table.Th>
            <Table.Th>{t('customers.address')}</Table.Th>
            <Table.Th>{t('customers.gln')}</Table.Th>
            <Table.Th>{t('points.weekdays')}</Table.Th>
            <Table.Th>{t('points.leadTime')}</Table.Th>
            <Table.Th>{t('points.cutoff')}</Table.Th>
            <Table.Th>{t('points.window')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {points.map((p) => (
            <Table.Tr key={p.id} style={editable ? { cursor: 'pointer' } : undefined} onClick={editable ? () => setEditing(p) : undefined}>
              <Table.Td ff="monospace">{p.code}</Table.Td>
              <Table.Td>
                {p.name}{' '}
                {p.isDefault && (
                  <Badge size="xs" variant="light">
                    {t('points.default')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'normal' }}>
                {p.street}, {p.postcode} {p.city}
              </Table.Td>
              <Table.Td ff="monospace">{p.gln ?? '—'}</Table.Td>
              <Table.Td>{p.deliveryWeekdays.map((d) => t(`weekdays.${d}`)).join(' ')}</Table.Td>
              <Table.Td>{t('points.days', { count: p.leadTimeDays })}</Table.Td>
              <Table.Td>{p.cutoffTime}</Table.Td>
              <Table.Td>{p.windowFrom && p.windowTo ? `${p.windowFrom}–${p.windowTo}` : '—'}</Table.Td>
              <Table.Td style={{ whiteSpace: 'normal' }}>
                <Text size="xs" c="dimmed">
                  {[p.appointmentRequired ? t('entry.appointment') : null, p.unloadingNotes].filter(Boolean).join(' · ')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && (
        <DeliveryPointModal customerId={customerId} point={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Paper>
  );
}
