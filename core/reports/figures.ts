import { STAFF } from '../auth/roles.ts';
import { processingDay } from '../calendar/delivery-date.ts';
import { daysBetween, type IsoDate } from '../calendar/dates.ts';
import { CHANNELS, type Channel } from '../customers/customer-enums.ts';
import { AUTOMATED_CHANNELS, CHANNEL_SHARES, type Metric, METRIC_UNIT, METRICS } from './metric-keys.ts';
import type { Miss, MetricValues } from './reports.schemas.ts';

// One implementation per figure (definitions in words: definitions.ts). Everything here is pure: the server feeds it
// the fact rows (server/reports) and the SQL computes the same sums in the database; tests hold both to agreement.

// ---------------------------------------------------------------------------------------------------------------
// Deliveries: one fact per delivered order, one per delivered line, written in the delivery's transaction.

/** An order line as its delivery left it: what was ordered, what the customer received, and what became of the rest. */
export type LineOutcome = {
  lineId: number;
  lineNo: number;
  productId: number;
  productCode: string;
  warehouseId: number | null;
  quantity: number;
  delivered: number;
  /** delivered, backordered (the rest follows on a backorder) or short_cancelled (the rest is cancelled). */
  status: string;
};

/** The statuses of a line the delivery report settled: the others (cancelled before delivery) do not count. */
export const COUNTED_LINE_STATUSES = ['delivered', 'backordered', 'short_cancelled'] as const;

/** The order fact: what the service figures of one delivered order are made of. */
export type OrderFact = {
  orderId: number;
  customerId: number;
  assistantId: number | null;
  channel: string;
  /** Paris dates: the order's receipt, the date it was due (promised, else requested; null: none), its delivery. */
  orderedOn: IsoDate;
  dueOn: IsoDate | null;
  deliveredOn: IsoDate;
  onTime: 0 | 1;
  inFull: 0 | 1;
  lateDays: number;
  leadTimeDays: number;
  lines: number;
  linesComplete: number;
  quantityOrdered: number;
  quantityDelivered: number;
  backorders: number;
  deliveryPointId: number;
  /** Paris wall clock YYYY-MM-DDTHH:MM: when it was confirmed (null: no confirmation on record), and the cut-off to beat. */
  confirmedAt: string | null;
  confirmBy: string;
  confirmedOnTime: 0 | 1;
  /** The first person of the desk who created, changed, approved or confirmed it; null: nobody did. */
  touchedBy: number | null;
  /** An EDI or portal order nobody of the desk touched. */
  touchless: 0 | 1;
};

export type LineFact = {
  lineId: number;
  orderId: number;
  customerId: number;
  assistantId: number | null;
  productId: number;
  warehouseId: number | null;
  deliveredOn: IsoDate;
  lineNo: number;
  quantity: number;
  delivered: number;
  status: string;
  onTime: 0 | 1;
};

export type DeliveredOrder = {
  id: number;
  customerId: number;
  assistantId: number | null;
  channel: string;
  /** Paris wall clock YYYY-MM-DDTHH:MM the order came in. */
  orderedAt: string;
  promisedDate: IsoDate | null;
  requestedDate: IsoDate | null;
  deliveryPointId: number;
  /** The delivery point's cut-off (HH:MM): an order taken after it is processed the next working day. */
  cutoffTime: string;
  /** Its timeline's order-taking steps (ORDER_TAKING_ACTIONS), by whom and when (Paris wall clock). */
  events: readonly OrderEvent[];
};

/** `role` as the users table holds it: a desk role, a buyer, or `system` (the EDI partner's system). */
export type OrderEvent = { action: string; userId: number | null; role: string | null; at: string };

/** The steps of taking an order (not of moving it through the warehouse): a person doing any of them touches it. */
export const ORDER_TAKING_ACTIONS = ['create', 'change', 'approve', 'override', 'confirm'] as const;

/**
 * Confirmed on time: before the cut-off of the day the order is processed on (the day it came in when it came in
 * on a working day before its delivery point's cut-off, else the next working day), as the promise to the
 * customer is made from that day (core/calendar/delivery-date.ts).
 */
