import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Call, CallList } from '../../core/calls/calls.schemas.ts';
import type { Day, TeamLoad } from '../../core/day/day.schemas.ts';
import type { TimelinePage } from '../../core/customers/timeline.schemas.ts';
import { fixedClock } from '../../server/clock.ts';
import { sweepInboxes } from '../../server/edi/inbox-watcher.ts';
import { runRiskScan } from '../../server/risks/risk-scan.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp } from '../helpers/test-app.ts';
import { demoIds } from './orders-fixtures.ts';

/** Monday 08:30 at Moulins Delaunay: Léa opens her day (scenario 1), takes her calls, and the manager sees the team. */
describe.each(await testEngines())("the assistant's day on %s", (engine) => {
  let t: TestApp;
  let adv: ReturnType<typeof client>;
  let manager: ReturnType<typeof client>;
  let martin: number;
  const clock = fixedClock('2026-03-09T08:30:00+01:00');

  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
    await sweepInboxes(t.handle.db, { clock, settleMs: 0 });
    await runRiskScan(t.handle.db, clock.now());
    martin = (await demoIds(t.handle.db)).customer('C020');
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
    manager = client(t.app, await login(t.app, 'manager@demo.local'));
  }, 180_000);

  afterAll(async () => {
    await t?.close();
  });

  it('plans her Monday: the EDI orders, the risks, the artisans at their time, learned estimates, and says it does not fit', async () => {
    const res = await adv.get('/api/day');
    expect(res.statusCode).toBe(200);
    const day = res.json<Day>();
    expect(day.date).toBe('2026-03-09');
    const kinds = new Set(day.items.map((i) => i.kind));
    for (const k of ['edi-order', 'risk', 'ordering-call', 'call-back'] as const) expect(kinds).toContain(k);
    const martinCall = day.items.find((i) => i.ref === `ordering-call:${martin}`)!;
    expect(martinCall).toMatchObject({ at: '10:00', startsAt: '10:00', estimateSource: 'own-history' });
    expect(martinCall.handovers[0]?.text).toContain('gruau');
    expect(day.items.filter((i) => i.kind === 'ordering-call').length).toBeGreaterThanOrEqual(4);
    // Her appointment at 14:00: the afternoon calls do not fit, and Carnet proposes to hand them over.
    expect(day.capacityMinutes).toBe(270);
    expect(day.overMinutes).toBeGreaterThan(0);
    expect(day.proposals[0]).toMatchObject({ action: 'hand-over', toUserId: expect.any(Number) });
    expect(day.items.find((i) => i.kind === 'edi-order')!.estimateSource).not.toBe('default');
  });

  it('logs a call, shows it on the timeline and in the log, and the day re-plans and shows the change', async () => {
    await adv.post('/api/day/seen', { date: '2026-03-09', refs: (await adv.get('/api/day')).json<Day>().items.map((i) => i.ref) });
    clock.set('2026-03-09T10:05:00+01:00');
    // Over an hour without a request ends a session (inactivity): at 10:05 the desk logs in again, as a person would.
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
    manager = client(t.app, await login(t.app, 'manager@demo.local'));
    const logged = await adv.post('/api/calls', {
      customerId: martin,
      direction: 'out',
      purpose: 'ordering',
      startedAt: '2026-03-09T10:00:00+01:00',
      endedAt: '2026-03-09T10:04:30+01:00',
      outcome: 'no-answer',
      note: 'Sonne dans le vide',
    });
    expect(logged.statusCode).toBe(201);
    expect(logged.json<Call>()).toMatchObject({ durationSeconds: 270, outcome: 'no-answer', customerName: 'Boulangerie Martin' });
    const day = (await adv.get('/api/day')).json<Day>();
    expect(day.items.find((i) => i.ref === `ordering-call:${martin}`)).toMatchObject({ at: '11:04' });

    const timeline = (await adv.get(`/api/customers/${martin}/timeline?limit=5`)).json<TimelinePage>();
    expect(timeline.items[0]).toMatchObject({ kind: 'call', params: { outcome: 'no-answer' } });
    const found = (await adv.get('/api/calls?q=vide')).json<CallList>();
    expect(found.items.map((c) => c.id)).toContain(logged.json<Call>().id);
    const mine = (await adv.get(`/api/calls?customerId=${martin}&from=2026-03-09&to=2026-03-09`)).json<CallList>();
    expect(mine.items).toHaveLength(1);
  });

  it('refuses a call that ends before it starts or names another customer’s order, with the field', async () => {
    const res = await adv.post('/api/calls', {
      customerId: martin,
      direction: 'in',
      purpose: 'information',
      startedAt: '2026-03-09T10:00:00+01:00',
      endedAt: '2026-03-09T09:00:00+01:00',
      outcome: 'handled',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ path: 'body.endedAt', code: 'before-start' });
    const bad = await adv.post('/api/calls', { customerId: martin, direction: 'sideways' });
    expect(bad.statusCode).toBe(400);
  });

  it('reads and sets a call rhythm', async () => {
    const got = await adv.get(`/api/customers/${martin}/call-rhythm`);
    expect(got.json()).toMatchObject({ rhythm: { weekdays: ['MON', 'THU'], from: '10:00', purpose: 'ordering' } });
    const put = await adv.put(`/api/customers/${martin}/call-rhythm`, {
      rhythm: { weekdays: ['TUE'], from: '09:00', to: '09:30', purpose: 'ordering' },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().rhythm).toMatchObject({ weekdays: ['TUE'], from: '09:00' });
    const bad = await adv.put(`/api/customers/${martin}/call-rhythm`, {
      rhythm: { weekdays: ['TUE'], from: '10:00', to: '09:30', purpose: 'ordering' },
    });
    expect(bad.statusCode).toBe(400);
    await adv.put(`/api/customers/${martin}/call-rhythm`, {
      rhythm: { weekdays: ['MON', 'THU'], from: '10:00', to: '10:30', purpose: 'ordering' },
    });
  });

  it("lets the manager see the team's load and hand an item over; an assistant may not", async () => {
    const team = await manager.get('/api/day/team');
    expect(team.statusCode).toBe(200);
    const load = team.json<TeamLoad>();
    expect(load.assistants).toHaveLength(2);
    expect(load.assistants[0].week).toHaveLength(5);
    const lea = load.assistants.find((a) => a.name === 'Léa Moreau')!;
    const hugo = load.assistants.find((a) => a.name === 'Hugo Bernard')!;
    expect(lea.today.overMinutes).toBeGreaterThan(0);

    const day = (await adv.get('/api/day')).json<Day>();
    const ref = day.proposals[0].ref;
    expect((await adv.post(`/api/day/items/${encodeURIComponent(ref)}/assign`, { userId: hugo.userId })).statusCode).toBe(403);
    expect((await adv.get(`/api/day?userId=${hugo.userId}`)).statusCode).toBe(403);
    const moved = await manager.post(`/api/day/items/${encodeURIComponent(ref)}/assign`, { userId: hugo.userId });
    expect(moved.statusCode).toBe(200);
    const hugoDay = (await manager.get(`/api/day?userId=${hugo.userId}`)).json<Day>();
    expect(hugoDay.items.map((i) => i.ref)).toContain(ref);
    expect((await adv.get('/api/day')).json<Day>().items.map((i) => i.ref)).not.toContain(ref);

    // A whole-day absence covered by a colleague moves her portfolio to him for that day.
    const absence = await manager.post('/api/day/absences', {
      userId: lea.userId,
      dateFrom: '2026-03-10',
      dateTo: '2026-03-10',
      coveredById: hugo.userId,
    });
    expect(absence.statusCode).toBe(201);
    const tuesday = (await manager.get(`/api/day?userId=${lea.userId}&date=2026-03-10`)).json<Day>();
    expect(tuesday.capacityMinutes).toBe(0);
    expect(tuesday.items).toHaveLength(0);

    // Listed on the team's load, and removed: her Tuesday is hers again; removing it twice finds nothing.
    const id = absence.json<{ id: number }>().id;
    const listed = (await manager.get('/api/day/team')).json<TeamLoad>();
    expect(listed.assistants.find((a) => a.userId === lea.userId)?.absences.map((a) => a.id)).toContain(id);
    expect((await adv.delete(`/api/day/absences/${id}`)).statusCode).toBe(403);
    expect((await manager.delete(`/api/day/absences/${id}`)).statusCode).toBe(204);
    expect((await manager.get(`/api/day?userId=${lea.userId}&date=2026-03-10`)).json<Day>().capacityMinutes).toBeGreaterThan(0);
    expect((await manager.delete(`/api/day/absences/${id}`)).statusCode).toBe(404);

    const note = await adv.post('/api/handover-notes', { itemRef: ref, text: 'Il préfère être appelé sur le portable.' });
    expect(note.statusCode).toBe(201);
    const notes = await manager.get(`/api/handover-notes?itemRef=${encodeURIComponent(ref)}`);
    expect(notes.json().items[0].text).toContain('portable');
  });
});
