import { addDays, daysBetween, type IsoDate, parisInstant, weekdayOf } from '../../core/calendar/dates.ts';
import { isWorkingDay } from '../../core/calendar/delivery-date.ts';
import { addWorkingDays } from '../../core/calendar/working-time.ts';

/**
 * The demo's six months of history, planned as plain data before anything is written: which orders each customer
 * placed, how each was delivered (on time or late, in full or short, the rest backordered or cancelled), the
 * complaints, penalty notices, calls and satisfaction interviews that followed. Drawn from a seeded generator, never
 * Math.random: the same seed and the same "today" give the same history, row for row.
 */

/** mulberry32: a small, fast, well-mixed 32-bit generator; enough for a demo, and the same on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type TemplateLine = { product: string; customerCode: string | null; quantity: number; unitPriceCents: number };
export type TemplateOrder = { deliveryPoint: string; channel: string; customerRef: string | null; lines: TemplateLine[] };

export type HistoryCustomer = {
  code: string;
  typology: string;
  /** The customer's orders in the data set: what he usually orders, where, and how. */
  templates: TemplateOrder[];
  /** No generated delivery on or after this day: the data set's own deliveries stay his latest (null: up to yesterday). */
  until: IsoDate | null;
  /** The data set's order days, left to the data set. */
  busy: ReadonlySet<IsoDate>;
  /** His penalty clause, when he has one. */
  clause: { lateFlatCents: number | null; missingValueBp: number | null; backordersAccepted: boolean } | null;
};

export type HistoryInput = {
  today: IsoDate;
  weeks: number;
  seed: number;
  customers: readonly HistoryCustomer[];
  /** Products sold in bulk (TONNE): never short by whole units here. */
  bulk: ReadonlySet<string>;
  /** Customers who are never interviewed by the history (their interview is a scenario's). */
  noInterview: ReadonlySet<string>;
};

export type LineStatus = 'delivered' | 'short_cancelled' | 'backordered' | 'cancelled';
export type PlannedLine = TemplateLine & { delivered: number | null; status: LineStatus };
export type PlannedOrder = {
  customer: string;
  deliveryPoint: string;
  channel: string;
  customerRef: string | null;
  receivedAt: string;
  requestedDate: IsoDate;
  promisedDate: IsoDate;
  status: 'closed' | 'cancelled';
  /** EDI or portal order confirmed with no one touching it. */
  touchless: boolean;
  confirmedAt: string | null;
  lines: PlannedLine[];
  delivery: { plannedDate: IsoDate; deliveredDate: IsoDate; deliveredAt: string } | null;
  /** A backorder: the index of the order it carries over, and for each line the parent's line index. */
  backorderOf: { order: number; lines: number[] } | null;
};
export type PlannedComplaint = {
  order: number;
  line: number;
  quantity: number;
  reason: string;
  channel: string;
  mood: string;
  receivedAt: string;
  answeredAt: string;
  resolvedAt: string;
  outcome: string;
  refusalReason: string | null;
  gestureCents: number | null;
};
export type PlannedNotice = {
  order: number;
  kind: 'late' | 'missing';
  line: number;
  failureDate: IsoDate;
  receivedAt: string;
  claimedCents: number;
  status: 'settled' | 'withdrawn';
  contestedAt: string | null;
  settledAt: string;
};
export type PlannedCall = {
  customer: string;
  direction: 'in' | 'out';
  purpose: string;
  outcome: string;
  at: string;
  seconds: number;
  order: number | null;
  complaint: number | null;
};
/** A stock shortfall found on a confirmed order and resolved hours later, well before the promised date: it never failed. */
export type PlannedRisk = { order: number; line: number; shortfall: number; detectedAt: string; resolvedAt: string };
export type PlannedInterview = { customer: string; at: string; answers: { question: string; score: number }[]; comment: string | null };

