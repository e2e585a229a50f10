import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DayItemKind } from '../../core/day/day-item.ts';
import type { Day, DayItem } from '../../core/day/day.schemas.ts';
import { fixedClock } from '../../server/clock.ts';
import { sweepInboxes } from '../../server/edi/inbox-watcher.ts';
import { runRiskScan } from '../../server/risks/risk-scan.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp } from '../helpers/test-app.ts';

/**
 * Issue 13, item 2: what the screens time (an order typed, a complaint moved on, an EDI message fixed, a draft
 * approved) is what her day's estimates become: her own median once she has enough of a kind.
 */
describe.each(await testEngines())('work timings on %s', (engine) => {
  let t: TestApp;
  let adv: ReturnType<typeof client>;
  const clock = fixedClock('2026-03-09T08:30:00+01:00');

  /** `count` pieces of work of `minutes` each, ending one after the other before 08:00 this morning. */
  const timeAll = async (who: ReturnType<typeof client>, ref: string, minutes: number, count: number) => {
    for (let i = 0; i < count; i++) {
      const end = Date.parse('2026-03-09T08:00:00+01:00') - i * 3_600_000;
      const res = await who.post('/api/work-timings', {
        ref,
        startedAt: new Date(end - minutes * 60_000).toISOString(),
        endedAt: new Date(end).toISOString(),
      });
      expect(res.statusCode, res.body).toBe(201);
    }
  };
  const itemOf = (day: Day, kind: DayItemKind): DayItem => {
    const item = day.items.find((i) => i.kind === kind);
    expect(item, `an item of kind ${kind} in her day`).toBeDefined();
    return item!;
  };

  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
    await sweepInboxes(t.handle.db, { clock, settleMs: 0 });
    await runRiskScan(t.handle.db, clock.now());
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
  }, 180_000);

  afterAll(async () => {
    await t?.close();
  });

  it('learns each kind from what she timed: her own median, said as her own history with its count', async () => {
    const adv2 = client(t.app, await login(t.app, 'adv2@demo.local'));
    // Whose day has an item of each kind this Monday: Léa the EDI orders and a draft to approve, Hugo the complaints.
    const timed: [ReturnType<typeof client>, DayItemKind, number][] = [
      [adv, 'edi-order', 41],
      [adv, 'approval', 9],
      [adv2, 'complaint', 37],
    ];
    for (const [who, kind, minutes] of timed) {
      const was = itemOf((await who.get('/api/day')).json<Day>(), kind);
      // More pieces than the demo's history of any kind: the median is what she timed here.
      await timeAll(who, `${kind}:900`, minutes, 9);
      const now = itemOf((await who.get('/api/day')).json<Day>(), kind);
      expect(now).toMatchObject({ estimatedMinutes: minutes, estimateSource: 'own-history' });
      // Her samples: the nine timed here and what she had (counted only when it was already her own history said).
      if (was.estimateSource === 'own-history') expect(now.estimateSamples).toBe(was.estimateSamples + 9);
      else expect(now.estimateSamples).toBeGreaterThanOrEqual(9);
    }
  });

  it('adds to an ordering call the orders she typed after her calls', async () => {
    const before = itemOf((await adv.get('/api/day')).json<Day>(), 'ordering-call');
    expect(before.estimateSource).toBe('own-history');
    await timeAll(adv, 'order-entry:900', 30, 12);
    const after = itemOf((await adv.get('/api/day')).json<Day>(), 'ordering-call');
    // The demo's six entries (median 6 min) are outnumbered: the typed part becomes 30 minutes, the call's stays.
    expect(after.estimatedMinutes - before.estimatedMinutes).toBe(30 - 6);
    expect(after.estimateSource).toBe('own-history');
  });

  it('records a timing for whoever is logged in (a manager’s approval of a draft)', async () => {
    const manager = client(t.app, await login(t.app, 'manager@demo.local'));
    const start = Date.parse('2026-03-09T07:00:00+01:00');
    for (let i = 0; i < 3; i++)
      expect(
        (
          await manager.post('/api/work-timings', {
            ref: 'approval:901',
            startedAt: new Date(start + i * 600_000).toISOString(),
            endedAt: new Date(start + i * 600_000 + 120_000).toISOString(),
          })
        ).statusCode,
      ).toBe(201);
    const rows = await t.handle.db
      .selectFrom('workTimings')
      .select(['userId', 'kind', 'minutes'])
      .where('ref', '=', 'approval:901')
      .execute();
    const managerId = (
      await t.handle.db.selectFrom('users').select('id').where('email', '=', 'manager@demo.local').executeTakeFirstOrThrow()
    ).id;
    // Recorded for whoever is logged in: the body names no one.
    expect(rows).toEqual([0, 1, 2].map(() => ({ userId: managerId, kind: 'approval', minutes: 2 })));
  });

  it('refuses a timing of no known kind, ending before it starts, too long or still to come, with the field', async () => {
    const post = (body: Record<string, unknown>) => adv.post('/api/work-timings', body);
    const at = (iso: string) => new Date(iso).toISOString();
    const unknown = await post({ ref: 'lunch:1', startedAt: at('2026-03-09T08:00:00+01:00'), endedAt: at('2026-03-09T08:10:00+01:00') });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json().errors[0]).toMatchObject({ path: 'body.ref', code: 'choice' });
    const backwards = await post({
      ref: 'complaint:1',
      startedAt: at('2026-03-09T08:10:00+01:00'),
      endedAt: at('2026-03-09T08:10:00+01:00'),
    });
    expect(backwards.json().errors[0]).toMatchObject({ path: 'body.endedAt', code: 'before-start' });
    const long = await post({ ref: 'complaint:1', startedAt: at('2026-03-09T02:00:00+01:00'), endedAt: at('2026-03-09T08:00:00+01:00') });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0]).toMatchObject({ path: 'body.endedAt', code: 'out-of-range' });
    const future = await post({ ref: 'complaint:1', startedAt: at('2026-03-09T08:00:00+01:00'), endedAt: at('2026-03-09T09:00:00+01:00') });
    expect(future.json().errors[0]).toMatchObject({ path: 'body.endedAt', code: 'in-future' });
    const notADate = await post({ ref: 'complaint:1', startedAt: 'yesterday', endedAt: at('2026-03-09T08:00:00+01:00') });
    expect(notADate.statusCode).toBe(400);
    expect(notADate.json().errors[0].path).toBe('body.startedAt');
    const buyer = client(t.app, await login(t.app, 'commandes@paindore.demo'));
    const refused = await buyer.post('/api/work-timings', {
      ref: 'complaint:1',
      startedAt: at('2026-03-09T08:00:00+01:00'),
      endedAt: at('2026-03-09T08:10:00+01:00'),
    });
    expect(refused.statusCode).toBe(403);
  });
});