export function confirmDeadline(orderedAt: string, cutoffTime: string): string {
  return `${processingDay({ date: orderedAt.slice(0, 10), time: orderedAt.slice(11, 16) }, cutoffTime)}T${cutoffTime}`;
}

/** When the order was first confirmed, and the first person of the desk (not a buyer, not the EDI system) who touched it. */
export function orderTaking(events: readonly OrderEvent[]): { confirmedAt: string | null; touchedBy: number | null } {
  const sorted = [...events].sort((a, b) => a.at.localeCompare(b.at));
  const touch = sorted.find(
    (e) => (ORDER_TAKING_ACTIONS as readonly string[]).includes(e.action) && (STAFF as readonly (string | null)[]).includes(e.role),
  );
  return { confirmedAt: sorted.find((e) => e.action === 'confirm')?.at ?? null, touchedBy: touch?.userId ?? null };
}

/** A line is complete when the customer received at least what he ordered. */
export const lineComplete = (l: Pick<LineOutcome, 'quantity' | 'delivered'>): boolean => l.delivered >= l.quantity;

/** On time: delivered on or before the date due (the promised date, else the requested one); no date due, on time. */
export function lateness(dueOn: IsoDate | null, deliveredOn: IsoDate): number {
  return dueOn === null ? 0 : Math.max(0, daysBetween(dueOn, deliveredOn));
}

/** The facts of one delivered order: the row and its lines, as the fact tables keep them. */
export function deliveryFacts(
  order: DeliveredOrder,
  outcomes: readonly LineOutcome[],
  deliveredOn: IsoDate,
): { order: OrderFact; lines: LineFact[] } {
  const counted = outcomes.filter((l) => (COUNTED_LINE_STATUSES as readonly string[]).includes(l.status));
  const dueOn = order.promisedDate ?? order.requestedDate;
  const lateDays = lateness(dueOn, deliveredOn);
  const onTime = lateDays === 0 ? 1 : 0;
  const complete = counted.filter(lineComplete).length;
  const sum = (f: (l: LineOutcome) => number) => counted.reduce((s, l) => s + f(l), 0);
  const orderedOn = order.orderedAt.slice(0, 10);
  const { confirmedAt, touchedBy } = orderTaking(order.events);
  const confirmBy = confirmDeadline(order.orderedAt, order.cutoffTime);
  return {
    order: {
      orderId: order.id,
      customerId: order.customerId,
      assistantId: order.assistantId,
      channel: order.channel,
      orderedOn,
      dueOn,
      deliveredOn,
      onTime,
      inFull: complete === counted.length ? 1 : 0,
      lateDays,
      leadTimeDays: Math.max(0, daysBetween(orderedOn, deliveredOn)),
      lines: counted.length,
      linesComplete: complete,
      quantityOrdered: sum((l) => l.quantity),
      quantityDelivered: sum((l) => Math.min(l.delivered, l.quantity)),
      backorders: counted.filter((l) => l.status === 'backordered' && !lineComplete(l)).length,
      deliveryPointId: order.deliveryPointId,
      confirmedAt,
      confirmBy,
      confirmedOnTime: confirmedAt !== null && confirmedAt < confirmBy ? 1 : 0,
      touchedBy,
      touchless: automated(order.channel) && touchedBy === null ? 1 : 0,
    },
    lines: counted.map((l) => ({
      lineId: l.lineId,
      orderId: order.id,
      customerId: order.customerId,
      assistantId: order.assistantId,
      productId: l.productId,
      warehouseId: l.warehouseId,
      deliveredOn,
      lineNo: l.lineNo,
      quantity: l.quantity,
      delivered: Math.min(l.delivered, l.quantity),
      status: l.status,
      onTime,
    })),
  };
}

const automated = (channel: string) => (AUTOMATED_CHANNELS as readonly string[]).includes(channel);

// ---------------------------------------------------------------------------------------------------------------
// Sums: what every figure is a ratio or an average of. The SQL returns the same sums per group.

