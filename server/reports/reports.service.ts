import { daysBetween, isIsoDate, parisNow } from '../../core/calendar/dates.ts';
import type { SessionUser } from '../../core/auth/roles.ts';
import {
  addCall,
  addComplaint,
  addInterview,
  addPenalty,
  addRisk,
  addSums,
  complaintVerdict,
  countedBy,
  type DeliverySums,
  emptyDeliverySums,
  emptyEventSums,
  type EventSums,
  figuresOf,
  interviewVerdict,
  lineVerdict,
  orderVerdict,
  penaltyPaidCents,
  penaltyVerdict,
  riskAvoided,
  type Verdict,
} from '../../core/reports/figures.ts';
import { defaultDrillOnly } from '../../core/reports/definitions.ts';
import { DEFAULT_METRICS, type GroupBy, HIGHER_IS_BETTER, type Metric, METRIC_UNIT, METRICS } from '../../core/reports/metric-keys.ts';
import { isoWeekOf, MAX_PERIOD_DAYS, monthOf, previousPeriod, weekRange } from '../../core/reports/periods.ts';
import { wholeWeeks } from '../../core/reports/week-rollup.ts';
import type { Drill, DrillQuery, DrillRow, KpiRow, Kpis, KpisQuery, MetricValues } from '../../core/reports/reports.schemas.ts';
import type { Db } from '../db/database.ts';
import { invalid } from '../errors.ts';
import {
  callFacts,
  complaintFacts,
  customerIdsOfTypology,
  customersByIds,
  deliveryPointsByIds,
  drillLines,
  drillOrders,
  interviewFacts,
  lineSums,
  orderSums,
  penaltyFacts,
  type Period,
  productIdsOfFamily,
  productsByIds,
  riskFacts,
  type SumsRow,
  userLabels,
  warehouseLabels,
} from './reports.repository.ts';
import { weekCustomerSums } from './week-rollup.repository.ts';

// The reports: figures by week, month, customer, typology, delivery point, product, category, warehouse or assistant, the period
// against the one before, and the rows behind any figure. An assistant sees her own figures only, whatever she asks.

const NONE = 'none';
const LINE_GROUPS: readonly GroupBy[] = ['product', 'category', 'warehouse'];
/** The satisfaction score below which an interview calls the manager (core/satisfaction's guides all use 6). */
const LOW_SCORE = 6;

/** Her own figures for an assistant (her customers' deliveries and interviews, her calls); everything for the rest. */
export const viewerScope = (user: Pick<SessionUser, 'id' | 'role'>): number | null => (user.role === 'assistant' ? user.id : null);

export function checkPeriod(from: string, to: string): Period {
  if (!isIsoDate(from)) throw invalid('querystring.from', 'not-a-date', { value: from }, `${from} is not a date`);
  if (!isIsoDate(to)) throw invalid('querystring.to', 'not-a-date', { value: to }, `${to} is not a date`);
  if (to < from) throw invalid('querystring.to', 'before-start', { after: 'from' }, 'to is before from');
  if (daysBetween(from, to) + 1 > MAX_PERIOD_DAYS)
    throw invalid(
      'querystring.to',
      'out-of-range',
      { comparison: '<=', limit: MAX_PERIOD_DAYS },
      `a report covers at most ${MAX_PERIOD_DAYS} days`,
    );
  return { from, to };
}

export function parseMetrics(text: string | undefined): Metric[] {
  if (!text) return [...DEFAULT_METRICS];
  const names = [...new Set(text.split(','))];
  const unknown = names.filter((m) => !(METRICS as readonly string[]).includes(m));
  if (unknown.length)
    throw invalid('querystring.metrics', 'choice', { allowed: METRICS.join(', ') }, `unknown metric(s) ${unknown.join(', ')}`);
  return names as Metric[];
}

type Group = { key: string; label: string; deliveries: DeliverySums; events: EventSums };

type Context = { db: Db; groupBy: GroupBy; assistantId: number | null; now: string };

