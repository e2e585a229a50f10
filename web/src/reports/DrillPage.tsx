import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Skeleton, Table, Text } from '@mantine/core';
import { IconArrowLeft, IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { defaultDrillOnly, DEFINITIONS } from '../../../core/reports/definitions.ts';
import type { Drill, Miss } from '../../../core/reports/reports.schemas.ts';
import { api, withQuery } from '../api/client.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import type { Formatter } from '../shared/format.ts';
import { PageTitle } from '../shared/PageTitle.tsx';
import { parisToday } from '../shared/clock.ts';
import { useFormat } from '../shared/use-format.ts';
import { formatMetric, MetricLabel, metricName } from './metric-format.tsx';
import { figuresHref, readDrillView } from './report-url.ts';

/** Late is a shade of wrong; another channel is no fault at all (a channel's share); the rest is red. */
const MISS_COLORS: Partial<Record<Miss['code'], string>> = { late: 'orange', channel: 'gray' };

/** Why a row missed its figure, in the reader's words: late by 2 days, line 3 (T65) 8 of 10… */
export function missText(m: Miss, t: TFunction, fmt: Formatter): string {
  const p = m.params;
  // Wall-clock times (YYYY-MM-DDTHH:MM) read as a date and an hour; a channel in the reader's words.
  const moment = (v: string | number | undefined) => (typeof v === 'string' && v.length >= 16 ? `${fmt.date(v)} ${v.slice(11, 16)}` : v);
  return t(`reports.why.${m.code}`, {
    ...p,
    cents: typeof p.cents === 'number' ? fmt.money(p.cents) : p.cents,
    at: moment(p.at),
    by: m.code === 'confirmed-late' ? moment(p.by) : p.by,
    channel: typeof p.channel === 'string' ? t(`channels.${p.channel}`) : p.channel,
  });
}

/**
 * What makes a figure: the orders (or lines, complaints, notices, calls, interviews) behind it, each with why it
 * missed. The figure, the period and the row clicked are in the address, so the list can be shared as it is.
 */
export function DrillPage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const [params, setParams] = useSearchParams();
  const view = readDrillView(params, parisToday());
  const { metric, from, to, groupBy, key, only } = view;
  const query = { metric, from, to, groupBy: key ? groupBy : null, key, only };
  const url = withQuery('/api/reports/kpis/drill', query);
  const drill = useQuery({ queryKey: ['reports', 'drill', url], queryFn: () => api.get<Drill>(url) });
  const d = drill.data;
  const name = metricName(metric, i18n.language);
  const title = d?.label ? `${name} — ${d.label}` : name;
  // A plain count adds nothing per row: no value column.
  const withValue = !!d?.rows.some((r) => r.value !== null);

  return (
    <>
      <PageTitle title={title}>
        <Button
          component={Link}
          to={figuresHref({ from, to, groupBy: groupBy ?? undefined })}
          variant="default"
          leftSection={<IconArrowLeft size={14} />}
        >
          {t('reports.backToFigures')}
        </Button>
        <Button
          component="a"
          href={withQuery('/api/reports/kpis/drill', { ...query, format: 'xlsx' })}
          download
          variant="default"
          leftSection={<IconDownload size={14} />}
        >
          {t('reports.excel')}
        </Button>
        <Button
          component="a"
          href={withQuery('/api/reports/kpis/drill', { ...query, format: 'csv' })}
          download
          variant="default"
          leftSection={<IconDownload size={14} />}
        >
          {t('reports.csv')}
        </Button>
      </PageTitle>

      <Paper withBorder p="xs" mb="sm">
        <Group gap="lg" align="center">
          <div>
            <MetricLabel metric={metric} />
            <Text size="xl" fw={700} data-testid="drill-value">
              {d ? formatMetric(metric, d.value, fmt) : <Skeleton h={24} w={80} />}
            </Text>
          </div>
          <Text size="sm" c="dimmed">
            {fmt.date(from)} – {fmt.date(to)}
            {d && ` · ${t('reports.counted', { counted: d.counted, met: d.met })}`}
          </Text>
          <SegmentedControl
            ml="auto"
            aria-label={t('reports.show')}
            value={only}
            onChange={(v) =>
              setParams(
                (p) => {
                  if (v === defaultDrillOnly(metric)) p.delete('only');
                  else p.set('only', v);
                  return p;
                },
                { replace: true },
              )
            }
            data={[
              { value: 'missed', label: t('reports.onlyMissed') },
              { value: 'all', label: t('reports.all') },
            ]}
          />
        </Group>
      </Paper>

      <ErrorAlert error={drill.error} />
      <Paper withBorder>
        <Table striped fz="sm" data-testid="drill-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t(`reports.units.${d?.unit ?? 'order'}`)}</Table.Th>
              <Table.Th>{t('reports.customer')}</Table.Th>
              <Table.Th>{t('reports.date')}</Table.Th>
              <Table.Th>{t('reports.due')}</Table.Th>
              <Table.Th>{t('reports.reference')}</Table.Th>
              {withValue && <Table.Th ta="right">{t('reports.value')}</Table.Th>}
              <Table.Th>{t('reports.whyTitle')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d?.rows.map((r) => (
              <Table.Tr key={`${r.unit}-${r.id}`} data-order={r.orderNumber ?? undefined}>
                <Table.Td>
                  {r.orderId ? (
                    <Anchor component={Link} to={`/orders/${r.orderId}`}>
                      {r.orderNumber}
                      {r.lineNo ? ` · ${t('reports.line', { n: r.lineNo })}` : ''}
                    </Anchor>
                  ) : (
                    (r.reference ?? `#${r.id}`)
                  )}
                </Table.Td>
                <Table.Td>{r.customerName}</Table.Td>
                <Table.Td>{fmt.date(r.date)}</Table.Td>
                <Table.Td>{r.dueDate ? (r.dueDate.length > 10 ? fmt.dateTime(r.dueDate) : fmt.date(r.dueDate)) : '—'}</Table.Td>
                <Table.Td>{r.unit === 'risk' && r.reference ? t(`risks.cause.${r.reference}`) : (r.reference ?? '—')}</Table.Td>
                {withValue && (
                  <Table.Td ta="right">
                    {r.value === null ? '—' : DEFINITIONS[metric].kind === 'cents' ? fmt.money(r.value) : fmt.number(r.value, 1)}
                  </Table.Td>
                )}
                <Table.Td>
                  {r.ok && r.why.length === 0 ? (
                    <Badge color="teal" variant="light">
                      {t('reports.met')}
                    </Badge>
                  ) : (
                    <Group gap={4}>
                      {r.why.map((m, i) => (
                        <Badge key={i} color={MISS_COLORS[m.code] ?? 'red'} variant="light" tt="none">
                          {missText(m, t, fmt)}
                        </Badge>
                      ))}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
            {d && d.rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={7}>
                  <Text c="dimmed">{only === 'missed' ? t('reports.noneMissed') : t('reports.nothing')}</Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
        {d?.truncated && (
          <Text size="sm" c="dimmed" p="xs">
            {t('reports.truncated', { count: d.rows.length })}
          </Text>
        )}
      </Paper>
    </>
  );
}
