import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clockTime, minutesOfDay } from './clock-time.ts';
import { DAY_ITEM_KINDS, DEFAULT_MINUTES } from './day-item.ts';
import { estimateMinutes, MIN_DESK_SAMPLES, MIN_OWN_SAMPLES, medianMinutes } from './estimates.ts';
import { type DayCandidate, planDay } from './planner.ts';
import { DEFAULT_WORK_SCHEDULE, workingIntervals } from './working-day.ts';

const intervals = workingIntervals(DEFAULT_WORK_SCHEDULE, []);

const candidate = fc.record({
  ref: fc.integer({ min: 1, max: 1_000_000 }).map((n) => `edi-order:${n}`),
  priority: fc.integer({ min: 1, max: 5 }),
  fixedAt: fc.option(fc.integer({ min: 8 * 60, max: 17 * 60 }), { nil: null }),
  // An estimate is at least a minute (estimates.ts), so is every candidate's.
  minutes: fc.integer({ min: 1, max: 90 }),
  canWait: fc.boolean(),
  canHandOver: fc.boolean(),
});
const candidates = fc
  .array(candidate, { maxLength: 40 })
  .map((list) => list.filter((c, i) => list.findIndex((o) => o.ref === c.ref) === i))
  .map((list) =>
    list.map((c): DayCandidate => ({
      kind: c.fixedAt === null ? 'edi-order' : 'ordering-call',
      ref: c.fixedAt === null ? c.ref : c.ref.replace('edi-order', 'ordering-call'),
      customerId: null,
      title: { fr: c.ref, en: c.ref },
      reason: { fr: '', en: '' },
      priority: c.priority,
      at: c.fixedAt === null ? null : clockTime(c.fixedAt),
      dueAt: null,
      stakeCents: 0,
      estimatedMinutes: c.minutes,
      estimateSource: 'default',
      canWait: c.canWait,
      canHandOver: c.canHandOver,
    })),
  );
const from = fc.integer({ min: 8 * 60, max: 18 * 60 }).map(clockTime);

describe('the day planner', () => {
  it('keeps a fixed-time call at its time', () => {
    fc.assert(
      fc.property(candidates, from, (cs, f) => {
        const plan = planDay(cs, intervals, f);
        for (const c of cs.filter((x) => x.at)) expect(plan.items.find((i) => i.ref === c.ref)!.startsAt).toBe(c.at);
      }),
    );
  });

  it('never plans beyond her time without saying by how much', () => {
    fc.assert(
      fc.property(candidates, from, (cs, f) => {
        const plan = planDay(cs, intervals, f);
        expect(plan.items).toHaveLength(cs.length);
        expect(plan.plannedMinutes).toBe(cs.reduce((s, c) => s + c.estimatedMinutes, 0));
        expect(plan.overMinutes).toBeGreaterThanOrEqual(plan.plannedMinutes - plan.capacityMinutes);
        if (plan.items.some((i) => !i.fits)) expect(plan.overMinutes).toBeGreaterThan(0);
        if (plan.overMinutes === 0) expect(plan.items.every((i) => i.fits)).toBe(true);
        // Whatever fits ends within her working time; the proposals never touch the most urgent.
        for (const p of plan.proposals)
          expect(cs.find((c) => c.ref === p.ref)!.priority > 1 || cs.find((c) => c.ref === p.ref)!.at !== null).toBe(true);
      }),
    );
  });

  it('never puts higher priority after lower unless pinned by time', () => {
    fc.assert(
      fc.property(candidates, from, (cs, f) => {
        const flexible = planDay(cs, intervals, f).items.filter((i) => i.at === null);
        for (let k = 1; k < flexible.length; k++) expect(flexible[k - 1].priority).toBeLessThanOrEqual(flexible[k].priority);
        for (let k = 1; k < flexible.length; k++)
          expect(minutesOfDay(flexible[k - 1].startsAt)).toBeLessThanOrEqual(minutesOfDay(flexible[k].startsAt));
      }),
    );
  });

  it('fits the rest around the calls and says what to hand over when she is away at a call time', () => {
    const away = workingIntervals(DEFAULT_WORK_SCHEDULE, [{ from: '14:00', to: '17:00' }]);
    const base = {
      customerId: 1,
      title: { fr: '', en: '' },
      reason: { fr: '', en: '' },
      dueAt: null,
      stakeCents: 0,
      estimateSource: 'default' as const,
    };
    const plan = planDay(
      [
        {
          ...base,
          kind: 'ordering-call',
          ref: 'ordering-call:1',
          priority: 2,
          at: '10:00',
          estimatedMinutes: 6,
          canWait: false,
          canHandOver: true,
        },
        {
          ...base,
          kind: 'ordering-call',
          ref: 'ordering-call:2',
          priority: 2,
          at: '15:00',
          estimatedMinutes: 6,
          canWait: false,
          canHandOver: true,
        },
        { ...base, kind: 'risk', ref: 'risk:1', priority: 1, at: null, estimatedMinutes: 100, canWait: false, canHandOver: true },
      ],
      away,
      '08:30',
    );
    expect(plan.capacityMinutes).toBe(270);
    expect(plan.items.map((i) => [i.ref, i.startsAt, i.endsAt])).toEqual([
      ['risk:1', '08:30', '10:16'],
      ['ordering-call:1', '10:00', '10:06'],
      ['ordering-call:2', '15:00', '15:06'],
    ]);
    expect(plan.overMinutes).toBe(6);
    expect(plan.proposals).toEqual([{ ref: 'ordering-call:2', action: 'hand-over', minutes: 6 }]);
  });
});

describe('the estimate of a kind', () => {
  const sample = fc.record({
    kind: fc.constantFrom(...DAY_ITEM_KINDS),
    userId: fc.integer({ min: 1, max: 3 }),
    minutes: fc.integer({ min: 1, max: 120 }),
  });

  it('is the median of its history: hers when she has enough, else the desk’s, else the stated default', () => {
    fc.assert(
      fc.property(
        fc.array(sample, { maxLength: 60 }),
        fc.constantFrom(...DAY_ITEM_KINDS),
        fc.integer({ min: 1, max: 3 }),
        (samples, kind, user) => {
          const e = estimateMinutes(samples, kind, user);
          const own = samples.filter((s) => s.kind === kind && s.userId === user).map((s) => s.minutes);
          const desk = samples.filter((s) => s.kind === kind).map((s) => s.minutes);
          if (own.length >= MIN_OWN_SAMPLES) expect(e).toEqual({ minutes: medianMinutes(own), source: 'own-history', samples: own.length });
          else if (desk.length >= MIN_DESK_SAMPLES)
            expect(e).toEqual({ minutes: medianMinutes(desk), source: 'desk-history', samples: desk.length });
          else expect(e.minutes).toBe(DEFAULT_MINUTES[kind]);
        },
      ),
    );
  });

  it('takes the middle value (the mean of the two middle ones for an even count)', () => {
    expect(medianMinutes([9, 3, 7])).toBe(7);
    expect(medianMinutes([4, 10, 6, 8])).toBe(7);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 50 }), (xs) => {
        const m = medianMinutes(xs);
        expect(xs.filter((x) => x < m).length).toBeLessThanOrEqual(Math.ceil(xs.length / 2));
        expect(xs.filter((x) => x > m).length).toBeLessThanOrEqual(Math.ceil(xs.length / 2));
      }),
    );
  });
});
