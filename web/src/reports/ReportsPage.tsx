import {
  ActionIcon,
  Button,
  Grid,
  Group,
  Menu,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconDownload, IconFileTypePdf } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { addDays } from '../../../core/calendar/dates.ts';
import { DEFINITIONS } from '../../../core/reports/definitions.ts';
import { GROUP_BYS, type Metric, SHARE_METRICS } from '../../../core/reports/metric-keys.ts';
import { isoWeekOf, weekRange } from '../../../core/reports/periods.ts';
import type { Kpis } from '../../../core/reports/reports.schemas.ts';
import { api, withQuery } from '../api/client.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { parisToday } from '../shared/clock.ts';
import { useFormat } from '../shared/use-format.ts';
import { formatMetric, MetricLabel, MetricLink, metricDelta, metricName, TONE_COLORS } from './metric-format.tsx';
import { defaultWeek, drillHref, monthRange, periodKind, readFiguresView, SHOWN_METRICS, shiftPeriod } from './report-url.ts';
import { DateField } from '../shared/DateField.tsx';
import { ChannelShares } from './ChannelShares.tsx';
import classes from './ReportsTable.module.css';

const TrendChart = lazy(() => import('./ReportCharts.tsx').then((m) => ({ default: m.TrendChart })));
const ShareBars = lazy(() => import('./ReportCharts.tsx').then((m) => ({ default: m.ShareBars })));

const TREND_METRICS: readonly Metric[] = ['serviceRate', 'otif', 'onTime'];
const TREND_COLORS = ['indigo.7', 'teal.7', 'orange.7'];
/** Figures a person sorts the rows by, worst first. */
const SORTABLE: readonly Metric[] = [
  'otif',
  'serviceRate',
  'onTime',
  'fillRate',
  'backorders',
  'confirmedOnTime',
  'touchless',
  'complaints',
  'penaltiesCents',
  'exposureAvoidedCents',
  'leadTimeDays',
  'satisfaction',
];

/**
 * "Chiffres du service": the week's (or month's, or any period's) figures against the period before, the trend of the
 * last six months as lines, the rows by customer (or product, warehouse…) worst first as bars and as a table; every
 * figure a link to the orders (or complaints, calls) behind it. All the view's choices live in the address.
 */
