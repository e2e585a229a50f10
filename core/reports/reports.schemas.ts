import { Type, type Static } from '@sinclair/typebox';
import { IsoDateString, literals, Nullable, Text } from '../shared/schemas.ts';
import { DRILL_UNITS, GROUP_BYS, METRICS, type Metric, MISS_CODES } from './metric-keys.ts';

// The reports' API (issue 14, item 7). Every rate is a FRACTION in [0, 1] (0.953 = 95.3 %) and null when its
// denominator is 0; averages are null when there is nothing to average; counts integers; money integer cents.
// Definitions of every figure, in French and English: core/reports/definitions.ts.

export const GroupBySchema = literals(GROUP_BYS);
export const MetricSchema = literals(METRICS);
export const ExportFormatSchema = literals(['json', 'csv', 'xlsx'] as const);
export type ExportFormat = Static<typeof ExportFormatSchema>;

/** `2026-W48`: an ISO week (Monday to Sunday, Europe/Paris). */
export const IsoWeekString = Type.String({ pattern: '^\\d{4}-W(0[1-9]|[1-4]\\d|5[0-3])$', description: 'ISO week, e.g. 2026-W48' });

/** A figure's value: a number, or null when it cannot be computed (denominator 0, nothing to average). */
const Value = Nullable(Type.Number());

/** The figures of one row (or of the totals): only those the query asked for are present. */
export const MetricValuesSchema = Type.Partial(
  Type.Object(Object.fromEntries(METRICS.map((m) => [m, Value])) as Record<Metric, typeof Value>),
);
export type MetricValues = Static<typeof MetricValuesSchema>;

/**
 * GET /api/reports/kpis. `from`/`to` inclusive Paris dates (at most 366 days apart); `metrics` comma-separated
 * (default: core DEFAULT_METRICS); `sort` a metric to order rows by, worst first (default: by key).
 * `format=csv|xlsx` answers the table as a file instead of JSON.
 */
export const KpisQuerySchema = Type.Object(
  {
    from: IsoDateString,
    to: IsoDateString,
    groupBy: GroupBySchema,
    metrics: Type.Optional(
      Type.String({ maxLength: 600, pattern: '^[a-zA-Z]+(,[a-zA-Z]+)*$', description: 'comma-separated metric names' }),
    ),
    sort: Type.Optional(MetricSchema),
    format: Type.Optional(ExportFormatSchema),
  },
  { additionalProperties: false },
);
export type KpisQuery = Static<typeof KpisQuerySchema>;

/** A row's key: `2026-W48` (week), `2026-11` (month), an id as a string (customer, product, warehouse, assistant), the
 * typology or the product family as they are; `none` for an assistant row of customers with no assistant. */
export const KpiRowSchema = Type.Object({
  key: Type.String(),
  label: Type.String(),
  metrics: MetricValuesSchema,
});
export type KpiRow = Static<typeof KpiRowSchema>;

export const KpisSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  groupBy: GroupBySchema,
  metrics: Type.Array(MetricSchema),
  rows: Type.Array(KpiRowSchema),
  totals: MetricValuesSchema,
  /** The period of the same length just before: its totals, and its rows by key (for "against the one before"). */
  previous: Type.Object({
    from: Type.String(),
    to: Type.String(),
    totals: MetricValuesSchema,
    rows: Type.Array(KpiRowSchema),
  }),
});
export type Kpis = Static<typeof KpisSchema>;

/**
 * GET /api/reports/kpis/drill: the rows behind one figure of one row (`key` of `groupBy`), or of the totals when
 * `key` is absent. `only=missed` (default) lists the rows that missed the figure, `all` every row it counts:
 * `all` returns exactly the figure's denominator (orders, lines, complaints…), the `ok` ones its numerator.
 */
export const DrillQuerySchema = Type.Object(
  {
    metric: MetricSchema,
    from: IsoDateString,
    to: IsoDateString,
    groupBy: Type.Optional(GroupBySchema),
    key: Type.Optional(Text(100, { minLength: 1 })),
    only: Type.Optional(literals(['missed', 'all'] as const)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 1000 })),
    format: Type.Optional(ExportFormatSchema),
  },
  { additionalProperties: false },
);
export type DrillQuery = Static<typeof DrillQuerySchema>;

/** Why a row missed its figure: a code the screens word (fr/en) and its params. */
export const MissSchema = Type.Object({
  code: literals(MISS_CODES),
  params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
});
export type Miss = Static<typeof MissSchema>;

export const DrillRowSchema = Type.Object({
  unit: literals(DRILL_UNITS),
  /** The order's, line's, complaint's, notice's, call's or interview's id. */
  id: Type.Integer(),
  orderId: Nullable(Type.Integer()),
  orderNumber: Nullable(Type.String()),
  lineNo: Nullable(Type.Integer()),
  customerId: Type.Integer(),
  customerName: Type.String(),
  /** The date it counts on: delivered (order, line), received (complaint, notice), call, interview. */
  date: Type.String(),
  /** The promised date (order, line) or the answer-by time (complaint); null otherwise. */
  dueDate: Nullable(Type.String()),
  /** A reference to show: product code (line), complaint/notice number, call purpose. */
  reference: Nullable(Type.String()),
  /** What the row adds to the figure: a quantity, cents, minutes, a score; null for plain counts. */
  value: Nullable(Type.Number()),
  /** It met the figure (on time, complete, answered in time…); for counts and sums, true. */
  ok: Type.Boolean(),
  why: Type.Array(MissSchema),
});
export type DrillRow = Static<typeof DrillRowSchema>;

export const DrillSchema = Type.Object({
  metric: MetricSchema,
  unit: literals(DRILL_UNITS),
  from: Type.String(),
  to: Type.String(),
  groupBy: Nullable(GroupBySchema),
  key: Nullable(Type.String()),
  label: Nullable(Type.String()),
  /** The figure the rows make, as /kpis gives it. */
  value: Value,
  /** Rows counted (all of them, not only those listed) and how many of them met the figure. */
  counted: Type.Integer(),
  met: Type.Integer(),
  rows: Type.Array(DrillRowSchema),
  /** True when `limit` cut the list. */
  truncated: Type.Boolean(),
});
export type Drill = Static<typeof DrillSchema>;

/** GET /api/reports/weekly?week=2026-W48 → application/pdf, in French. */
export const WeeklyQuerySchema = Type.Object({ week: IsoWeekString }, { additionalProperties: false });
export type WeeklyQuery = Static<typeof WeeklyQuerySchema>;