export type DeliverySums = {
  orders: number;
  ordersOnTime: number;
  ordersInFull: number;
  ordersOtif: number;
  leadTimeDaysSum: number;
  lateDaysSum: number;
  lines: number;
  linesComplete: number;
  quantityOrdered: number;
  quantityDelivered: number;
  backorders: number;
  /** Orders with a confirmation on record, and those confirmed before their cut-off. */
  ordersConfirmed: number;
  ordersConfirmedOnTime: number;
  ordersTouchless: number;
} & Record<ChannelOrders, number>;

/** The orders each channel brought: `ediOrders`… */
type ChannelOrders = `${Channel}Orders`;
const channelOrders = (c: Channel): ChannelOrders => `${c}Orders`;

/** Every sum at 0; a report starts thousands of groups from it, so it is copied, not built. */
const NO_DELIVERIES: Readonly<DeliverySums> = Object.freeze({
  orders: 0,
  ordersOnTime: 0,
  ordersInFull: 0,
  ordersOtif: 0,
  leadTimeDaysSum: 0,
  lateDaysSum: 0,
  lines: 0,
  linesComplete: 0,
  quantityOrdered: 0,
  quantityDelivered: 0,
  backorders: 0,
  ordersConfirmed: 0,
  ordersConfirmedOnTime: 0,
  ordersTouchless: 0,
  ...(Object.fromEntries(CHANNELS.map((c) => [channelOrders(c), 0])) as Record<ChannelOrders, number>),
});
export const emptyDeliverySums = (): DeliverySums => ({ ...NO_DELIVERIES });

/** The names of the delivery sums (the roll-up's columns too). */
export const DELIVERY_SUM_KEYS = Object.keys(emptyDeliverySums()) as (keyof DeliverySums)[];

/** Two groups' sums together (a customer's into his typology, days into a week); `b` may carry more than the sums. */
export function addSums(a: DeliverySums, b: DeliverySums): DeliverySums {
  const out = emptyDeliverySums();
  for (const k of DELIVERY_SUM_KEYS) out[k] = a[k] + b[k];
  return out;
}

/** Adds one order to the sums: its order figures, and its lines' (all of them, or those the group holds). */
export function addOrderFact(s: DeliverySums, o: OrderFact): DeliverySums {
  const channel = (CHANNELS as readonly string[]).includes(o.channel) ? channelOrders(o.channel as Channel) : null;
  return {
    ...s,
    orders: s.orders + 1,
    ordersOnTime: s.ordersOnTime + o.onTime,
    ordersInFull: s.ordersInFull + o.inFull,
    ordersOtif: s.ordersOtif + (o.onTime && o.inFull ? 1 : 0),
    leadTimeDaysSum: s.leadTimeDaysSum + o.leadTimeDays,
    lateDaysSum: s.lateDaysSum + o.lateDays,
    lines: s.lines + o.lines,
    linesComplete: s.linesComplete + o.linesComplete,
    quantityOrdered: s.quantityOrdered + o.quantityOrdered,
    quantityDelivered: s.quantityDelivered + o.quantityDelivered,
    backorders: s.backorders + o.backorders,
    ordersConfirmed: s.ordersConfirmed + (o.confirmedAt === null ? 0 : 1),
    ordersConfirmedOnTime: s.ordersConfirmedOnTime + o.confirmedOnTime,
    ordersTouchless: s.ordersTouchless + o.touchless,
    ...(channel ? { [channel]: s[channel] + 1 } : {}),
  };
}

/** Line-only sums (grouping by product, category or warehouse: an order's figures do not split over its lines). */
export function addLineFact(s: DeliverySums, l: LineFact): DeliverySums {
  const complete = lineComplete(l);
  return {
    ...s,
    lines: s.lines + 1,
    linesComplete: s.linesComplete + (complete ? 1 : 0),
    quantityOrdered: s.quantityOrdered + l.quantity,
    quantityDelivered: s.quantityDelivered + l.delivered,
    backorders: s.backorders + (l.status === 'backordered' && !complete ? 1 : 0),
  };
}

