import { Badge, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ORDER_DESK } from '../../../../core/auth/roles.ts';
import type { LineStatus, OrderLine } from '../../../../core/orders/order.ts';
import { api } from '../../api/client.ts';
import type { OrderDetail } from '../../api/types.ts';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import type { PriceAnswer } from '../../../../core/edi/edi.schemas.ts';
import { PriceAnswerButtons, type PriceMismatchData, priceMismatchData } from '../../pricing/PriceAnswer.tsx';
import { useFormat } from '../../shared/use-format.ts';

const LINE_COLORS: Record<LineStatus, string> = {
  open: 'blue',
  delivered: 'teal',
  backordered: 'orange',
  short_cancelled: 'gray',
  cancelled: 'red',
};

/**
 * Beside our price, what the customer expects (his EDI PRI) when it differs, or that a price was settled; on a
 * draft the desk answers: his price or ours, each confirmed with what is at stake (on the timeline either way).
 */
function PriceCell({
  line,
  mismatch,
  onAnswer,
  busy,
}: {
  line: OrderLine;
  mismatch: PriceMismatchData | null;
  onAnswer: ((answer: PriceAnswer) => void) | null;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const expected = line.expectedUnitPriceCents;
  return (
    <Stack gap={2} align="flex-end">
      <span>{fmt.money(line.unitPriceCents)}</span>
      {line.agreedUnitPriceCents !== null ? (
        <Tooltip label={t(line.agreedUnitPriceCents === expected ? 'detail.customerPriceAcceptedHint' : 'detail.ourPriceKeptHint')}>
          <Text size="xs" c="teal.8" data-testid="line-price-accepted">
            {t(line.agreedUnitPriceCents === expected ? 'detail.customerPriceAccepted' : 'detail.ourPriceKept')}
          </Text>
        </Tooltip>
      ) : (
        expected !== null &&
        expected !== line.unitPriceCents && (
          <>
            <Text size="xs" c="orange.8" data-testid="line-expected-price">
              {t('detail.customerExpects', { price: fmt.money(expected) })}
            </Text>
            {onAnswer && mismatch && <PriceAnswerButtons data={mismatch} busy={busy} onAnswer={onAnswer} testId="line-price" />}
          </>
        )
      )}
    </Stack>
  );
}

/** What the line's price took off, and why (the order's volume tier, the promotion by name): gross − this = net. */
function DiscountCell({ line }: { line: OrderLine }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const discount = line.discount;
  if (!discount) return <Text c="dimmed">—</Text>;
  return (
    <Stack gap={0} align="flex-end">
      {discount.amountCents > 0 && <span>{`−${fmt.money(discount.amountCents)}`}</span>}
      {discount.parts.map((p) => (
        <Text key={p.kind} size="xs" c={p.kind === 'promotion' ? 'grape.8' : 'dimmed'} ta="right">
          {`${p.kind === 'promotion' ? discount.promotionName : t('detail.orderTierDiscount')} −${fmt.rate(p.rateBp)}`}
        </Text>
      ))}
      {discount.amountCents === 0 && discount.promotionName && (
        <Text size="xs" c="grape.8">
          {discount.promotionName}
        </Text>
      )}
    </Stack>
  );
}

export function OrderLinesTable({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const accept = useMutation({
    mutationFn: (body: { lineId: number; answer: PriceAnswer }) =>
      api.post<OrderDetail>(`/api/orders/${order.id}/accept-customer-price`, body),
    onSuccess: (updated) => {
      queryClient.setQueryData(['orders', order.id], updated);
      // The order's EDI message may have left the queue (and the order been confirmed): both are read again.
      void queryClient.invalidateQueries({ queryKey: ['edi'] });
      void queryClient.invalidateQueries({ queryKey: ['orders', order.id, 'edi'] });
    },
  });
  const mayAccept = order.status === 'draft' && can(ORDER_DESK);
  return (
    <>
      {accept.error && <ErrorAlert error={accept.error} />}
      <Table data-testid="order-detail-lines">
        <Table.Thead style={{ whiteSpace: 'nowrap' }}>
          <Table.Tr>
            <Table.Th w={30}>#</Table.Th>
            <Table.Th>{t('detail.code')}</Table.Th>
            <Table.Th>{t('detail.designation')}</Table.Th>
            <Table.Th ta="right">{t('detail.quantity')}</Table.Th>
            <Table.Th>{t('detail.unit')}</Table.Th>
            <Table.Th ta="right">{t('detail.unitPrice')}</Table.Th>
            <Table.Th ta="right">{t('detail.discount')}</Table.Th>
            <Table.Th ta="right">{t('detail.net')}</Table.Th>
            <Table.Th ta="right">{t('detail.delivered')}</Table.Th>
            <Table.Th miw={96}>{t('detail.lineStatus')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody style={{ fontVariantNumeric: 'tabular-nums' }}>
          {order.lines.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td c="dimmed">{l.lineNo}</Table.Td>
              <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                {l.productCode}
              </Table.Td>
              <Table.Td miw={160}>
                {l.productName}
                {l.plannedDate && l.status === 'open' && (
                  <Text size="xs" c="dimmed">
                    {t('detail.lineLeavesOn', { date: fmt.date(l.plannedDate) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{fmt.number(l.quantity)}</Table.Td>
              <Table.Td>{t(`units.${l.saleUnit}`, { count: l.quantity })}</Table.Td>
              <Table.Td ta="right">
                <PriceCell
                  line={l}
                  mismatch={priceMismatchData(order.findings.find((f) => f.rule === 'price-mismatch' && f.lineId === l.id)?.data)}
                  busy={accept.isPending && accept.variables.lineId === l.id}
                  onAnswer={mayAccept ? (answer) => accept.mutate({ lineId: l.id, answer }) : null}
                />
              </Table.Td>
              <Table.Td ta="right" miw={110} maw={170} data-testid={`order-detail-line-${l.lineNo}-discount`}>
                <DiscountCell line={l} />
              </Table.Td>
              <Table.Td ta="right" data-testid={`order-detail-line-${l.lineNo}-net`}>
                {fmt.money(l.netCents)}
              </Table.Td>
              <Table.Td ta="right">{l.deliveredQuantity === null ? '—' : fmt.number(l.deliveredQuantity)}</Table.Td>
              <Table.Td miw={96} style={{ whiteSpace: 'nowrap' }}>
                <Badge size="sm" variant="light" tt="none" color={LINE_COLORS[l.status]} style={{ overflow: 'visible' }}>
                  {t(`lineStatus.${l.status}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
