import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from '@sinclair/typebox';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { familyName } from '../../../core/catalog/family-names.ts';
import type { AuditEvent } from '../../../core/orders/orders.schemas.ts';
import type { OrderTiersSchema } from '../../../core/pricing/pricing.schemas.ts';
import { api } from '../api/client.ts';
import { AuditHistoryTable } from '../shared/AuditHistoryTable.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { useFormat } from '../shared/use-format.ts';
import { useLanguage } from '../shared/use-language.ts';
import { OrderTiersModal } from './OrderTiersModal.tsx';

type OrderTiers = Static<typeof OrderTiersSchema>;
type Discount = NonNullable<OrderTiers['orderDiscount']>;
/** A line as the audit keeps it: the desk's (price and tiers) or an import's (one threshold). */
type LineState = {
  productCode?: string;
  unitPriceCents?: number;
  minQuantity?: number;
  tiers?: { minQuantity: number; unitPriceCents: number }[];
};

/** The list's discount on the whole order: its measure, steps and families, who changed it; managers and admins edit it. */
export function OrderTiersPanel({ priceListId, editable }: { priceListId: number; editable: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const query = useQuery({
    queryKey: ['price-lists', priceListId, 'order-tiers'],
    queryFn: () => api.get<OrderTiers>(`/api/price-lists/${priceListId}/order-tiers`),
  });
  const history = useQuery({
    queryKey: ['price-lists', priceListId, 'order-tiers', 'history'],
    queryFn: () => api.get<AuditEvent[]>(`/api/price-lists/${priceListId}/order-tiers/history`),
  });
  const d = query.data?.orderDiscount;
  const threshold = (measure: Discount['measure'], min: number) =>
    measure === 'value' ? fmt.money(min) : measure === 'weight' ? fmt.weight(min) : t(`priceLists.measure.${measure}`, { count: min });
  const stepsText = (x: Discount) =>
    x.steps
      .filter((s) => s.discountBp > 0)
      .map((s) => t('priceLists.step', { from: threshold(x.measure, s.min), rate: fmt.rate(s.discountBp) }))
      .join(' · ');
  const familiesText = (x: Discount) =>
    x.families
      ? t('priceLists.families', { families: x.families.map((f) => familyName(f, language)).join(', ') })
      : t('priceLists.allFamilies');
  return (
    <Paper withBorder p="sm" data-testid="order-tiers">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('priceLists.orderTiers')}</Title>
        {editable && query.data && (
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconPencil size={14} />}
            onClick={() => setEditing(true)}
            data-testid="order-tiers-edit"
          >
            {t('priceLists.editOrderTiers')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={query.error ?? history.error} />
      {query.data && !d && (
        <Text size="sm" c="dimmed">
          {t('priceLists.noOrderTiers')}
        </Text>
      )}
      {d && (
        <>
          <Text size="sm" data-testid="order-tiers-steps">
            {stepsText(d)}
          </Text>
          <Text size="xs" c="dimmed">
            {familiesText(d)}
          </Text>
        </>
      )}
      {!!history.data?.length && (
        <>
          <Text size="sm" fw={500} mt="sm">
            {t('priceLists.orderTiersHistory')}
          </Text>
          <AuditHistoryTable<Discount>
            events={history.data}
            describe={(x) => `${stepsText(x) || '—'} (${familiesText(x)})`}
            action={() => t('priceLists.actions.update')}
            limit={10}
            compact
            testId="order-tiers-history"
          />
        </>
      )}
      {editing && (
        <OrderTiersModal
          priceListId={priceListId}
          current={d ?? null}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            void queryClient.invalidateQueries({ queryKey: ['price-lists', priceListId, 'order-tiers'] });
          }}
        />
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
      <AuditHistoryTable<LineState>
        events={query.data ?? []}
        describe={describe}
        action={(a) => t(`priceLists.actions.${a}`, { defaultValue: a })}
        subject={(s) => s.productCode}
        compact
        testId="price-list-history"
      />
    </Paper>
  );
}
