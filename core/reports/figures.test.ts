import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFINITIONS } from './definitions.ts';
import {
  addComplaint,
  addLineFact,
  addOrderFact,
  addPenalty,
  addRisk,
  addSums,
  complaintVerdict,
  confirmDeadline,
  countedBy,
  type DeliveredOrder,
  deliveryFacts,
  emptyDeliverySums,
  emptyEventSums,
  figuresOf,
  lineVerdict,
  type LineOutcome,
  type OrderEvent,
  orderVerdict,
  type PenaltyFact,
} from './figures.ts';
import { CHANNEL_SHARES, METRICS } from './metric-keys.ts';
import { isoWeekOf, previousPeriod, weekRange } from './periods.ts';

/** An EDI order received on Monday 23 November at 05:10, confirmed by the EDI system a minute later. */
const order: DeliveredOrder = {
  id: 1,
  customerId: 7,
  assistantId: 3,
  channel: 'edi',
  orderedAt: '2026-11-23T05:10',
  promisedDate: '2026-11-26',
  requestedDate: '2026-11-25',
  deliveryPointId: 70,
  cutoffTime: '12:00',
  events: [
    { action: 'create', userId: 99, role: 'system', at: '2026-11-23T05:10' },
    { action: 'confirm', userId: 99, role: 'system', at: '2026-11-23T05:11' },
  ],
};
const byAssistant = (action: string, at: string): OrderEvent => ({ action, userId: 3, role: 'assistant', at });
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

  it('confirmed on time: before the cut-off of the day the order is processed on', () => {
    // Received Monday 05:10, cut-off 12:00: to beat is Monday 12:00; confirmed at 05:11, on time.
    expect(deliveryFacts(order, [line(1, 1, 1)], '2026-11-26').order).toMatchObject({
      confirmedAt: '2026-11-23T05:11',
      confirmBy: '2026-11-23T12:00',
      confirmedOnTime: 1,
    });
    // Received after the cut-off on Friday: processed on Monday, to be confirmed by Monday noon.
    expect(confirmDeadline('2026-11-27T14:00', '12:00')).toBe('2026-11-30T12:00');
    // Received on Saturday morning: the next working day too; at the cut-off itself: the next day.
    expect(confirmDeadline('2026-11-28T09:00', '12:00')).toBe('2026-11-30T12:00');
    expect(confirmDeadline('2026-11-23T12:00', '12:00')).toBe('2026-11-24T12:00');
    // Before a public holiday (Armistice, Wednesday 11 November 2026) after the cut-off: Thursday.
    expect(confirmDeadline('2026-11-10T15:00', '10:00')).toBe('2026-11-12T10:00');
    const late = deliveryFacts({ ...order, events: [byAssistant('confirm', '2026-11-23T12:30')] }, [line(1, 1, 1)], '2026-11-26').order;
    expect(late.confirmedOnTime).toBe(0);
    expect(orderVerdict('confirmedOnTime', late, []).why).toEqual([
      { code: 'confirmed-late', params: { at: '2026-11-23T12:30', by: '2026-11-23T12:00' } },
    ]);
    // No confirmation on record: not counted, neither on time nor late.
    const none = deliveryFacts({ ...order, events: [] }, [line(1, 1, 1)], '2026-11-26').order;
    expect(countedBy('confirmedOnTime', { order: none }, '2026-12-01T00:00')).toBe(false);
    const f = figuresOf(
      [order, { ...order, events: [byAssistant('confirm', '2026-11-23T12:30')] }, { ...order, events: [] }]
        .map((o) => deliveryFacts(o, [line(1, 1, 1)], '2026-11-26').order)
        .reduce(addOrderFact, emptyDeliverySums()),
      emptyEventSums(),
    );
    expect([f.ordersConfirmedOnTime, f.confirmedOnTime]).toEqual([1, 0.5]);
  });

  it('touchless: EDI and portal orders nobody of the desk created, changed, approved or confirmed', () => {
    const facts = (o: Partial<DeliveredOrder>) => deliveryFacts({ ...order, ...o }, [line(1, 1, 1)], '2026-11-26').order;
    const untouched = facts({});
    const portal = facts({ channel: 'portal', events: [{ action: 'confirm', userId: 50, role: 'buyer', at: '2026-11-23T09:00' }] });
    const changed = facts({ events: [...order.events, byAssistant('change', '2026-11-23T08:00')] });
    // Moving it through the warehouse is no order taking: releasing it by hand keeps it touchless.
    const released = facts({ events: [...order.events, byAssistant('release', '2026-11-24T08:00')] });
    const phone = facts({
      channel: 'phone',
      events: [byAssistant('create', '2026-11-23T09:00'), byAssistant('confirm', '2026-11-23T09:05')],
    });
    expect([untouched, portal, changed, released, phone].map((o) => o.touchless)).toEqual([1, 1, 0, 1, 0]);
    expect(changed.touchedBy).toBe(3);
    const f = figuresOf([untouched, portal, changed, released, phone].reduce(addOrderFact, emptyDeliverySums()), emptyEventSums());
    expect([f.ordersTouchless, f.touchless]).toEqual([3, 0.75]); // the phone order is not counted
    expect(orderVerdict('touchless', { ...changed, touchedByName: 'Léa' }, []).why).toEqual([{ code: 'touched', params: { by: 'Léa' } }]);
    expect(countedBy('touchless', { order: phone }, '2026-12-01T00:00')).toBe(false);
  });

  it("orders by channel: each channel's share of the orders delivered; its drill-down holds its own orders", () => {
    const orders = ['edi', 'edi', 'phone', 'portal'].map(
      (channel) => deliveryFacts({ ...order, channel }, [line(1, 1, 1)], '2026-11-26').order,
    );
    const f = figuresOf(orders.reduce(addOrderFact, emptyDeliverySums()), emptyEventSums());
    expect([f.channelEdi, f.channelPhone, f.channelPortal, f.channelEmail, f.channelFax]).toEqual([0.5, 0.25, 0.25, 0, 0]);
    expect(orders.filter((o) => orderVerdict('channelEdi', o, []).ok)).toHaveLength(2);
    expect(orderVerdict('channelEdi', orders[2], []).why).toEqual([{ code: 'channel', params: { channel: 'phone' } }]);
  });

  it('penalties avoided: the exposure of the risks resolved no later than the promised date', () => {
    const risk = { id: 1, customerId: 7, orderId: 1, cause: 'stock-shortfall', promisedDate: '2026-11-26', exposureCents: 12_000 };
    let e = emptyEventSums();
    for (const r of [
      { ...risk, resolvedOn: '2026-11-24' },
      { ...risk, id: 2, resolvedOn: '2026-11-26', exposureCents: 3_000 },
      { ...risk, id: 3, resolvedOn: '2026-11-27' }, // after the date: it had failed already
    ])
      e = addRisk(e, r);
    const f = figuresOf(emptyDeliverySums(), e);
    expect([f.risksAvoided, f.exposureAvoidedCents]).toEqual([2, 15_000]);
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
      channel: fc.constantFrom('phone', 'email', 'fax', 'edi', 'portal'),
      orderedTime: fc.constantFrom('05:00', '11:59', '12:00', '17:30'),
      // Its timeline's order-taking steps, by the EDI system, a buyer or someone of the desk.
      events: fc.array(
        fc.record({
          action: fc.constantFrom('create', 'change', 'approve', 'confirm', 'release'),
          userId: fc.integer({ min: 1, max: 5 }),
          role: fc.constantFrom('system', 'buyer', 'assistant', 'manager'),
          day: fc.integer({ min: 0, max: 4 }),
          time: fc.constantFrom('06:00', '11:30', '12:00', '15:00'),
        }),
        { maxLength: 4 },
      ),
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
              orderedAt: `${day(0)}T${o.orderedTime}`,
              channel: o.channel,
              events: o.events.map((e) => ({ ...e, at: `${day(e.day)}T${e.time}` })),
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
        // The channels' shares make the whole; only EDI and portal orders go untouched.
        if (total.orders > 0) expect(Object.values(CHANNEL_SHARES).reduce((s, m) => s + f[m]!, 0)).toBeCloseTo(1, 9);
        expect(total.ordersTouchless).toBeLessThanOrEqual(total.ediOrders + total.portalOrders);
        expect(total.ordersConfirmedOnTime).toBeLessThanOrEqual(total.ordersConfirmed);
      }),
    );
  });

  it('the drill-down verdicts count exactly what the figure counts (sum check)', () => {
    fc.assert(
      fc.property(history, (orders) => {
        const facts = orders.map((o, i) =>
          deliveryFacts(
            {
              ...order,
              id: i + 1,
              orderedAt: `${day(0)}T${o.orderedTime}`,
              channel: o.channel,
              events: o.events.map((e) => ({ ...e, at: `${day(e.day)}T${e.time}` })),
              promisedDate: o.promised === null ? null : day(o.promised),
              requestedDate: null,
            },
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
        // Order taking: the rows each rate counts (its denominator) and those that met it (its numerator).
        const figures = figuresOf(total, emptyEventSums());
        for (const metric of ['confirmedOnTime', 'touchless', ...Object.values(CHANNEL_SHARES)] as const) {
          const counted = facts.filter((f) => countedBy(metric, { order: f.order }, '2026-12-01T00:00'));
          const met = counted.filter((f) => orderVerdict(metric, f.order, []).ok).length;
          expect(figures[metric], metric).toBe(counted.length ? met / counted.length : null);
          for (const f of counted) {
            const v = orderVerdict(metric, f.order, []);
            expect(v.ok || v.why.length > 0).toBe(true);
          }
        }
      }),
    );
  });
});