export function ReportsPage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const [params, setParams] = useSearchParams();
  const today = parisToday();
  const view = readFiguresView(params, today);
  const { from, to, groupBy, sort } = view;
  const kind = periodKind(from, to);
  const setView = (changes: Record<string, string>) =>
    setParams(
      (p) => {
        for (const [k, v] of Object.entries({ from, to, groupBy, sort, ...changes })) p.set(k, v);
        return p;
      },
      { replace: true },
    );
  const setPeriod = (p: { from: string; to: string }) => setView(p);
  // The view shown is the one in the address, the default one included: copied from the address bar, it is the same.
  const complete = params.has('from') && params.has('to') && params.has('groupBy') && params.has('sort');
  useEffect(() => {
    if (!complete) setView({});
  });

  // The channels' shares come along (the chart beside, and the exports' columns).
  const metrics = [...new Set([...SHOWN_METRICS, sort, ...SHARE_METRICS])].join(',');
  const kpisUrl = withQuery('/api/reports/kpis', { from, to, groupBy, sort, metrics });
  const kpis = useQuery({ queryKey: ['reports', 'kpis', kpisUrl], queryFn: () => api.get<Kpis>(kpisUrl) });
  const trendTo = weekRange(isoWeekOf(to))!.to;
  const trendUrl = withQuery('/api/reports/kpis', {
    from: addDays(trendTo, -7 * 26 + 1),
    to: trendTo,
    groupBy: 'week',
    metrics: TREND_METRICS.join(','),
  });
  const trend = useQuery({ queryKey: ['reports', 'trend', trendUrl], queryFn: () => api.get<Kpis>(trendUrl) });

  const weeks = useMemo(() => {
    const last = defaultWeek(today).from;
    return Array.from({ length: 27 }, (_, i) => isoWeekOf(addDays(last, -7 * i)));
  }, [today]);
  const pdfWeek = kind === 'week' ? isoWeekOf(from) : weeks[0];

  const previousByKey = new Map((kpis.data?.previous.rows ?? []).map((r) => [r.key, r.metrics]));
  const rows = kpis.data?.rows ?? [];
  const sortIsRate = DEFINITIONS[sort].kind === 'rate';
  const sortIsCents = DEFINITIONS[sort].kind === 'cents';
  const bars = rows
    .filter((r) => r.metrics[sort] !== null && r.metrics[sort] !== undefined)
    .slice(0, 12)
    .map((r) => ({
      name: r.label,
      [sort]: sortIsRate
        ? Math.round((r.metrics[sort] as number) * 1000) / 10
        : sortIsCents
          ? (r.metrics[sort] as number) / 100
          : (r.metrics[sort] as number),
    }));
  const trendData = (trend.data?.rows ?? []).map((r) => ({
    period: r.key.slice(5),
    ...Object.fromEntries(TREND_METRICS.map((m) => [m, typeof r.metrics[m] === 'number' ? Math.round(r.metrics[m] * 1000) / 10 : null])),
  }));

  const exportHref = (format: 'csv' | 'xlsx') => withQuery('/api/reports/kpis', { from, to, groupBy, sort, metrics, format });

  return (
    <>
      <PageTitle title={t('reports.title')}>
        <Menu position="bottom-end">
          <Menu.Target>
            <Button variant="default" leftSection={<IconDownload size={14} />} data-testid="reports-export">
              {t('reports.export')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item component="a" href={exportHref('xlsx')} download>
              {t('reports.excel')}
            </Menu.Item>
            <Menu.Item component="a" href={exportHref('csv')} download>
              {t('reports.csv')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
        <WeeklyReport weeks={weeks} initial={pdfWeek} />
      </PageTitle>

      <Paper withBorder p="xs" mb="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <SegmentedControl
            aria-label={t('reports.period')}
            value={kind}
            onChange={(v) => setPeriod(v === 'month' ? monthRange(to) : v === 'week' ? weekRange(isoWeekOf(to))! : { from, to })}
            data={[
              { value: 'week', label: t('reports.week') },
              { value: 'month', label: t('reports.month') },
              { value: 'custom', label: t('reports.custom') },
            ]}
          />
          <Group gap={4} wrap="nowrap">
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('reports.previousPeriod')}
              onClick={() => setPeriod(shiftPeriod(from, to, -1))}
            >
              <IconChevronLeft size={16} />
            </ActionIcon>
            <DateField label={t('reports.from')} value={from} onChange={(v) => v && setPeriod({ from: v, to })} w={150} />
            <DateField label={t('reports.to')} value={to} onChange={(v) => v && setPeriod({ from, to: v })} w={150} />
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('reports.nextPeriod')}
              onClick={() => setPeriod(shiftPeriod(from, to, 1))}
            >
              <IconChevronRight size={16} />
            </ActionIcon>
          </Group>
          <Select
            label={t('reports.groupBy')}
            w={190}
            value={groupBy}
            allowDeselect={false}
            onChange={(v) => v && setView({ groupBy: v })}
            data={GROUP_BYS.map((g) => ({ value: g, label: t(`reports.groupBys.${g}`) }))}
            data-testid="reports-group-by"
          />
          <Select
            label={t('reports.sortBy')}
            w={210}
            value={sort}
            allowDeselect={false}
            onChange={(v) => v && setView({ sort: v })}
            data={SORTABLE.map((m) => ({ value: m, label: metricName(m, i18n.language) }))}
          />
          <Text size="sm" c="dimmed" pb={6}>
            {kind === 'week' ? `${t('reports.weekShort')} ${isoWeekOf(from).slice(6)} · ` : ''}
            {fmt.date(from)} – {fmt.date(to)}
            {kpis.data && ` · ${t('reports.against', { from: fmt.date(kpis.data.previous.from), to: fmt.date(kpis.data.previous.to) })}`}
          </Text>
        </Group>
      </Paper>

      <ErrorAlert error={kpis.error ?? trend.error} />

      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="xs" mb="sm" data-testid="reports-totals">
        {SHOWN_METRICS.map((m) => {
          const value = kpis.data?.totals[m];
          const delta = kpis.data ? metricDelta(m, value, kpis.data.previous.totals[m], fmt) : null;
          return (
            <Paper key={m} withBorder p="xs">
              <MetricLabel metric={m} size="xs" />
              <Text size="xl" fw={700} mt={2}>
                {kpis.isLoading ? (
                  <Skeleton h={24} w={80} />
                ) : (
                  <MetricLink
                    metric={m}
                    value={value}
                    fmt={fmt}
                    to={drillHref({ metric: m, from, to, groupBy: null, key: null })}
                    label={`${metricName(m, i18n.language)} : ${formatMetric(m, value, fmt)}`}
                  />
                )}
              </Text>
              {delta && (
                <Text size="xs" c={TONE_COLORS[delta.tone]}>
                  {delta.text} {t('reports.vsBefore')}
                </Text>
              )}
            </Paper>
          );
        })}
      </SimpleGrid>

      <Grid mb="sm">
        <Grid.Col span={{ base: 12, lg: 6, xl: 5 }}>
          <Paper withBorder p="sm" h="100%">
            <Title order={2} size="h5" mb="xs">
              {t('reports.trend')}
            </Title>
            <Suspense fallback={<Skeleton h={260} />}>
              {trend.data && (
                <TrendChart
                  data={trendData}
                  unit=" %"
                  series={TREND_METRICS.map((m, i) => ({ name: m, label: metricName(m, i18n.language), color: TREND_COLORS[i] }))}
                />
              )}
            </Suspense>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6, xl: 4 }}>
          <Paper withBorder p="sm" h="100%">
            <Title order={2} size="h5" mb="xs">
              {t('reports.worst', { figure: metricName(sort, i18n.language), by: t(`reports.groupBys.${groupBy}`).toLowerCase() })}
            </Title>
            <Suspense fallback={<Skeleton h={260} />}>
              {kpis.data && bars.length > 0 && (
                <ShareBars
                  data={bars}
                  unit={sortIsRate ? ' %' : sortIsCents ? ' €' : ''}
                  series={[{ name: sort, label: metricName(sort, i18n.language), color: 'indigo.6' }]}
                />
              )}
              {kpis.data && bars.length === 0 && <Text c="dimmed">{t('reports.nothing')}</Text>}
            </Suspense>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6, xl: 3 }}>
          <ChannelShares kpis={kpis.data} from={from} to={to} fmt={fmt} />
        </Grid.Col>
      </Grid>

      <Paper withBorder>
        <Table.ScrollContainer minWidth={1500}>
          <Table striped highlightOnHover fz="sm" data-testid="reports-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th className={classes.name}>{t(`reports.groupBys.${groupBy}`)}</Table.Th>
                {SHOWN_METRICS.map((m) => (
                  <Table.Th key={m} ta="right">
                    <MetricLabel metric={m} size="xs" />
                  </Table.Th>
                ))}
                {!SHOWN_METRICS.includes(sort) && (
                  <Table.Th ta="right">
                    <MetricLabel metric={sort} size="xs" />
                  </Table.Th>
                )}
                <Table.Th ta="right">{t('reports.before', { figure: metricName(sort, i18n.language) })}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => {
                const before = previousByKey.get(r.key)?.[sort];
                const delta = metricDelta(sort, r.metrics[sort], before, fmt);
                const cell = (m: Metric) => (
                  <Table.Td key={m} ta="right">
                    <MetricLink
                      metric={m}
                      value={r.metrics[m]}
                      fmt={fmt}
                      to={drillHref({ metric: m, from, to, groupBy, key: r.key })}
                      label={`${metricName(m, i18n.language)} ${r.label} : ${formatMetric(m, r.metrics[m], fmt)}`}
                    />
                  </Table.Td>
                );
                return (
                  <Table.Tr key={r.key} data-row={r.key}>
                    <Table.Td miw={180} className={classes.name}>
                      {r.label}
                    </Table.Td>
                    {SHOWN_METRICS.map(cell)}
                    {!SHOWN_METRICS.includes(sort) && cell(sort)}
                    <Table.Td ta="right">
                      {formatMetric(sort, before, fmt)}
                      {delta && (
                        <Text span size="xs" c={TONE_COLORS[delta.tone]} ml={6}>
                          {delta.text}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
              {kpis.data && rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={SHOWN_METRICS.length + 3}>
                    <Text c="dimmed">{t('reports.nothing')}</Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </>
  );
}

/** The weekly report (PDF, French) of any week: the one shown by default, another chosen from the list. */
function WeeklyReport({ weeks, initial }: { weeks: string[]; initial: string }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" closeOnItemClick>
      <Menu.Target>
        <Button variant="default" leftSection={<IconFileTypePdf size={14} />} data-testid="reports-weekly">
          {t('reports.weekly')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown mah={360} style={{ overflowY: 'auto' }}>
        {weeks.map((w) => {
          const range = weekRange(w)!;
          return (
            <Menu.Item key={w} component="a" href={`/api/reports/weekly?week=${w}`} target="_blank" fw={w === initial ? 700 : undefined}>
              {t('reports.weekOf', {
                week: w.slice(6),
                from: range.from.slice(8, 10) + '/' + range.from.slice(5, 7),
                to: range.to.slice(8, 10) + '/' + range.to.slice(5, 7),
              })}
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}
