import { Anchor, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { Fragment } from 'react';
import { IconFileTypePdf, IconMessageExclamation } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ORDER_DESK } from '../../../../core/auth/roles.ts';
import { useAuth } from '../../app/auth.tsx';
import { useTranslation } from 'react-i18next';
import { documentUrl } from '../../api/documents.ts';
import type { Delivery } from '../../api/types.ts';
import { useFormat } from '../../shared/use-format.ts';

export function DeliveriesTable({ deliveries }: { deliveries: readonly Delivery[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  if (!deliveries.length) {
    return (
      <Text size="sm" c="dimmed">
        {t('detail.noDeliveries')}
      </Text>
    );
  }
  return (
    <Table data-testid="order-deliveries" style={{ whiteSpace: 'nowrap' }}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('detail.deliveryNumber')}</Table.Th>
          <Table.Th>{t('detail.warehouse')}</Table.Th>
          <Table.Th>{t('detail.deliveryContents')}</Table.Th>
          <Table.Th>{t('detail.plannedDate')}</Table.Th>
          <Table.Th>{t('detail.noteNumber')}</Table.Th>
          <Table.Th>{t('detail.deliveryStatus')}</Table.Th>
          <Table.Th ta="right">{t('totals.pallets')}</Table.Th>
          <Table.Th ta="right">{t('totals.weight')}</Table.Th>
          <Table.Th>{t('detail.document')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {deliveries.map((d) => (
          <Fragment key={d.id}>
            <Table.Tr>
              <Table.Td>
                <Text ff="monospace" size="sm">
                  {d.number}
                </Text>
                {/* A complaint starts from what reached the customer: a delivery that left. */}
                {can(ORDER_DESK) && d.shippedAt !== null && (
                  <Anchor
                    component={Link}
                    to={`/complaints/new?orderId=${d.orderId}&deliveryId=${d.id}`}
                    size="xs"
                    data-testid={`complain-delivery-${d.id}`}
                    title={t('detail.complainDelivery')}
                  >
                    <IconMessageExclamation size={12} /> {t('detail.complain')}
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'normal' }}>{d.warehouseName}</Table.Td>
              <Table.Td>
                {d.lines.map((l) => (
                  <Text key={l.id} size="sm" style={{ whiteSpace: 'nowrap' }}>
                    <Text span ff="monospace" size="sm">
                      {l.productCode}
                    </Text>{' '}
                    × {fmt.number(l.quantity)}
                  </Text>
                ))}
              </Table.Td>
              <Table.Td>{fmt.date(d.plannedDate)}</Table.Td>
              <Table.Td>{d.deliveryNoteNumber ?? '—'}</Table.Td>
              <Table.Td>{t(`deliveryStatus.${d.status}`)}</Table.Td>
              <Table.Td ta="right">{fmt.number(d.pallets)}</Table.Td>
              <Table.Td ta="right">{fmt.weight(d.weightG)}</Table.Td>
              <Table.Td>
                {d.documentId !== null && (
                  <Anchor href={documentUrl(d.documentId)} target="_blank" size="sm" data-testid="delivery-note-link">
                    <IconFileTypePdf size={14} /> {t('detail.deliveryNote')}
                  </Anchor>
                )}
              </Table.Td>
            </Table.Tr>
            {d.lines.some((l) => l.lots.length > 0) && (
              <Table.Tr>
                <Table.Td colSpan={9} pt={0} style={{ whiteSpace: 'normal' }}>
                  <ShippedLots delivery={d} />
                </Table.Td>
              </Table.Tr>
            )}
          </Fragment>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** What left of which lot, per line, with its DDM: the traceability a food customer asks for. */
function ShippedLots({ delivery }: { delivery: Delivery }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Group gap="md" data-testid="delivery-lots">
      <Text size="xs" c="dimmed">
        {t('detail.lots')}
      </Text>
      {delivery.lines.map((l) =>
        l.lots.map((lot, i) => (
          <Group key={`${l.id}-${i}`} gap={4} wrap="nowrap">
            <Text size="xs" ff="monospace">
              {l.productCode}
            </Text>
            <Text size="xs">
              {lot.lot === null
                ? t('detail.noLot', { quantity: fmt.number(lot.quantity) })
                : t('detail.lotLine', { lot: lot.lot, ddm: fmt.date(lot.bestBefore), quantity: fmt.number(lot.quantity) })}
            </Text>
            {lot.belowMinShelfLife && (
              <Tooltip label={t('detail.belowMinShelfLifeHint')}>
                <Badge size="xs" color="orange" variant="light" tt="none">
                  {t('detail.belowMinShelfLife')}
                </Badge>
              </Tooltip>
            )}
          </Group>
        )),
      )}
    </Group>
  );
}