export type HistoryPlan = {
  orders: PlannedOrder[];
  complaints: PlannedComplaint[];
  notices: PlannedNotice[];
  calls: PlannedCall[];
  interviews: PlannedInterview[];
  risks: PlannedRisk[];
};

const GMS = 'GMS_CENTRALE';
/** The weekdays a customer orders on: the chains twice a week, the others once, on a day of their own. */
const ORDER_DAYS = ['TUE', 'WED', 'THU', 'FRI', 'MON'] as const;

/** Later or shorter than usual: a customer whose deliveries go wrong more often, and a fortnight that went badly. */
const TROUBLE: Record<string, number> = { C001: 2.2, C042: 1.8, C011: 1.5 };
const BAD_WEEKS_AGO = [9, 10];

export function planHistory(input: HistoryInput): HistoryPlan {
  const random = prng(input.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const clock = (h0: number, h1: number) => `${String(between(h0, h1)).padStart(2, '0')}:${String(between(0, 59)).padStart(2, '0')}`;
  const first = addDays(input.today, -7 * input.weeks);
  const orders: PlannedOrder[] = [];
  const complaints: PlannedComplaint[] = [];
  const notices: PlannedNotice[] = [];
  const calls: PlannedCall[] = [];
  const risks: PlannedRisk[] = [];
  const refs = new Map<string, number>();

  for (let day = first; day < input.today; day = addDays(day, 1)) {
    if (!isWorkingDay(day)) continue;
    const weeksAgo = Math.floor(daysBetween(day, input.today) / 7);
    for (const [ci, c] of input.customers.entries()) {
      const days = c.typology === GMS ? ['MON', 'THU'] : [ORDER_DAYS[ci % ORDER_DAYS.length]];
      if (!days.includes(weekdayOf(day)) || c.busy.has(day) || !c.templates.length) continue;
      if (random() > 0.88) continue;
      const t = pick(c.templates);
      const receivedAt = parisInstant(day, t.channel === 'edi' ? clock(2, 6) : clock(8, 11));
      const promisedDate = addWorkingDays(day, c.typology === GMS ? 2 : 1);
      const lines: PlannedLine[] = t.lines.map((l) => ({
        ...l,
        quantity: input.bulk.has(l.product) ? l.quantity : Math.max(1, Math.round(l.quantity * (0.75 + random() * 0.5))),
        delivered: null,
        status: 'delivered',
      }));
      const ref = t.customerRef ? `${t.customerRef.replace(/\d+$/, '')}H${String((refs.get(c.code) ?? 0) + 1).padStart(5, '0')}` : null;
      refs.set(c.code, (refs.get(c.code) ?? 0) + 1);
      const touchless = (t.channel === 'edi' || t.channel === 'portal') && random() < 0.7;
      const base: Omit<PlannedOrder, 'status' | 'lines' | 'delivery' | 'confirmedAt'> = {
        customer: c.code,
        deliveryPoint: t.deliveryPoint,
        channel: t.channel,
        customerRef: ref,
        receivedAt,
        requestedDate: promisedDate,
        promisedDate,
        touchless,
        backorderOf: null,
      };
      if (random() < 0.02) {
        orders.push({
          ...base,
          status: 'cancelled',
          confirmedAt: null,
          lines: lines.map((l) => ({ ...l, status: 'cancelled' })),
          delivery: null,
        });
        continue;
      }
      const trouble = (TROUBLE[c.code] ?? 1) * (BAD_WEEKS_AGO.includes(weeksAgo) ? 3 : 1);
      const late = random() < 0.05 * trouble;
      const deliveredDate = late ? addWorkingDays(promisedDate, between(1, 2)) : promisedDate;
      if (deliveredDate >= input.today || (c.until && deliveredDate >= c.until)) continue;
      // Now and then an order waits on the desk past its cut-off (a busy morning): chosen by its rank, not drawn, so
      // that the rest of the history stays what the seed makes it.
      const waited = !touchless && orders.length % 11 === 4 ? 300 : 0;
      const confirmedAt = new Date(Date.parse(receivedAt) + ((touchless ? 1 : between(4, 50)) + waited) * 60_000).toISOString();
      const shortable = lines.map((l, i) => i).filter((i) => !input.bulk.has(lines[i].product) && lines[i].quantity > 1);
      const short = shortable.length > 0 && random() < 0.06 * trouble ? pick(shortable) : null;
      let backorderLine: number | null = null;
      if (short !== null) {
        const l = lines[short];
        const missing = between(1, Math.max(1, Math.ceil(l.quantity * 0.3)));
        const backorder = c.clause ? c.clause.backordersAccepted : random() < 0.6;
        const backorderDate = addWorkingDays(deliveredDate, 2);
        const canBackorder = backorder && backorderDate < input.today && (!c.until || backorderDate < c.until);
        lines[short] = { ...l, delivered: l.quantity - missing, status: canBackorder ? 'backordered' : 'short_cancelled' };
        if (canBackorder) backorderLine = short;
      }
      for (const l of lines) if (l.delivered === null) l.delivered = l.quantity;
      const deliveredAt = parisInstant(deliveredDate, clock(6, 11));
      const index = orders.push({
        ...base,
        status: 'closed',
        confirmedAt,
        lines,
        delivery: { plannedDate: promisedDate, deliveredDate, deliveredAt },
      });
      const orderIndex = index - 1;
      // A penalty avoided: on an order of a customer with a clause that went well, a shortfall was found after the
      // confirmation and settled the same morning (by rank, as above).
      if (c.clause && !late && short === null && orderIndex % 6 === 1 && !input.bulk.has(lines[0].product)) {
        const detectedAt = new Date(Date.parse(confirmedAt) + 30 * 60_000).toISOString();
        risks.push({
          order: orderIndex,
          line: 0,
          shortfall: Math.max(1, Math.ceil(lines[0].quantity * 0.3)),
          detectedAt,
          resolvedAt: new Date(Date.parse(detectedAt) + 90 * 60_000).toISOString(),
        });
      }
      if (backorderLine !== null) {
        const l = lines[backorderLine];
        const promised = addWorkingDays(deliveredDate, 2);
        orders.push({
          ...base,
          receivedAt: deliveredAt,
          confirmedAt: deliveredAt,
          touchless: false,
          requestedDate: promised,
          promisedDate: promised,
          status: 'closed',
          lines: [{ ...l, quantity: l.quantity - l.delivered!, delivered: l.quantity - l.delivered!, status: 'delivered' }],
          delivery: { plannedDate: promised, deliveredDate: promised, deliveredAt: parisInstant(promised, clock(6, 11)) },
          backorderOf: { order: orderIndex, lines: [backorderLine] },
        });
      }
      if (t.channel === 'phone')
        calls.push({
          customer: c.code,
          direction: 'in',
          purpose: 'ordering',
          outcome: 'order-taken',
          at: new Date(Date.parse(receivedAt) - between(3, 8) * 60_000).toISOString(),
          seconds: between(150, 540),
          order: orderIndex,
          complaint: null,
        });

      // What followed: the customer complains, the chain sends its penalty notice.
      const shortLine = short !== null ? short : null;
      const complaintOdds = shortLine !== null ? 0.45 : late ? 0.2 : 0.025;
      const after = addWorkingDays(deliveredDate, between(0, 1));
      if (random() < complaintOdds && after < input.today) {
        const reason =
          shortLine !== null
            ? 'missing-quantity'
            : late
              ? 'late-delivery'
              : pick(['damaged-packaging', 'damaged-packaging', 'quality-defect']);
        const line = shortLine ?? between(0, lines.length - 1);
        const receivedAtC = parisInstant(after, clock(8, 16));
        const answeredAt = new Date(Date.parse(receivedAtC) + between(20, random() < 0.15 ? 1500 : 300) * 60_000).toISOString();
        const resolvedAt = new Date(Date.parse(answeredAt) + between(1, random() < 0.2 ? 14 : 6) * 86_400_000).toISOString();
        if (resolvedAt.slice(0, 10) < input.today) {
          const outcome =
            reason === 'missing-quantity'
              ? 'credit-note'
              : reason === 'late-delivery'
                ? pick(['gesture', 'refusal'])
                : pick(['replacement', 'credit-note', 'refusal']);
          const channel = pick(['phone', 'phone', 'email', t.channel === 'portal' ? 'portal' : 'email']);
          complaints.push({
            order: orderIndex,
            line,
            quantity:
              shortLine !== null ? lines[line].quantity - lines[line].delivered! : Math.max(1, Math.floor(lines[line].quantity / 4)),
            reason,
            channel,
            mood: pick(['calm', 'calm', 'worried', 'annoyed']),
            receivedAt: receivedAtC,
            answeredAt,
            resolvedAt,
            outcome,
            refusalReason: outcome === 'refusal' ? pick(['not-our-fault', 'out-of-time']) : null,
            gestureCents: outcome === 'gesture' ? between(3, 12) * 1000 : null,
          });
          if (channel === 'phone')
            calls.push({
              customer: c.code,
              direction: 'in',
              purpose: 'complaint',
              outcome: 'handled',
              at: receivedAtC,
              seconds: between(240, 720),
              order: orderIndex,
              complaint: complaints.length - 1,
            });
        }
      }
      const clause = c.clause;
      if (clause && (late || shortLine !== null) && random() < 0.6) {
        const kind = late ? 'late' : 'missing';
        const line = shortLine ?? 0;
        const l = lines[line];
        const claimedCents =
          kind === 'late'
            ? (clause.lateFlatCents ?? 10_000)
            : Math.max(1_500, Math.round(((l.quantity - l.delivered!) * l.unitPriceCents * (clause.missingValueBp ?? 1000)) / 10_000));
        const received = addDays(deliveredDate, between(10, 25));
        const settled = addDays(received, between(10, 30));
        if (settled < input.today) {
          const won = random() < 0.35;
          notices.push({
            order: orderIndex,
            kind,
            line,
            failureDate: deliveredDate,
            receivedAt: parisInstant(received, clock(9, 15)),
            claimedCents,
            status: won ? 'withdrawn' : 'settled',
            contestedAt: won ? parisInstant(addDays(received, between(2, 8)), clock(9, 17)) : null,
            settledAt: parisInstant(settled, clock(9, 17)),
          });
        }
      }
    }
  }

  // Each customer's satisfaction interviews: the last one recent enough not to be due today.
  const interviews: PlannedInterview[] = [];
  const rhythmDays: Record<string, number> = { GMS_CENTRALE: 90, GROSSISTE: 180, INDUSTRIE: 180, ARTISAN: 365, RHD: 365 };
  for (const c of input.customers) {
    if (input.noInterview.has(c.code)) continue;
    const rhythm = rhythmDays[c.typology] ?? 180;
    const trouble = TROUBLE[c.code] ?? 1;
    const dates = [between(15, Math.min(rhythm - 20, 160))];
    if (rhythm <= 90) dates.push(dates[0] + 91);
    for (const back of dates) {
      let date = addDays(input.today, -back);
      while (!isWorkingDay(date)) date = addDays(date, -1);
      const score = (q: number) => Math.max(5, Math.min(10, Math.round(8.4 - (trouble - 1) * 1.6 + (random() - 0.5) * 2 + q)));
      const answers = ['punctuality', 'quality', 'desk', 'ordering', 'overall'].map((question, qi) => ({
        question,
        score: Math.max(7, score(qi === 0 ? -0.5 : 0)),
      }));
      interviews.push({ customer: c.code, at: parisInstant(date, clock(9, 16)), answers, comment: null });
    }
  }
  return { orders, complaints, notices, calls, interviews, risks };
}