const keyText = (v: string | number | null | undefined) => (v === null || v === undefined ? NONE : String(v));

/** The delivery sums of a period keyed by the group's key (orders, or lines for product/category/warehouse). */
async function deliveryGroups(c: Context, period: Period, families: Map<number, string>): Promise<Map<string, DeliverySums>> {
  let rows: SumsRow[];
  let keyOf: (r: SumsRow) => string;
  switch (c.groupBy) {
    case 'week':
      // Keyed by a delivery date or a week's Monday: the ISO week of either.
      rows = wholeWeeks(period.from, period.to)
        ? await weekCustomerSums(c.db, period, 'weekStart', c.assistantId)
        : await orderSums(c.db, period, 'deliveredOn', c.assistantId);
      keyOf = (r) => isoWeekOf(String(r.key));
      break;
    case 'month':
      rows = await orderSums(c.db, period, 'deliveredOn', c.assistantId);
      keyOf = (r) => monthOf(String(r.key));
      break;
    case 'customer':
    case 'typology':
      rows = await ordersBy(c, period, 'customerId');
      keyOf = (r) => keyText(r.key);
      break;
    case 'deliveryPoint':
      rows = await orderSums(c.db, period, 'deliveryPointId', c.assistantId);
      keyOf = (r) => keyText(r.key);
      break;
    case 'assistant':
      rows = await ordersBy(c, period, 'assistantId');
      keyOf = (r) => keyText(r.key);
      break;
    case 'product':
    case 'category':
      rows = await lineSums(c.db, period, 'productId', c.assistantId);
      keyOf = (r) => keyText(r.key);
      break;
    case 'warehouse':
      rows = await lineSums(c.db, period, 'warehouseId', c.assistantId);
      keyOf = (r) => keyText(r.key);
      break;
  }
  if (c.groupBy === 'typology') {
    const customers = await customersByIds(
      c.db,
      rows.map((r) => Number(r.key)),
    );
    const typology = new Map(customers.map((x) => [String(x.id), x.typology]));
    const byCustomer = keyOf;
    keyOf = (r) => typology.get(byCustomer(r)) ?? NONE;
  }
  if (c.groupBy === 'category') {
    const products = await productsByIds(
      c.db,
      rows.map((r) => Number(r.key)),
    );
    for (const p of products) families.set(p.id, p.family);
    keyOf = (r) => families.get(Number(r.key)) ?? NONE;
  }
  const out = new Map<string, DeliverySums>();
  for (const r of rows) {
    const k = keyOf(r);
    out.set(k, addSums(out.get(k) ?? emptyDeliverySums(), r));
  }
  return out;
}

/**
 * The order sums per customer or assistant: from the week × customer roll-up when the period is whole weeks (a
 * week's report reads a row per customer, not one per order), from the facts otherwise.
 */
const ordersBy = (c: Context, period: Period, column: 'customerId' | 'assistantId') =>
  wholeWeeks(period.from, period.to)
    ? weekCustomerSums(c.db, period, column, c.assistantId)
    : orderSums(c.db, period, column, c.assistantId);

/** The totals of the order figures when the rows are line groups (an order is no product's). */
async function orderTotals(c: Context, period: Period): Promise<DeliverySums> {
  const rows = wholeWeeks(period.from, period.to)
    ? await weekCustomerSums(c.db, period, 'weekStart', c.assistantId)
    : await orderSums(c.db, period, 'deliveredOn', c.assistantId);
  return rows.reduce<DeliverySums>(addSums, emptyDeliverySums());
}

type Facts = Awaited<ReturnType<typeof loadEvents>>;