export type ComplaintFact = {
  id: number;
  number: string;
  customerId: number;
  orderId: number | null;
  /** Paris wall clock YYYY-MM-DDTHH:MM: received, answer due, answered (null: not yet), resolved (null: not yet). */
  receivedAt: string;
  answerBy: string;
  answeredAt: string | null;
  resolvedAt: string | null;
};

export type PenaltyFact = {
  id: number;
  reference: string;
  customerId: number;
  orderId: number | null;
  receivedDate: IsoDate;
  claimedCents: number;
  status: string;
  contested: boolean;
  acceptedCents: number | null;
};

/** A risk someone resolved: its exposure counts as avoided when it was resolved before the date it would fail on. */
export type RiskFact = {
  id: number;
  customerId: number;
  orderId: number;
  cause: string;
  promisedDate: IsoDate;
  /** The Paris date it was resolved on. */
  resolvedOn: IsoDate;
  exposureCents: number;
};

/** Resolved before it failed: on or before the date the order was promised for (after it, the failure has happened). */
export const riskAvoided = (r: Pick<RiskFact, 'promisedDate' | 'resolvedOn'>): boolean => r.resolvedOn <= r.promisedDate;

export type CallFact = {
  id: number;
  customerId: number;
  orderId: number | null;
  localDate: IsoDate;
  purpose: string;
  durationSeconds: number;
};
export type InterviewFact = { id: number; customerId: number; date: IsoDate; overall: number | null };

export type EventSums = {
  complaints: number;
  complaintsDue: number;
  complaintsAnsweredOnTime: number;
  complaintsAnswered: number;
  answerMinutesSum: number;
  complaintsResolved: number;
  resolveMinutesSum: number;
  penalties: number;
  penaltiesCents: number;
  penaltiesContested: number;
  penaltiesWon: number;
  penaltiesPaidCents: number;
  risksAvoided: number;
  exposureAvoidedCents: number;
  calls: number;
  callSeconds: number;
  interviews: number;
  scored: number;
  scoreSum: number;
};

export const emptyEventSums = (): EventSums => ({
  complaints: 0,
  complaintsDue: 0,
  complaintsAnsweredOnTime: 0,
  complaintsAnswered: 0,
  answerMinutesSum: 0,
  complaintsResolved: 0,
  resolveMinutesSum: 0,
  penalties: 0,
  penaltiesCents: 0,
  penaltiesContested: 0,
  penaltiesWon: 0,
  penaltiesPaidCents: 0,
  risksAvoided: 0,
  exposureAvoidedCents: 0,
  calls: 0,
  callSeconds: 0,
  interviews: 0,
  scored: 0,
  scoreSum: 0,
});

/** Minutes between two Paris wall-clock times YYYY-MM-DDTHH:MM (taken as UTC: the hour change is ignored, ±60 min). */
export function wallMinutes(from: string, to: string): number {
  return Math.round((Date.parse(`${to}:00Z`) - Date.parse(`${from}:00Z`)) / 60_000);
}

/** A complaint's answer is due when answered, or when its answer-by time has passed at `now`. */
export const complaintDue = (c: ComplaintFact, now: string): boolean => c.answeredAt !== null || c.answerBy < now;
export const complaintOnTime = (c: ComplaintFact): boolean => c.answeredAt !== null && c.answeredAt <= c.answerBy;

/** A notice is won when it was withdrawn, or settled at nothing after being contested. */
export const penaltyWon = (p: PenaltyFact): boolean =>
  p.status === 'withdrawn' || (p.status === 'settled' && p.contested && (p.acceptedCents ?? 0) === 0);
/** Paid: settled, for what was accepted. */
export const penaltyPaidCents = (p: PenaltyFact): number => (p.status === 'settled' ? (p.acceptedCents ?? 0) : 0);

