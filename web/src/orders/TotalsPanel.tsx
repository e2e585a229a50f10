import { Divider, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderTotals } from '../../../core/orders/totals.ts';
import type { PricedCharge } from '../../../core/pricing/pricing.types.ts';
import type { Bilingual } from '../../../core/shared/bilingual.ts';
import { useBilingual } from './rules/bilingual.ts';
import { useFormat } from '../shared/use-format.ts';

function Row({ label, value, strong, testId }: { label: ReactNode; value: ReactNode; strong?: boolean; testId?: string }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="sm" fw={strong ? 700 : 400}>
        {label}
      </Text>
      {/* An amount is read whole: a long label wraps, the sign never parts from its figure. */}
      <Text size="sm" fw={strong ? 700 : 400} data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
        {value}
      </Text>
    </Group>
  );
}

/** Goods, then each charge (shipping below franco, a surcharge; one per VAT rate, shown once per label) that the net
 * adds up; the net (charges included), VAT per rate as on the invoice, gross; then what the truck carries. */
export function TotalsPanel({
  totals,
  charges = [],
  children,
}: {
  totals: OrderTotals;
  charges?: readonly PricedCharge[];
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const say = useBilingual();
  const byLabel = new Map<string, { label: Bilingual; netCents: number }>();
  for (const c of charges) byLabel.set(c.label.fr, { label: c.label, netCents: (byLabel.get(c.label.fr)?.netCents ?? 0) + c.netCents });
  return (
    <Paper withBorder p="sm" data-testid="order-totals">
      <Stack gap={4}>
        {byLabel.size > 0 && (
          <Row
            label={t('totals.goods')}
            value={fmt.money(totals.netCents - [...byLabel.values()].reduce((sum, c) => sum + c.netCents, 0))}
            testId="total-goods"
          />
        )}
        {[...byLabel.values()].map((c, i) => (
          <Row key={c.label.fr} label={say(c.label)} value={fmt.money(c.netCents)} testId={`total-charge-${i + 1}`} />
        ))}
        <Row label={t('totals.net')} value={fmt.money(totals.netCents)} strong testId="total-net" />
        {totals.vat.map((v) => (
          <Row
            key={v.rateBp}
            label={t('totals.vat', { rate: fmt.rate(v.rateBp) })}
            value={fmt.money(v.vatCents)}
            testId={`total-vat-${v.rateBp}`}
          />
        ))}
        <Row label={t('totals.gross')} value={fmt.money(totals.grossCents)} strong testId="total-gross" />
        <Divider my={4} />
        <Row label={t('totals.pallets')} value={fmt.number(totals.pallets)} testId="total-pallets" />
        <Row label={t('totals.weight')} value={fmt.weight(totals.weightG)} testId="total-weight" />
        {children}
      </Stack>
    </Paper>
  );
}