async function loadEvents(c: Context, period: Period, metrics: readonly Metric[]) {
  const needs = (unit: string) => metrics.some((m) => METRIC_UNIT[m] === unit);
  const [complaints, penalties, risks, calls, interviews] = await Promise.all([
    needs('complaint') ? complaintFacts(c.db, period, c.assistantId) : [],
    needs('penalty') ? penaltyFacts(c.db, period, c.assistantId) : [],
    needs('risk') ? riskFacts(c.db, period, c.assistantId) : [],
    needs('call') ? callFacts(c.db, period, c.assistantId) : [],
    needs('interview') ? interviewFacts(c.db, period, c.assistantId) : [],
  ]);
  return { complaints, penalties, risks, calls, interviews };
}

/** The keys an event counts under: a complaint about two products counts under each, a call under no product. */
async function eventKeyers(c: Context, facts: Facts, families: Map<number, string>) {
  const dateKey = (date: string) => (c.groupBy === 'week' ? isoWeekOf(date.slice(0, 10)) : monthOf(date));
  const common = (
    x: { customerId: number; typology: string; assistantId: number | null; deliveryPointId: number | null },
    date: string,
  ): string[] => {
    switch (c.groupBy) {
      case 'week':
      case 'month':
        return [dateKey(date)];
      case 'customer':
        return [String(x.customerId)];
      case 'deliveryPoint':
        return x.deliveryPointId === null ? [] : [String(x.deliveryPointId)];
      case 'typology':
        return [x.typology];
      case 'assistant':
        return [keyText(x.assistantId)];
      default:
        return [];
    }
  };
  if (c.groupBy === 'category') {
    const missing = [...new Set(facts.complaints.flatMap((x) => x.productIds))].filter((id) => !families.has(id));
    for (const p of await productsByIds(c.db, missing)) families.set(p.id, p.family);
  }
  return {
    complaint: (x: Facts['complaints'][number]): string[] =>
      c.groupBy === 'product'
        ? x.productIds.map(String)
        : c.groupBy === 'category'
          ? [...new Set(x.productIds.map((id) => families.get(id) ?? NONE))]
          : c.groupBy === 'warehouse'
            ? x.warehouseId === null
              ? []
              : [String(x.warehouseId)]
            : common(x, x.receivedAt),
    penalty: (x: Facts['penalties'][number]) => common(x, x.receivedDate),
    risk: (x: Facts['risks'][number]) => common(x, x.resolvedOn),
    call: (x: Facts['calls'][number]) => common(x, x.localDate),
    interview: (x: Facts['interviews'][number]) => common(x, x.date),
  };
}

function eventGroups(facts: Facts, keyers: Awaited<ReturnType<typeof eventKeyers>>, now: string) {
  const out = new Map<string, EventSums>();
  const add = (keys: string[], f: (s: EventSums) => EventSums) => {
    for (const k of keys) out.set(k, f(out.get(k) ?? emptyEventSums()));
  };
  for (const x of facts.complaints) add(keyers.complaint(x), (s) => addComplaint(s, x, now));
  for (const x of facts.penalties) add(keyers.penalty(x), (s) => addPenalty(s, x));
  for (const x of facts.risks) add(keyers.risk(x), (s) => addRisk(s, x));
  for (const x of facts.calls) add(keyers.call(x), (s) => addCall(s, x));
  for (const x of facts.interviews) add(keyers.interview(x), (s) => addInterview(s, x));
  return out;
}

function eventTotals(facts: Facts, now: string): EventSums {
  let s = emptyEventSums();
  for (const x of facts.complaints) s = addComplaint(s, x, now);
  for (const x of facts.penalties) s = addPenalty(s, x);
  for (const x of facts.risks) s = addRisk(s, x);
  for (const x of facts.calls) s = addCall(s, x);
  for (const x of facts.interviews) s = addInterview(s, x);
  return s;
}