export function addComplaint(s: EventSums, c: ComplaintFact, now: string): EventSums {
  const due = complaintDue(c, now);
  return {
    ...s,
    complaints: s.complaints + 1,
    complaintsDue: s.complaintsDue + (due ? 1 : 0),
    complaintsAnsweredOnTime: s.complaintsAnsweredOnTime + (complaintOnTime(c) ? 1 : 0),
    complaintsAnswered: s.complaintsAnswered + (c.answeredAt ? 1 : 0),
    answerMinutesSum: s.answerMinutesSum + (c.answeredAt ? wallMinutes(c.receivedAt, c.answeredAt) : 0),
    complaintsResolved: s.complaintsResolved + (c.resolvedAt ? 1 : 0),
    resolveMinutesSum: s.resolveMinutesSum + (c.resolvedAt ? wallMinutes(c.receivedAt, c.resolvedAt) : 0),
  };
}

export function addPenalty(s: EventSums, p: PenaltyFact): EventSums {
  return {
    ...s,
    penalties: s.penalties + 1,
    penaltiesCents: s.penaltiesCents + p.claimedCents,
    penaltiesContested: s.penaltiesContested + (p.contested ? 1 : 0),
    penaltiesWon: s.penaltiesWon + (penaltyWon(p) ? 1 : 0),
    penaltiesPaidCents: s.penaltiesPaidCents + penaltyPaidCents(p),
  };
}

/** A risk counts only when it was avoided (resolved in time); a later resolution avoided nothing. */
export const addRisk = (s: EventSums, r: RiskFact): EventSums =>
  riskAvoided(r) ? { ...s, risksAvoided: s.risksAvoided + 1, exposureAvoidedCents: s.exposureAvoidedCents + r.exposureCents } : s;

export const addCall = (s: EventSums, c: CallFact): EventSums => ({
  ...s,
  calls: s.calls + 1,
  callSeconds: s.callSeconds + c.durationSeconds,
});

export const addInterview = (s: EventSums, i: InterviewFact): EventSums => ({
  ...s,
  interviews: s.interviews + 1,
  scored: s.scored + (i.overall === null ? 0 : 1),
  scoreSum: s.scoreSum + (i.overall ?? 0),
});

// ---------------------------------------------------------------------------------------------------------------
// From sums to figures.

/** n ÷ d, or null when d is 0: a rate of nothing is no rate at all. */
export const ratio = (n: number, d: number): number | null => (d === 0 ? null : n / d);
const round = (v: number | null, digits: number): number | null => (v === null ? null : Number(v.toFixed(digits)));

type Sums = { d: DeliverySums; e: EventSums };

