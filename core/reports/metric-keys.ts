// The reports' vocabulary: the figures, the ways to group them, and what each figure is made of (its drill unit).
// Plain data shared by the schemas, the pure figures (figures.ts), the server's SQL and the web.

import { CHANNELS, type Channel } from '../customers/customer-enums.ts';

/** The ways a report groups its rows. */
export const GROUP_BYS = [
  'week',
  'month',
  'customer',
  'typology',
  'deliveryPoint',
  'product',
  'category',
  'warehouse',
  'assistant',
] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

/**
 * Every figure a report can show. Rates are FRACTIONS between 0 and 1 (0.953 = 95.3 %), never percentages, and
 * null when their denominator is 0 (no order delivered: no service rate, not 100 %). Averages are null on no data.
 * Counts are integers, money integer cents, durations in the unit their name says.
 */
export const METRICS = [
  // Deliveries (an order counts in the period its delivery was reported in; backorders excluded, see figures.ts).
  'orders',
  'lines',
  'linesComplete',
  'serviceRate',
  'quantityOrdered',
  'quantityDelivered',
  'fillRate',
  'ordersOnTime',
  'onTime',
  'ordersInFull',
  'inFull',
  'ordersOtif',
  'otif',
  'leadTimeDays',
  'lateDays',
  'backorders',
  // Order taking (of the same delivered orders): confirmed before the cut-off, untouched, by which channel.
  'ordersConfirmedOnTime',
  'confirmedOnTime',
  'ordersTouchless',
  'touchless',
  'channelPhone',
  'channelEmail',
  'channelFax',
  'channelEdi',
  'channelPortal',
  // Complaints (counted in the period they were received in).
  'complaints',
  'complaintsPerThousandLines',
  'complaintsAnsweredOnTime',
  'complaintAnswerHours',
  'complaintResolveDays',
  // Logistic penalties (counted in the period the notice was received in).
  'penalties',
  'penaltiesCents',
  'penaltiesContested',
  'penaltiesWon',
  'penaltiesPaidCents',
  // Risks resolved before they failed (counted in the period they were resolved in).
  'risksAvoided',
  'exposureAvoidedCents',
  // Calls (counted on their Paris date).
  'calls',
  'callMinutes',
  // Satisfaction interviews (counted on their date).
  'interviews',
  'satisfaction',
] as const;
export type Metric = (typeof METRICS)[number];

/** What the rows behind a figure are: the drill-down lists them. */
export const DRILL_UNITS = ['order', 'line', 'complaint', 'penalty', 'risk', 'call', 'interview'] as const;
export type DrillUnit = (typeof DRILL_UNITS)[number];

export const METRIC_UNIT: Record<Metric, DrillUnit> = {
  orders: 'order',
  lines: 'line',
  linesComplete: 'line',
  serviceRate: 'line',
  quantityOrdered: 'line',
  quantityDelivered: 'line',
  fillRate: 'line',
  ordersOnTime: 'order',
  onTime: 'order',
  ordersInFull: 'order',
  inFull: 'order',
  ordersOtif: 'order',
  otif: 'order',
  leadTimeDays: 'order',
  lateDays: 'order',
  backorders: 'line',
  ordersConfirmedOnTime: 'order',
  confirmedOnTime: 'order',
  ordersTouchless: 'order',
  touchless: 'order',
  channelPhone: 'order',
  channelEmail: 'order',
  channelFax: 'order',
  channelEdi: 'order',
  channelPortal: 'order',
  complaints: 'complaint',
  // Its numerator is complaints: the drill lists the complaints (its denominator, the lines, is another figure's drill).
  complaintsPerThousandLines: 'complaint',
  complaintsAnsweredOnTime: 'complaint',
  complaintAnswerHours: 'complaint',
  complaintResolveDays: 'complaint',
  penalties: 'penalty',
  penaltiesCents: 'penalty',
  penaltiesContested: 'penalty',
  penaltiesWon: 'penalty',
  penaltiesPaidCents: 'penalty',
  risksAvoided: 'risk',
  exposureAvoidedCents: 'risk',
  calls: 'call',
  callMinutes: 'call',
  interviews: 'interview',
  satisfaction: 'interview',
};

/** How a figure reads: a rate (fraction), a count, cents, or an average in some unit. Drives formatting. */
export const METRIC_KINDS = ['rate', 'count', 'cents', 'average'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

/** Whether more is better (true), worse (false): "the worst first" sorts on it. */
export const HIGHER_IS_BETTER: Partial<Record<Metric, boolean>> = {
  serviceRate: true,
  fillRate: true,
  onTime: true,
  inFull: true,
  otif: true,
  leadTimeDays: false,
  lateDays: false,
  backorders: false,
  confirmedOnTime: true,
  touchless: true,
  complaints: false,
  complaintsPerThousandLines: false,
  complaintsAnsweredOnTime: true,
  complaintAnswerHours: false,
  complaintResolveDays: false,
  penalties: false,
  penaltiesCents: false,
  penaltiesPaidCents: false,
  penaltiesWon: true,
  exposureAvoidedCents: true,
  satisfaction: true,
};

/** The share of the orders each channel brought (a rate whose drill-down lists the channel's orders, not the others). */
export const CHANNEL_SHARES = {
  phone: 'channelPhone',
  email: 'channelEmail',
  fax: 'channelFax',
  edi: 'channelEdi',
  portal: 'channelPortal',
} as const satisfies Record<Channel, Metric>;
export const SHARE_METRICS: readonly Metric[] = CHANNELS.map((c) => CHANNEL_SHARES[c]);

/** The channels whose orders can come in and be confirmed with no one of the desk touching them. */
export const AUTOMATED_CHANNELS: readonly Channel[] = ['edi', 'portal'];

/** The figures a report shows when the query names none: the Friday view. */
export const DEFAULT_METRICS: readonly Metric[] = [
  'orders',
  'lines',
  'serviceRate',
  'fillRate',
  'onTime',
  'otif',
  'leadTimeDays',
  'backorders',
  'confirmedOnTime',
  'touchless',
  'complaints',
  'penaltiesCents',
  'exposureAvoidedCents',
  'calls',
  'satisfaction',
];

/** The reasons a row misses its figure, with their params: the web and the PDF word them in French and English. */
export const MISS_CODES = [
  'late', // { days }
  'short', // { lineNo, productCode, ordered, delivered }
  'backordered', // { lineNo, productCode, quantity }
  'cancelled-short', // { lineNo, productCode, quantity }
  'answered-late', // { hours }  (complaint answered after its service time)
  'unanswered-overdue', // {}       (no answer and its service time has passed)
  'paid', // { cents }
  'low-score', // { score }
  'confirmed-late', // { at, by }   (confirmed at, after the cut-off it had to beat)
  'touched', // { by, action }      (someone of the desk created, changed, approved or confirmed it)
  'channel', // { channel }          (the order came by another channel)
] as const;
export type MissCode = (typeof MISS_CODES)[number];