async function labels(c: Context, keys: readonly string[]): Promise<Map<string, string>> {
  const ids = keys.filter((k) => k !== NONE).map(Number);
  switch (c.groupBy) {
    case 'customer':
      return new Map((await customersByIds(c.db, ids)).map((x) => [String(x.id), x.name]));
    case 'deliveryPoint':
      // A point's name carries its customer's ("Entrepôt Cap Marché PGC sec — Saran"): the name alone keeps the bars legible.
      return new Map((await deliveryPointsByIds(c.db, ids)).map((x) => [String(x.id), x.name]));
    case 'product':
      return new Map((await productsByIds(c.db, ids)).map((x) => [String(x.id), `${x.code} ${x.name}`]));
    case 'warehouse':
      return new Map((await warehouseLabels(c.db)).map((x) => [String(x.id), x.name]));
    case 'assistant':
      return new Map((await userLabels(c.db)).map((x) => [String(x.id), x.name]));
    default:
      return new Map();
  }
}

/** A product, a category or a warehouse has lines and complaints, but no order, notice, risk, call or interview of its own. */
function rowFigures(g: Group, lineGroup: boolean, metrics: readonly Metric[]): MetricValues {
  const figures = figuresOf(g.deliveries, g.events, !lineGroup, metrics);
  if (lineGroup) for (const m of metrics) if (['penalty', 'risk', 'call', 'interview'].includes(METRIC_UNIT[m])) figures[m] = null;
  return figures;
}

async function periodReport(c: Context, period: Period, metrics: readonly Metric[]): Promise<{ rows: KpiRow[]; totals: MetricValues }> {
  const families = new Map<number, string>();
  const [deliveries, facts] = await Promise.all([deliveryGroups(c, period, families), loadEvents(c, period, metrics)]);
  const events = eventGroups(facts, await eventKeyers(c, facts, families), c.now);
  const lineGroups = LINE_GROUPS.includes(c.groupBy);
  const keys = [...new Set([...deliveries.keys(), ...events.keys()])].sort();
  const names = await labels(c, keys);
  const groups: Group[] = keys.map((key) => ({
    key,
    label: key === NONE ? '—' : (names.get(key) ?? key),
    deliveries: deliveries.get(key) ?? emptyDeliverySums(),
    events: events.get(key) ?? emptyEventSums(),
  }));
  const totalDeliveries = lineGroups
    ? await orderTotals(c, period)
    : groups.reduce<DeliverySums>((s, g) => addSums(s, g.deliveries), emptyDeliverySums());
  return {
    rows: groups.map((g) => ({ key: g.key, label: g.label, metrics: rowFigures(g, lineGroups, metrics) })),
    totals: figuresOf(totalDeliveries, eventTotals(facts, c.now), true, metrics),
  };
}

/** Worst first on `sort` (its direction from HIGHER_IS_BETTER), rows without the figure last; else by key. */
export function sortRows(rows: KpiRow[], sort: Metric | undefined): KpiRow[] {
  if (!sort) return rows;
  const up = HIGHER_IS_BETTER[sort] ?? false;
  return [...rows].sort((a, b) => {
    const x = a.metrics[sort] ?? null;
    const y = b.metrics[sort] ?? null;
    if (x === null || y === null) return x === y ? a.key.localeCompare(b.key) : x === null ? 1 : -1;
    return (up ? x - y : y - x) || a.key.localeCompare(b.key);
  });
}

const wallNow = (now: Date) => {
  const p = parisNow(now);
  return `${p.date}T${p.time}`;
};

