import { Divider, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderTotals } from '../../../core/orders/totals.ts';
import { useFormat } from '../shared/use-format.ts';

function Row({ label, value, strong, testId }: { label: ReactNode; value: ReactNode; strong?: boolean; testId?: string }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="sm" fw={strong ? 700 : 400}>
        {label}
      </Text>
      <Text size="sm" fw={strong ? 700 : 400} data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
    </Group>
  );
}

/** Net, VAT per rate as on the invoice, gross; then what the truck carries. */
export function TotalsPanel({ totals, children }: { totals: OrderTotals; children?: ReactNode }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Paper withBorder p="sm" data-testid="order-totals">
      <Stack gap={4}>
        <Row label={t('totals.net')} value={fmt.money(totals.netCents)} strong testId="total-net" />
        {totals.vat.map((v) => (
          <Row key={v.rateBp} label={t('totals.vat', { rate: fmt.rate(v.rateBp) })} value={fmt.money(v.vatCents)} testId={`total-vat-${v.rateBp}`} />
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
