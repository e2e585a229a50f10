import { Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Static } from '@sinclair/typebox';
import { useTranslation } from 'react-i18next';
import { familyName } from '../../../core/catalog/family-names.ts';
import type { AuditEvent } from '../../../core/orders/orders.schemas.ts';
import type { OrderTiersSchema } from '../../../core/pricing/pricing.schemas.ts';
import { api } from '../api/client.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { useFormat } from '../shared/use-format.ts';
import { useLanguage } from '../shared/use-language.ts';

type OrderTiers = Static<typeof OrderTiersSchema>;
/** A line as the audit keeps it: the desk's (price and tiers) or an import's (one threshold). */
type LineState = {
  productCode?: string;
  unitPriceCents?: number;
  minQuantity?: number;
  tiers?: { minQuantity: number; unitPriceCents: number }[];
};

/** The list's discount on the whole order (read here; the admin sets it elsewhere): its measure, steps and families. */
export function OrderTiersPanel({ priceListId }: { priceListId: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const language = useLanguage();
  const query = useQuery({
    queryKey: ['price-lists', priceListId, 'order-tiers'],
    queryFn: () => api.get<OrderTiers>(`/api/price-lists/${priceListId}/order-tiers`),
  });
  const d = query.data?.orderDiscount;
  const threshold = (min: number) =>
    d?.measure === 'value'
      ? fmt.money(min)
      : d?.measure === 'weight'
        ? fmt.weight(min)
        : t(`priceLists.measure.${d?.measure}`, { count: min });
  return (
    <Paper withBorder p="sm" data-testid="order-tiers">
      <Title order={5} mb="xs">
        {t('priceLists.orderTiers')}
      </Title>
      <ErrorAlert error={query.error} />
      {query.data && !d && (
        <Text size="sm" c="dimmed">
          {t('priceLists.noOrderTiers')}
        </Text>
      )}
      {d && (
        <>
          <Text size="sm">
            {d.steps
              .filter((s) => s.discountBp > 0)
              .map((s) => t('priceLists.step', { from: threshold(s.min), rate: fmt.rate(s.discountBp) }))
              .join(' · ')}
          </Text>
          <Text size="xs" c="dimmed">
            {d.families
              ? t('priceLists.families', { families: d.families.map((f) => familyName(f, language)).join(', ') })
              : t('priceLists.allFamilies')}
          </Text>
        </>
      )}
    </Paper>
  );
}

/** Who changed the list's lines, on the desk or by an import, what and when: the audit read back, newest first. */
export function PriceListHistory({ priceListId }: { priceListId: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const query = useQuery({
    queryKey: ['price-lists', priceListId, 'history'],
    queryFn: () => api.get<AuditEvent[]>(`/api/price-lists/${priceListId}/history`),
  });
  const describe = (s: LineState) =>
    [
      s.unitPriceCents === undefined ? '' : fmt.money(s.unitPriceCents),
      s.minQuantity && s.minQuantity > 1 ? t('priceLists.from', { count: s.minQuantity }) : '',
      ...(s.tiers ?? []).map((x) =>
        t('priceLists.tierText', { from: t('priceLists.from', { count: x.minQuantity }), price: fmt.money(x.unitPriceCents) }),
      ),
    ]
      .filter(Boolean)
      .join(' · ');
  return (
    <Paper withBorder p="sm">
      <Title order={5} mb="xs">
        {t('priceLists.history')}
      </Title>
      <ErrorAlert error={query.error} />
      {query.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('priceLists.noHistory')}
        </Text>
      )}
      <Table fz="xs" verticalSpacing={2} data-testid="price-list-history">
        <Table.Tbody>
          {(query.data ?? []).slice(0, 30).map((e) => {
            const before = e.before as LineState | null;
            const after = e.after as LineState | null;
            return (
              <Table.Tr key={e.id}>
                <Table.Td>
                  {t('priceLists.changedBy', { user: e.userName ?? '—', when: fmt.dateTime(e.at) })}{' '}
                  <Text span size="xs" c="dimmed">
                    ({t(`priceLists.actions.${e.action}`, { defaultValue: e.action })})
                  </Text>
                </Table.Td>
                <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {(after ?? before)?.productCode}
                </Table.Td>
                <Table.Td>
                  {before && describe(before)}
                  {before && after && ' ⟶ '}
                  {after && describe(after)}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