export async function kpis(db: Db, query: KpisQuery, user: Pick<SessionUser, 'id' | 'role'>, now: Date): Promise<Kpis> {
  const period = checkPeriod(query.from, query.to);
  const metrics = parseMetrics(query.metrics);
  const c: Context = { db, groupBy: query.groupBy, assistantId: viewerScope(user), now: wallNow(now) };
  const before = previousPeriod(period.from, period.to);
  const [current, previous] = await Promise.all([periodReport(c, period, metrics), periodReport(c, before, metrics)]);
  return {
    from: period.from,
    to: period.to,
    groupBy: query.groupBy,
    metrics,
    rows: sortRows(current.rows, query.sort),
    totals: current.totals,
    previous: { ...before, totals: previous.totals, rows: previous.rows },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Drill-down.

/** Narrows the period to a week or a month key; null when the key is no such period or lies outside it. */
function periodOfKey(groupBy: 'week' | 'month', key: string, period: Period): Period | null {
  let from: string;
  let to: string;
  if (groupBy === 'month') {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(key)) return null;
    from = `${key}-01`;
    const [y, m] = key.split('-').map(Number);
    to = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  } else {
    const days = weekRange(key);
    if (!days) return null;
    ({ from, to } = days);
  }
  const narrowed = { from: from > period.from ? from : period.from, to: to < period.to ? to : period.to };
  return narrowed.from <= narrowed.to ? narrowed : null;
}

const badKey = (key: string) =>
  invalid('querystring.key', 'not-found', { entity: 'report-row', id: key }, `${key} is no row of this report`);
const idKey = (key: string): number | null => {
  if (key === NONE) return null;
  if (!/^[1-9]\d{0,9}$/.test(key)) throw badKey(key);
  return Number(key);
};

type RowFilter = {
  period: Period;
  customerIds?: number[];
  productIds?: number[];
  column?: { name: 'customerId' | 'deliveryPointId' | 'assistantId' | 'productId' | 'warehouseId'; value: number | null };
  label: string | null;
};

async function rowFilter(db: Db, q: DrillQuery, period: Period): Promise<RowFilter> {
  if (!q.groupBy || q.key === undefined) {
    if (q.groupBy || q.key !== undefined) throw invalid('querystring.key', 'required', {}, 'key and groupBy go together');
    return { period, label: null };
  }
  const key = q.key;
  switch (q.groupBy) {
    case 'week':
    case 'month': {
      const narrowed = periodOfKey(q.groupBy, key, period);
      if (!narrowed) throw badKey(key);
      return { period: narrowed, label: key };
    }
    case 'customer':
      return { period, column: { name: 'customerId', value: idKey(key) }, label: key };
    case 'deliveryPoint':
      return { period, column: { name: 'deliveryPointId', value: idKey(key) }, label: key };
    case 'assistant':
      return { period, column: { name: 'assistantId', value: idKey(key) }, label: key };
    case 'product':
      return { period, column: { name: 'productId', value: idKey(key) }, label: key };
    case 'warehouse':
      return { period, column: { name: 'warehouseId', value: idKey(key) }, label: key };
    case 'typology':
      return { period, customerIds: await customerIdsOfTypology(db, key), label: key };
    case 'category':
      return { period, productIds: await productIdsOfFamily(db, key), label: key };
  }
}

const CONFIRMATION_METRICS: readonly Metric[] = ['confirmedOnTime', 'ordersConfirmedOnTime'];

const lineOnly = (f: RowFilter) => f.productIds !== undefined || f.column?.name === 'productId' || f.column?.name === 'warehouseId';

export async function drill(db: Db, q: DrillQuery, user: Pick<SessionUser, 'id' | 'role'>, now: Date): Promise<Drill> {
  const period = checkPeriod(q.from, q.to);
  const assistantId = viewerScope(user);
  const unit = METRIC_UNIT[q.metric];
  const f = await rowFilter(db, q, period);
  const wall = wallNow(now);
  const only = q.only ?? defaultDrillOnly(q.metric);
  const limit = q.limit ?? 1000;
  let counted: { row: DrillRow; verdict: Verdict }[];

  if (unit === 'order') {
    if (lineOnly(f))
      throw invalid('querystring.metric', 'rule', {}, `${q.metric} is an order figure: it has no value by ${q.groupBy ?? ''}`);
    const where = f.customerIds
      ? { column: 'customerIds' as const, value: f.customerIds }
      : f.column
        ? { column: f.column.name as 'customerId' | 'deliveryPointId' | 'assistantId', value: f.column.value }
        : null;
    const orders = await drillOrders(db, f.period, where, assistantId);
    const shortOf = new Map<number, { lineNo: number; quantity: number; delivered: number; productCode: string }[]>();
    const partial = orders.filter((o) => !o.inFull).map((o) => o.orderId);
    for (let i = 0; i < partial.length; i += 1000)
      for (const l of await drillLines(db, f.period, null, assistantId, partial.slice(i, i + 1000)))
        if (l.delivered < l.quantity) shortOf.set(l.orderId, [...(shortOf.get(l.orderId) ?? []), l]);
    counted = orders
      .map((o) => {
        const verdict = orderVerdict(
          q.metric,
          {
            onTime: o.onTime as 0 | 1,
            inFull: o.inFull as 0 | 1,
            lateDays: o.lateDays,
            channel: o.channel,
            confirmedAt: o.confirmedAt,
            confirmBy: o.confirmBy ?? '',
            confirmedOnTime: o.confirmedOnTime as 0 | 1,
            touchless: o.touchless as 0 | 1,
            touchedByName: o.touchedByName,
          },
          shortOf.get(o.orderId) ?? [],
        );
        const value = q.metric === 'leadTimeDays' ? o.leadTimeDays : q.metric === 'lateDays' ? o.lateDays : null;
        return {
          fact: o,
          verdict,
          row: {
            unit,
            id: o.orderId,
            orderId: o.orderId,
            orderNumber: o.number,
            lineNo: null,
            customerId: o.customerId,
            customerName: o.customerName,
            date: o.deliveredOn,
            // Confirmed on time is judged against the cut-off, not the date promised.
            dueDate: CONFIRMATION_METRICS.includes(q.metric) ? o.confirmBy : o.dueOn,
            reference: null,
            value,
            ok: verdict.ok,
            why: verdict.why,
          },
        };
      })
      .filter((x) => countedBy(q.metric, { order: { ...x.fact, onTime: x.fact.onTime as 0 | 1 } }, wall));
  } else if (unit === 'line') {
    const where = f.customerIds
      ? { column: 'customerIds' as const, value: f.customerIds }
      : f.productIds
        ? { column: 'productIds' as const, value: f.productIds }
        : f.column
          ? { column: f.column.name, value: f.column.value }
          : null;
    const lines = await drillLines(db, f.period, where, assistantId);
    counted = lines.map((l) => {
      const verdict = lineVerdict(q.metric, l);
      const value =
        q.metric === 'quantityOrdered' ? l.quantity : q.metric === 'quantityDelivered' || q.metric === 'fillRate' ? l.delivered : null;
      return {
        verdict,
        row: {
          unit,
          id: l.lineId,
          orderId: l.orderId,
          orderNumber: l.number,
          lineNo: l.lineNo,
          customerId: l.customerId,
          customerName: l.customerName,
          date: l.deliveredOn,
          dueDate: l.dueOn,
          reference: l.productCode,
          value,
          ok: verdict.ok,
          why: verdict.why,
        },
      };
    });
  } else {
    counted = await eventRows(db, q.metric, unit, f, assistantId, q.groupBy ?? null, wall);
  }

  const met = counted.filter((x) => x.verdict.ok).length;
  const listed = counted.filter((x) => only === 'all' || !x.verdict.ok).map((x) => x.row);
  const figure = await figureOf(db, q, f, assistantId, now);
  return {
    metric: q.metric,
    unit,
    from: f.period.from,
    to: f.period.to,
    groupBy: q.groupBy ?? null,
    key: q.key ?? null,
    label: figure.label ?? f.label,
    value: figure.value,
    counted: counted.length,
    met,
    rows: listed.slice(0, limit),
    truncated: listed.length > limit,
  };
}

/** The figure the drilled rows make, as /kpis answers it (the screens show it above the rows). */
async function figureOf(
  db: Db,
  q: DrillQuery,
  f: RowFilter,
  user: number | null,
  now: Date,
): Promise<{ value: number | null; label: string | null }> {
  const groupBy = q.groupBy ?? 'month';
  const report = await periodReport({ db, groupBy, assistantId: user, now: wallNow(now) }, { from: q.from, to: q.to }, [q.metric]);
  if (!q.groupBy || q.key === undefined) return { value: report.totals[q.metric] ?? null, label: null };
  const row = report.rows.find((r) => r.key === q.key);
  return { value: row?.metrics[q.metric] ?? null, label: row?.label ?? f.label };
}

async function eventRows(
  db: Db,
  metric: Metric,
  unit: string,
  f: RowFilter,
  assistantId: number | null,
  groupBy: GroupBy | null,
  wall: string,
): Promise<{ row: DrillRow; verdict: Verdict }[]> {
  const c: Context = { db, groupBy: groupBy ?? 'month', assistantId, now: wall };
  const facts = await loadEvents(c, f.period, [metric]);
  const families = new Map<number, string>();
  const keyers = await eventKeyers(c, facts, families);
  const key = groupBy && (groupBy === 'week' || groupBy === 'month') ? null : f.label;
  const keep = (keys: string[]) => key === null || keys.includes(key);
  const base = (x: { id: number; customerId: number; customerName: string; orderId: number | null }) => ({
    unit: unit as DrillRow['unit'],
    id: x.id,
    orderId: x.orderId,
    orderNumber: null,
    lineNo: null,
    customerId: x.customerId,
    customerName: x.customerName,
  });
  const out: { row: DrillRow; verdict: Verdict }[] = [];
  if (unit === 'complaint')
    for (const x of facts.complaints.filter((x) => keep(keyers.complaint(x)))) {
      if (!countedBy(metric, { complaint: x }, wall)) continue;
      if (metric === 'complaintAnswerHours' && !x.answeredAt) continue;
      if (metric === 'complaintResolveDays' && !x.resolvedAt) continue;
      const verdict = complaintVerdict(metric, x, wall);
      out.push({
        verdict,
        row: { ...base(x), date: x.receivedAt, dueDate: x.answerBy, reference: x.number, value: null, ok: verdict.ok, why: verdict.why },
      });
    }
  if (unit === 'penalty')
    for (const x of facts.penalties.filter((x) => keep(keyers.penalty(x)))) {
      const verdict = penaltyVerdict(metric, x);
      const value = metric === 'penaltiesCents' ? x.claimedCents : metric === 'penaltiesPaidCents' ? penaltyPaidCents(x) : null;
      out.push({
        verdict,
        row: { ...base(x), date: x.receivedDate, dueDate: null, reference: x.reference, value, ok: verdict.ok, why: verdict.why },
      });
    }
  if (unit === 'call')
    for (const x of facts.calls.filter((x) => keep(keyers.call(x)))) {
      const verdict = { ok: true, why: [] };
      const value = metric === 'callMinutes' ? Math.round(x.durationSeconds / 6) / 10 : null;
      out.push({ verdict, row: { ...base(x), date: x.localDate, dueDate: null, reference: x.purpose, value, ok: true, why: [] } });
    }
  if (unit === 'risk')
    for (const x of facts.risks.filter((x) => keep(keyers.risk(x)) && riskAvoided(x))) {
      const verdict = { ok: true, why: [] };
      out.push({
        verdict,
        row: {
          ...base(x),
          orderNumber: x.orderNumber,
          date: x.resolvedOn,
          dueDate: x.promisedDate,
          reference: x.cause,
          value: metric === 'exposureAvoidedCents' ? x.exposureCents : null,
          ok: true,
          why: [],
        },
      });
    }
  if (unit === 'interview')
    for (const x of facts.interviews.filter((x) => keep(keyers.interview(x)))) {
      if (metric === 'satisfaction' && x.overall === null) continue;
      const verdict = interviewVerdict(x, LOW_SCORE);
      out.push({
        verdict,
        row: {
          ...base({ ...x, orderId: null }),
          date: x.date,
          dueDate: null,
          reference: null,
          value: x.overall,
          ok: verdict.ok,
          why: verdict.why,
        },
      });
    }
  return out;
}
