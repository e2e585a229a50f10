import { Paper, Skeleton, Table, Text, Title, Tooltip } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '../../../core/customers/customer-enums.ts';
import { CHANNEL_SHARES } from '../../../core/reports/metric-keys.ts';
import type { Kpis } from '../../../core/reports/reports.schemas.ts';
import type { Formatter } from '../shared/format.ts';
import { formatMetric, MetricLink, metricDelta, metricName, TONE_COLORS } from './metric-format.tsx';
import { drillHref } from './report-url.ts';

const ShareBars = lazy(() => import('./ReportCharts.tsx').then((m) => ({ default: m.ShareBars })));

/**
 * Orders by channel: the share each channel brought of the period's delivered orders, as bars (a share is read at a
 * glance), and beside them the same figures as links to the orders of the channel, with the change from the period
 * before.
 */
export function ChannelShares({ kpis, from, to, fmt }: { kpis: Kpis | undefined; from: string; to: string; fmt: Formatter }) {
  const { t, i18n } = useTranslation();
  const bars = CHANNELS.map((c) => {
    const v = kpis?.totals[CHANNEL_SHARES[c]];
    return { name: t(`channels.${c}`), share: typeof v === 'number' ? Math.round(v * 1000) / 10 : 0 };
  });
  return (
    <Paper withBorder p="sm" h="100%" data-testid="reports-channels">
      <Tooltip label={t('reports.channelsHelp')} multiline w={300} withArrow openDelay={150}>
        <Title order={2} size="h5" mb="xs" style={{ cursor: 'help' }} tabIndex={0} aria-description={t('reports.channelsHelp')}>
          {t('reports.channels')}
        </Title>
      </Tooltip>
      <Suspense fallback={<Skeleton h={200} />}>
        {kpis && (
          <ShareBars data={bars} unit=" %" labelWidth={80} series={[{ name: 'share', label: t('reports.share'), color: 'grape.6' }]} />
        )}
      </Suspense>
      <Table fz="sm" mt="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reports.channel')}</Table.Th>
            <Table.Th ta="right">{t('reports.share')}</Table.Th>
            <Table.Th ta="right">{t('reports.vsBefore')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {CHANNELS.map((c) => {
            const m = CHANNEL_SHARES[c];
            const value = kpis?.totals[m];
            const delta = kpis ? metricDelta(m, value, kpis.previous.totals[m], fmt) : null;
            return (
              <Table.Tr key={c} data-channel={c}>
                <Table.Td>{t(`channels.${c}`)}</Table.Td>
                <Table.Td ta="right">
                  <MetricLink
                    metric={m}
                    value={value}
                    fmt={fmt}
                    to={drillHref({ metric: m, from, to, groupBy: null, key: null })}
                    label={`${metricName(m, i18n.language)} : ${formatMetric(m, value, fmt)}`}
                  />
                </Table.Td>
                <Table.Td ta="right">
                  {delta && (
                    <Text span size="xs" c={TONE_COLORS[delta.tone]}>
                      {delta.text}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
