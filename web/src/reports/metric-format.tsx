import { Anchor, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DEFINITIONS } from '../../../core/reports/definitions.ts';
import { HIGHER_IS_BETTER, type Metric } from '../../../core/reports/metric-keys.ts';
import type { Formatter } from '../shared/format.ts';

type Value = number | null | undefined;

/** A figure as the screen reads it: rates as percentages, money in euros, averages to a tenth, counts whole. */
export function formatMetric(metric: Metric, value: Value, fmt: Formatter): string {
  if (value === null || value === undefined) return '—';
  switch (DEFINITIONS[metric].kind) {
    case 'rate':
      return new Intl.NumberFormat(fmt.locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
    case 'cents':
      return fmt.money(value);
    case 'average':
      return fmt.number(value, 1);
    default:
      return fmt.number(value, 0);
  }
}

/** The change from the period before: in points for a rate; better, worse or the same as the figure reads. */
export function metricDelta(
  metric: Metric,
  value: Value,
  before: Value,
  fmt: Formatter,
): { text: string; tone: 'better' | 'worse' | 'same' } | null {
  if (value === null || value === undefined || before === null || before === undefined) return null;
  const diff = value - before;
  const rate = DEFINITIONS[metric].kind === 'rate';
  const shown = rate ? Math.round(diff * 1000) / 10 : diff;
  if (Math.abs(shown) < (rate ? 0.05 : 1e-9)) return { text: '=', tone: 'same' };
  const sign = shown > 0 ? '+' : '−';
  const magnitude = Math.abs(shown);
  const text = rate
    ? `${sign}${fmt.number(magnitude, 1)} pt`
    : `${sign}${DEFINITIONS[metric].kind === 'cents' ? fmt.money(magnitude) : fmt.number(magnitude, 1)}`;
  const higher = HIGHER_IS_BETTER[metric];
  if (higher === undefined) return { text, tone: 'same' };
  return { text, tone: diff > 0 === higher ? 'better' : 'worse' };
}

export const TONE_COLORS = { better: 'teal.8', worse: 'red.8', same: 'dimmed' } as const;

/** The figure's name in the user's language, its written definition on hover (and to screen readers). */
export function MetricLabel({ metric, size = 'sm' }: { metric: Metric; size?: string }) {
  const { i18n } = useTranslation();
  const d = DEFINITIONS[metric][i18n.language.startsWith('en') ? 'en' : 'fr'];
  return (
    <Tooltip label={d.help} multiline w={300} withArrow openDelay={150}>
      <Text
        span
        size={size}
        fw={500}
        tabIndex={0}
        style={{ cursor: 'help', borderBottom: '1px dotted currentColor' }}
        aria-description={d.help}
      >
        {d.label}
      </Text>
    </Tooltip>
  );
}

export const metricName = (metric: Metric, language: string) => DEFINITIONS[metric][language.startsWith('en') ? 'en' : 'fr'].label;

/** A figure that is a link to the rows behind it. */
export function MetricLink({ metric, value, to, fmt, label }: { metric: Metric; value: Value; to: string; fmt: Formatter; label: string }) {
  const text = formatMetric(metric, value, fmt);
  if (value === null || value === undefined)
    return (
      <Text span c="dimmed">
        {text}
      </Text>
    );
  return (
    <Anchor component={Link} to={to} aria-label={label} data-metric={metric}>
      {text}
    </Anchor>
  );
}
