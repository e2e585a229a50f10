import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFINITIONS } from './definitions.ts';
import {
  addComplaint,
  addLineFact,
  addOrderFact,
  addPenalty,
  addSums,
  complaintVerdict,
  deliveryFacts,
  emptyDeliverySums,
  emptyEventSums,
  figuresOf,
  lineVerdict,
  type LineOutcome,
  orderVerdict,
  type PenaltyFact,
} from './figures.ts';
import { METRICS } from './metric-keys.ts';
import { isoWeekOf, previousPeriod, weekRange } from './periods.ts';

const order = {
  id: 1,
  customerId: 7,
  assistantId: 3,
  channel: 'edi',
  orderedOn: '2026-11-23',
  promisedDate: '2026-11-26',
  requestedDate: '2026-11-25',
};
const line = (
  lineNo: number,
  quantity: number,
  delivered: number,
  status = delivered >= quantity ? 'delivered' : 'backordered',
): LineOutcome => ({
  lineId: 100 + lineNo,
  lineNo,
  productId: 10 + lineNo,
  productCode: `P${lineNo}`,
  warehouseId: 1,
  quantity,
  delivered,
  status,
});

describe('the delivery figures on hand-made cases', () => {
  it('an order delivered complete on its promised date is on time, in full, OTIF', () => {
    const { order: o, lines } = deliveryFacts(order, [line(1, 10, 10), line(2, 5, 5)], '2026-11-26');
    expect(o).toMatchObject({
      onTime: 1,
      inFull: 1,
      lateDays: 0,
      leadTimeDays: 3,
      lines: 2,
      linesComplete: 2,
      quantityOrdered: 15,
      quantityDelivered: 15,
      backorders: 0,
    });
    expect(lines).toHaveLength(2);
    const f = figuresOf(addOrderFact(emptyDeliverySums(), o), emptyEventSums());
    expect([f.serviceRate, f.fillRate, f.onTime, f.otif]).toEqual([1, 1, 1, 1]);
  });

  it('the promised date wins over the requested one; two days after it is two days late', () => {
    const { order: o } = deliveryFacts(order, [line(1, 10, 10)], '2026-11-28');
    expect([o.onTime, o.lateDays]).toEqual([0, 2]);
    const early = deliveryFacts({ ...order, promisedDate: null }, [line(1, 10, 10)], '2026-11-25').order;
    expect(early.onTime).toBe(1);
    expect(deliveryFacts({ ...order, promisedDate: null, requestedDate: null }, [line(1, 1, 1)], '2027-01-01').order.onTime).toBe(1);
  });

  it('one short line of four: service rate 3/4, fill rate by quantity, not in full, one backorder; a cancelled line does not count', () => {
    const outcomes = [line(1, 10, 10), line(2, 10, 10), line(3, 10, 10), line(4, 10, 6), { ...line(5, 3, 0), status: 'cancelled' }];
    const { order: o } = deliveryFacts(order, outcomes, '2026-11-26');
    const f = figuresOf(addOrderFact(emptyDeliverySums(), o), emptyEventSums());
    expect(f.lines).toBe(4);
    expect(f.serviceRate).toBe(0.75);
    expect(f.fillRate).toBe(36 / 40);
    expect([f.inFull, f.otif, f.onTime, f.backorders]).toEqual([0, 0, 1, 1]);
    const short = deliveryFacts(order, [line(1, 10, 6, 'short_cancelled')], '2026-11-26').order;
    expect(short.backorders).toBe(0);
  });

  it('a rate of nothing is null, not 100 %', () => {
    const f = figuresOf(emptyDeliverySums(), emptyEventSums());
    expect([f.serviceRate, f.otif, f.onTime, f.fillRate, f.leadTimeDays, f.lateDays, f.complaintsPerThousandLines, f.satisfaction]).toEqual(
      [null, null, null, null, null, null, null, null],
    );
    expect(f.orders).toBe(0);
  });

  it('says why an order missed OTIF: late by n days, short on which line', () => {
    const v = orderVerdict('otif', { onTime: 0, inFull: 0, lateDays: 2 }, [{ lineNo: 4, quantity: 10, delivered: 6, productCode: 'P4' }]);
    expect(v.ok).toBe(false);
    expect(v.why).toEqual([
      { code: 'late', params: { days: 2 } },
      { code: 'short', params: { lineNo: 4, productCode: 'P4', ordered: 10, delivered: 6 } },
    ]);
    expect(orderVerdict('onTime', { onTime: 1, inFull: 0, lateDays: 0 }, []).ok).toBe(true);
    expect(lineVerdict('serviceRate', { ...line(4, 10, 6), productCode: 'P4' }).why.map((w) => w.code)).toEqual(['short', 'backordered']);
  });

  it('complaints: answered in time against the answer-by time; per thousand lines delivered', () => {
    const c = {
      id: 1,
      number: 'R1',
      customerId: 7,
      orderId: null,
      receivedAt: '2026-11-23T09:00',
      answerBy: '2026-11-24T09:00',
      answeredAt: '2026-11-23T15:00',
      resolvedAt: '2026-11-25T09:00',
    };
    const late = { ...c, id: 2, answeredAt: '2026-11-24T12:00', resolvedAt: null };
    const open = { ...c, id: 3, answeredAt: null, resolvedAt: null, answerBy: '2026-12-31T09:00' };
    let e = emptyEventSums();
    for (const x of [c, late, open]) e = addComplaint(e, x, '2026-11-26T10:00');
    const d = { ...emptyDeliverySums(), lines: 1500 };
    const f = figuresOf(d, e);
    expect(f.complaints).toBe(3);
    expect(f.complaintsPerThousandLines).toBe(2);
    expect(f.complaintsAnsweredOnTime).toBe(0.5); // the open one is not due yet
    expect(f.complaintAnswerHours).toBe(16.5); // 6 h and 27 h
    expect(f.complaintResolveDays).toBe(2);
    expect(complaintVerdict('complaintsAnsweredOnTime', late, '2026-11-26T10:00').why).toEqual([
      { code: 'answered-late', params: { hours: 3 } },
    ]);
  });

  it('penalties: claimed, contested, won (withdrawn or settled at nothing), paid what was accepted', () => {
    const p = (over: Partial<PenaltyFact>): PenaltyFact => ({
      id: 1,
      reference: 'N',
      customerId: 7,
      orderId: null,
      receivedDate: '2026-11-23',
      claimedCents: 10_000,
      status: 'received',
      contested: false,
      acceptedCents: null,
      ...over,
    });
    let e = emptyEventSums();
    for (const x of [
      p({}),
      p({ status: 'withdrawn', contested: true }),
      p({ status: 'settled', contested: true, acceptedCents: 0 }),
      p({ status: 'settled', acceptedCents: 4_000 }),
    ])
      e = addPenalty(e, x);
    const f = figuresOf(emptyDeliverySums(), e);
    expect([f.penalties, f.penaltiesCents, f.penaltiesContested, f.penaltiesWon, f.penaltiesPaidCents]).toEqual([4, 40_000, 2, 2, 4_000]);
  });

  it('every figure has a French and an English definition', () => {
    for (const m of METRICS) {
      expect(DEFINITIONS[m].fr.help.length, m).toBeGreaterThan(10);
      expect(DEFINITIONS[m].en.help.length, m).toBeGreaterThan(10);
    }
  });
});