/** One implementation per figure, from the sums. */
const FIGURES: Record<Metric, (s: Sums) => number | null> = {
  orders: ({ d }) => d.orders,
  lines: ({ d }) => d.lines,
  linesComplete: ({ d }) => d.linesComplete,
  serviceRate: ({ d }) => ratio(d.linesComplete, d.lines),
  quantityOrdered: ({ d }) => d.quantityOrdered,
  quantityDelivered: ({ d }) => d.quantityDelivered,
  fillRate: ({ d }) => ratio(d.quantityDelivered, d.quantityOrdered),
  ordersOnTime: ({ d }) => d.ordersOnTime,
  onTime: ({ d }) => ratio(d.ordersOnTime, d.orders),
  ordersInFull: ({ d }) => d.ordersInFull,
  inFull: ({ d }) => ratio(d.ordersInFull, d.orders),
  ordersOtif: ({ d }) => d.ordersOtif,
  otif: ({ d }) => ratio(d.ordersOtif, d.orders),
  leadTimeDays: ({ d }) => round(ratio(d.leadTimeDaysSum, d.orders), 2),
  lateDays: ({ d }) => round(ratio(d.lateDaysSum, d.orders - d.ordersOnTime), 2),
  backorders: ({ d }) => d.backorders,
  ordersConfirmedOnTime: ({ d }) => d.ordersConfirmedOnTime,
  confirmedOnTime: ({ d }) => ratio(d.ordersConfirmedOnTime, d.ordersConfirmed),
  ordersTouchless: ({ d }) => d.ordersTouchless,
  touchless: ({ d }) =>
    ratio(
      d.ordersTouchless,
      AUTOMATED_CHANNELS.reduce((n, c) => n + d[channelOrders(c)], 0),
    ),
  ...(Object.fromEntries(CHANNELS.map((c) => [CHANNEL_SHARES[c], ({ d }: Sums) => ratio(d[channelOrders(c)], d.orders)])) as Record<
    (typeof CHANNEL_SHARES)[Channel],
    (s: Sums) => number | null
  >),
  complaints: ({ e }) => e.complaints,
  complaintsPerThousandLines: ({ d, e }) => round(ratio(e.complaints * 1000, d.lines), 2),
  complaintsAnsweredOnTime: ({ e }) => ratio(e.complaintsAnsweredOnTime, e.complaintsDue),
  complaintAnswerHours: ({ e }) => round(ratio(e.answerMinutesSum, e.complaintsAnswered * 60), 1),
  complaintResolveDays: ({ e }) => round(ratio(e.resolveMinutesSum, e.complaintsResolved * 60 * 24), 1),
  penalties: ({ e }) => e.penalties,
  penaltiesCents: ({ e }) => e.penaltiesCents,
  penaltiesContested: ({ e }) => e.penaltiesContested,
  penaltiesWon: ({ e }) => e.penaltiesWon,
  penaltiesPaidCents: ({ e }) => e.penaltiesPaidCents,
  risksAvoided: ({ e }) => e.risksAvoided,
  exposureAvoidedCents: ({ e }) => e.exposureAvoidedCents,
  calls: ({ e }) => e.calls,
  callMinutes: ({ e }) => Math.round(e.callSeconds / 60),
  interviews: ({ e }) => e.interviews,
  satisfaction: ({ e }) => round(ratio(e.scoreSum, e.scored), 2),
};

/** The figures made of orders: a grouping by product, category or warehouse cannot carry them (an order is no product's). */
const ORDER_FIGURES: ReadonlySet<Metric> = new Set(METRICS.filter((m) => METRIC_UNIT[m] === 'order'));

/**
 * The figures asked (all of them by default) from the sums. `orderFigures` false means the grouping cannot carry
 * the figures made of orders: they come out null. A report computes a few figures for thousands of rows: only
 * those asked are computed.
 */
