import { addDays, type IsoDate, isIsoDate } from '../../../core/calendar/dates.ts';
import { DEFAULT_METRICS, GROUP_BYS, type GroupBy, METRICS, type Metric } from '../../../core/reports/metric-keys.ts';
import { defaultDrillOnly } from '../../../core/reports/definitions.ts';
import { isoWeekOf, weekRange } from '../../../core/reports/periods.ts';

/**
 * What the figures screen and the drill-down show lives in their address, so a view can be shared: the period
 * (from–to, a week or a month), the grouping, the figure the rows are sorted by (worst first) and, in the drill-down,
 * the figure and the row clicked.
 */
export type FiguresView = { from: IsoDate; to: IsoDate; groupBy: GroupBy; sort: Metric };
export type DrillView = { metric: Metric; from: IsoDate; to: IsoDate; groupBy: GroupBy | null; key: string | null; only: 'missed' | 'all' };

const isGroupBy = (v: string | null): v is GroupBy => !!v && (GROUP_BYS as readonly string[]).includes(v);
const isMetric = (v: string | null): v is Metric => !!v && (METRICS as readonly string[]).includes(v);
const date = (v: string | null): IsoDate | null => (v && isIsoDate(v) ? v : null);

/** The week a manager means by "the week": the one that holds yesterday (on Friday this week, on Monday the last). */
export function defaultWeek(today: IsoDate): { from: IsoDate; to: IsoDate } {
  return weekRange(isoWeekOf(addDays(today, -1)))!;
}

export function monthRange(day: IsoDate): { from: IsoDate; to: IsoDate } {
  const from = `${day.slice(0, 7)}-01`;
  const next = addDays(from, 32);
  return { from, to: addDays(`${next.slice(0, 7)}-01`, -1) };
}

/** The period of the same kind just before or after: a week, a calendar month, or as many days. */
export function shiftPeriod(from: IsoDate, to: IsoDate, direction: 1 | -1): { from: IsoDate; to: IsoDate } {
  const month = monthRange(from);
  if (month.from === from && month.to === to) return monthRange(direction === 1 ? addDays(to, 1) : addDays(from, -1));
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  return { from: addDays(from, direction * days), to: addDays(to, direction * days) };
}

export function periodKind(from: IsoDate, to: IsoDate): 'week' | 'month' | 'custom' {
  const week = weekRange(isoWeekOf(from));
  if (week?.from === from && week.to === to) return 'week';
  const month = monthRange(from);
  return month.from === from && month.to === to ? 'month' : 'custom';
}

export function readFiguresView(params: URLSearchParams, today: IsoDate): FiguresView {
  const fallback = defaultWeek(today);
  const from = date(params.get('from'));
  const to = date(params.get('to'));
  const period = from && to && from <= to ? { from, to } : fallback;
  const groupBy = params.get('groupBy');
  const sort = params.get('sort');
  return { ...period, groupBy: isGroupBy(groupBy) ? groupBy : 'customer', sort: isMetric(sort) ? sort : 'otif' };
}

export function readDrillView(params: URLSearchParams, today: IsoDate): DrillView {
  const { from, to } = readFiguresView(params, today);
  const metric = params.get('metric');
  const groupBy = params.get('groupBy');
  const only = params.get('only');
  return {
    metric: isMetric(metric) ? metric : 'otif',
    from,
    to,
    groupBy: isGroupBy(groupBy) ? groupBy : null,
    key: params.get('key') || null,
    only: only === 'all' || only === 'missed' ? only : defaultDrillOnly(isMetric(metric) ? metric : 'otif'),
  };
}

/** The drill-down's address for a figure: of one row (groupBy and key) or of the period's totals; `only` when not its default. */
export function drillHref(v: Omit<DrillView, 'only'> & { only?: DrillView['only'] }): string {
  const search = new URLSearchParams({ metric: v.metric, from: v.from, to: v.to });
  if (v.groupBy && v.key !== null) {
    search.set('groupBy', v.groupBy);
    search.set('key', v.key);
  }
  if (v.only && v.only !== defaultDrillOnly(v.metric)) search.set('only', v.only);
  return `/reports/drill?${search.toString()}`;
}

export function figuresHref(v: Partial<FiguresView> & { from: IsoDate; to: IsoDate }): string {
  const search = new URLSearchParams({ from: v.from, to: v.to });
  if (v.groupBy) search.set('groupBy', v.groupBy);
  if (v.sort) search.set('sort', v.sort);
  return `/reports?${search.toString()}`;
}

/** The figures the screen shows, in the Friday order. */
export const SHOWN_METRICS: readonly Metric[] = DEFAULT_METRICS;