describe('ISO weeks', () => {
  it('on the known edges', () => {
    expect(isoWeekOf('2026-11-26')).toBe('2026-W48');
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53');
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
    expect(weekRange('2026-W48')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(weekRange('2025-W53')).toBeNull(); // 2025 has 52 weeks; 2026, starting on a Thursday, 53
    expect(weekRange('2026-W53')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(previousPeriod('2026-11-23', '2026-11-29')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
  });

  it('every day lies in the week its ISO week names', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
        const day = d.toISOString().slice(0, 10);
        const range = weekRange(isoWeekOf(day))!;
        expect(range.from <= day && day <= range.to).toBe(true);
      }),
    );
  });
});

describe('the figures as properties, on random histories', () => {
  const outcome = fc
    .record({
      quantity: fc.integer({ min: 1, max: 50 }),
      missing: fc.integer({ min: 0, max: 60 }),
      status: fc.constantFrom('delivered', 'backordered', 'short_cancelled', 'cancelled'),
    })
    .map(({ quantity, missing, status }) => ({ quantity, delivered: Math.max(0, quantity - missing), status }));
  const history = fc.array(
    fc.record({
      customerId: fc.integer({ min: 1, max: 4 }),
      promised: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
      delivered: fc.integer({ min: 0, max: 12 }),
      lines: fc.array(outcome, { minLength: 1, maxLength: 6 }),
    }),
    { maxLength: 40 },
  );
  const day = (n: number) => `2026-11-${String(1 + n).padStart(2, '0')}`;

  it('rates lie in [0, 1]; the groups add up to the totals; OTIF never beats on-time or in-full', () => {
    fc.assert(
      fc.property(history, (orders) => {
        const facts = orders.map((o, i) =>
          deliveryFacts(
            {
              ...order,
              id: i + 1,
              customerId: o.customerId,
              orderedOn: day(0),
              promisedDate: o.promised === null ? null : day(o.promised),
              requestedDate: null,
            },
            o.lines.map((l, j) => ({ ...line(j + 1, l.quantity, l.delivered), status: l.status })),
            day(o.delivered),
          ),
        );
        const total = facts.reduce((s, f) => addOrderFact(s, f.order), emptyDeliverySums());
        const byCustomer = new Map<number, ReturnType<typeof emptyDeliverySums>>();
        for (const f of facts)
          byCustomer.set(f.order.customerId, addOrderFact(byCustomer.get(f.order.customerId) ?? emptyDeliverySums(), f.order));
        expect([...byCustomer.values()].reduce(addSums, emptyDeliverySums())).toEqual(total);
        // The lines' facts make the same line figures as the orders' facts.
        const fromLines = facts.flatMap((f) => f.lines).reduce(addLineFact, emptyDeliverySums());
        expect([
          fromLines.lines,
          fromLines.linesComplete,
          fromLines.quantityOrdered,
          fromLines.quantityDelivered,
          fromLines.backorders,
        ]).toEqual([total.lines, total.linesComplete, total.quantityOrdered, total.quantityDelivered, total.backorders]);
        const f = figuresOf(total, emptyEventSums());
        for (const m of METRICS) if (DEFINITIONS[m].kind === 'rate' && f[m] !== null) expect(f[m]).toBeGreaterThanOrEqual(0);
        for (const m of METRICS) if (DEFINITIONS[m].kind === 'rate' && f[m] !== null) expect(f[m]).toBeLessThanOrEqual(1);
        if (f.otif !== null) expect(f.otif).toBeLessThanOrEqual(Math.min(f.onTime!, f.inFull!));
      }),
    );
  });

  it('the drill-down verdicts count exactly what the figure counts (sum check)', () => {
    fc.assert(
      fc.property(history, (orders) => {
        const facts = orders.map((o, i) =>
          deliveryFacts(
            { ...order, id: i + 1, orderedOn: day(0), promisedDate: o.promised === null ? null : day(o.promised), requestedDate: null },
            o.lines.map((l, j) => ({ ...line(j + 1, l.quantity, l.delivered), status: l.status })),
            day(o.delivered),
          ),
        );
        const total = facts.reduce((s, f) => addOrderFact(s, f.order), emptyDeliverySums());
        const shortOf = (f: (typeof facts)[number]) =>
          f.lines.filter((l) => l.delivered < l.quantity).map((l) => ({ ...l, productCode: '' }));
        for (const [metric, met] of [
          ['otif', total.ordersOtif],
          ['onTime', total.ordersOnTime],
          ['inFull', total.ordersInFull],
        ] as const) {
          const verdicts = facts.map((f) => orderVerdict(metric, f.order, shortOf(f)));
          expect(verdicts.length).toBe(total.orders);
          expect(verdicts.filter((v) => v.ok).length).toBe(met);
          for (const v of verdicts) expect(v.ok || v.why.length > 0).toBe(true);
        }
        const lineVerdicts = facts.flatMap((f) => f.lines).map((l) => lineVerdict('serviceRate', { ...l, productCode: '' }));
        expect(lineVerdicts.length).toBe(total.lines);
        expect(lineVerdicts.filter((v) => v.ok).length).toBe(total.linesComplete);
        const backorders = facts.flatMap((f) => f.lines).map((l) => lineVerdict('backorders', { ...l, productCode: '' }));
        expect(backorders.filter((v) => !v.ok).length).toBe(total.backorders);
      }),
    );
  });
});