export function figuresOf(d: DeliverySums, e: EventSums, orderFigures = true, metrics: readonly Metric[] = METRICS): MetricValues {
  const out: MetricValues = {};
  const sums = { d, e };
  for (const m of metrics) out[m] = orderFigures || !ORDER_FIGURES.has(m) ? FIGURES[m](sums) : null;
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Why a row missed: the drill-down's verdicts, one per unit.

export type Verdict = { ok: boolean; why: Miss[] };

/** What an order verdict reads of the order fact; `touchedByName` words who touched it. */
export type OrderVerdictInput = Pick<OrderFact, 'onTime' | 'inFull' | 'lateDays'> &
  Partial<Pick<OrderFact, 'channel' | 'confirmedAt' | 'confirmBy' | 'confirmedOnTime' | 'touchless'>> & {
    touchedByName?: string | null;
  };

const shareChannel = (metric: Metric): Channel | undefined => CHANNELS.find((c) => CHANNEL_SHARES[c] === metric);

export function orderVerdict(
  metric: Metric,
  o: OrderVerdictInput,
  shortLines: readonly (Pick<LineFact, 'lineNo' | 'quantity' | 'delivered'> & { productCode: string })[],
): Verdict {
  const share = shareChannel(metric);
  if (share)
    return o.channel === share ? { ok: true, why: [] } : { ok: false, why: [{ code: 'channel', params: { channel: o.channel ?? '' } }] };
  const late: Miss[] = o.onTime ? [] : [{ code: 'late', params: { days: o.lateDays } }];
  const short: Miss[] = shortLines.map((l) => ({
    code: 'short',
    params: { lineNo: l.lineNo, productCode: l.productCode, ordered: l.quantity, delivered: l.delivered },
  }));
  switch (metric) {
    case 'onTime':
    case 'ordersOnTime':
    case 'lateDays':
      return { ok: o.onTime === 1, why: late };
    case 'inFull':
    case 'ordersInFull':
      return { ok: o.inFull === 1, why: short };
    case 'otif':
    case 'ordersOtif':
      return { ok: o.onTime === 1 && o.inFull === 1, why: [...late, ...short] };
    case 'confirmedOnTime':
    case 'ordersConfirmedOnTime':
      return o.confirmedOnTime === 1
        ? { ok: true, why: [] }
        : { ok: false, why: [{ code: 'confirmed-late', params: { at: o.confirmedAt ?? '', by: o.confirmBy ?? '' } }] };
    case 'touchless':
    case 'ordersTouchless':
      return o.touchless === 1 ? { ok: true, why: [] } : { ok: false, why: [{ code: 'touched', params: { by: o.touchedByName ?? '' } }] };
    default:
      return { ok: true, why: [...late, ...short] };
  }
}

export function lineVerdict(
  metric: Metric,
  l: Pick<LineFact, 'lineNo' | 'quantity' | 'delivered' | 'status'> & { productCode: string },
): Verdict {
  const complete = lineComplete(l);
  const missing = l.quantity - l.delivered;
  const why: Miss[] = complete
    ? []
    : [
        { code: 'short', params: { lineNo: l.lineNo, productCode: l.productCode, ordered: l.quantity, delivered: l.delivered } },
        {
          code: l.status === 'backordered' ? 'backordered' : 'cancelled-short',
          params: { lineNo: l.lineNo, productCode: l.productCode, quantity: missing },
        },
      ];
  if (metric === 'backorders') return { ok: !(l.status === 'backordered' && !complete), why };
  if (metric === 'serviceRate' || metric === 'linesComplete' || metric === 'fillRate') return { ok: complete, why };
  return { ok: true, why };
}

export function complaintVerdict(metric: Metric, c: ComplaintFact, now: string): Verdict {
  if (metric !== 'complaintsAnsweredOnTime') return { ok: true, why: [] };
  if (complaintOnTime(c)) return { ok: true, why: [] };
  if (c.answeredAt)
    return { ok: false, why: [{ code: 'answered-late', params: { hours: Math.round(wallMinutes(c.answerBy, c.answeredAt) / 60) } }] };
  return complaintDue(c, now) ? { ok: false, why: [{ code: 'unanswered-overdue', params: {} }] } : { ok: true, why: [] };
}

export function penaltyVerdict(metric: Metric, p: PenaltyFact): Verdict {
  if (metric === 'penaltiesWon') return { ok: penaltyWon(p), why: [] };
  if (metric === 'penaltiesPaidCents' || metric === 'penalties' || metric === 'penaltiesCents') {
    const paid = penaltyPaidCents(p);
    return { ok: paid === 0, why: paid ? [{ code: 'paid', params: { cents: paid } }] : [] };
  }
  if (metric === 'penaltiesContested') return { ok: p.contested, why: [] };
  return { ok: true, why: [] };
}

/** A score below `lowScore` calls the manager (the satisfaction guide's threshold). */
export function interviewVerdict(i: InterviewFact, lowScore: number): Verdict {
  return i.overall !== null && i.overall < lowScore
    ? { ok: false, why: [{ code: 'low-score', params: { score: i.overall } }] }
    : { ok: true, why: [] };
}

/** Which rows of a unit the figure counts (its denominator): complaints answered on time count only those due. */
export function countedBy(
  metric: Metric,
  unitRow: { complaint?: ComplaintFact; order?: Pick<OrderFact, 'onTime' | 'channel' | 'confirmedAt'> },
  now: string,
): boolean {
  if (metric === 'complaintsAnsweredOnTime' && unitRow.complaint) return complaintDue(unitRow.complaint, now);
  if (!unitRow.order) return true;
  if (metric === 'lateDays') return unitRow.order.onTime === 0;
  if (metric === 'confirmedOnTime') return unitRow.order.confirmedAt !== null;
  if (metric === 'touchless') return automated(unitRow.order.channel);
  return true;
}
