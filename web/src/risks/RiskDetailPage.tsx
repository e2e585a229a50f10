import { Anchor, Badge, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../api/client.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { Field } from '../shared/Field.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { useFormat } from '../shared/use-format.ts';
import { RiskCauseBadge } from './RiskCauseBadge.tsx';
import { daysLeftLabel } from './days-left.ts';
import { RiskCallPanel } from './call/RiskCallPanel.tsx';
import type { RiskCall } from './call/types.ts';
import { useLanguage } from '../shared/use-language.ts';

/**
 * One risk: what will go wrong, for whom, by how much, what it may cost and why it ranks where it does, then the
 * call with the customer and the options ranked by what he accepts (RiskCallPanel).
 */
export function RiskDetailPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const id = Number(useParams().id);
  const risk = useQuery({ queryKey: ['risks', 'one', id], queryFn: () => api.get<RiskCall>(`/api/risks/${id}`) });
  const lang = useLanguage();
  if (risk.error) return <ErrorAlert error={risk.error} />;
  if (!risk.data) return <Loader />;
  const r = risk.data;
  return (
    <Stack gap="sm" data-testid="risk-detail">
      <PageTitle
        title={
          <Group gap="xs">
            {t('risks.one')} · <RiskCauseBadge cause={r.cause} /> <Badge variant="outline">{t(`risks.statuses.${r.status}`)}</Badge>
          </Group>
        }
      />
      <Paper withBorder p="sm">
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
          <Field label={t('risks.order')}>
            <Anchor component={Link} to={`/orders/${r.orderId}`} ff="monospace">
              {r.orderNumber}
            </Anchor>
            {r.customerRef ? ` · ${r.customerRef}` : ''}
          </Field>
          <Field label={t('risks.customer')}>
            <Anchor component={Link} to={`/customers/${r.customerId}`}>
              {r.customerName}
            </Anchor>
          </Field>
          <Field label={t('risks.product')}>{r.productCode ? `${r.productCode} — ${r.productName}` : t('risks.wholeOrder')}</Field>
          <Field label={t('risks.promised')}>
            {fmt.date(r.promisedDate)} ({daysLeftLabel(t, r.daysLeft)})
          </Field>
          <Field label={t('risks.shortfall')}>
            {r.shortfall > 0 ? `${fmt.number(r.shortfall)} / ${fmt.number(r.lineQuantity ?? 0)}` : '—'}
          </Field>
          <Field label={t('risks.value')}>{fmt.money(r.valueCents)}</Field>
          <Field label={t('risks.exposure')}>{r.exposureCents > 0 ? fmt.money(r.exposureCents) : '—'}</Field>
          <Field label={t('risks.receipt')}>{r.receiptRef ?? '—'}</Field>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="sm">
        <Title order={5} mb="xs">
          {t('risks.priority')} · {r.priorityScore}
        </Title>
        <Text size="sm">{r.priorityReason[lang]}</Text>
        <Text size="xs" c="dimmed" mt="xs">
          {t(`risks.explain.${r.cause}`)}
        </Text>
      </Paper>
      <RiskCallPanel risk={r} />
    </Stack>
  );
}
