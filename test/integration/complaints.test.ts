import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, type SettableClock } from '../../server/clock.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp } from '../helpers/test-app.ts';
import { type ClosedOrder, lastClosedOrder, tornSacks as tornSacksOf } from './complaints-fixtures.ts';
import { demoIds } from './orders-fixtures.ts';

/**
 * Scenario 9 on the API: Au Pain Doré calls on Monday 19 January 2026 at 08:30 about three torn sacks of its delivery
 * of Wednesday 14. The demo's CGV give artisans three working days for visible damage (art. 7): the last allowed day,
 * so in time; the same call a day later is not. The service clock runs from the call, the complaint waits in the
 * assistant's work list, and its answer moves it on.
 */
describe.each(await testEngines())('complaints on %s', (engine) => {
  let t: TestApp;
  let clock: SettableClock;
  let adv: ReturnType<typeof client>;
  let manager: ReturnType<typeof client>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let order: ClosedOrder;
  const monday = '2026-01-19T07:30:00.000Z'; // 08:30 in Paris, the demo's reference morning

  beforeAll(async () => {
    clock = fixedClock(monday);
    t = await createTestApp(engine, { clock });
    ids = await demoIds(t.handle.db);
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
    manager = client(t.app, await login(t.app, 'manager@demo.local'));
    order = await lastClosedOrder(adv, ids.customer('C021'));
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const tornSacks = () => tornSacksOf(ids.customer('C021'), order);

  it('records the torn sacks on the last allowed day: in time, with the clause, the dates and the clock', async () => {
    const res = await adv.post('/api/complaints', tornSacks());
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c.number).toMatch(/^REC-2026-\d{5}$/);
    expect(c.status).toBe('open');
    expect(c.deliveredOn).toBe('2026-01-14');
    expect(c.claimDeadline).toEqual({ kind: 'visible-damage', days: 3, date: '2026-01-19', withinTerms: true, clause: 'CGV 2026, art. 7' });
    expect(c.answerBy).toBe('2026-01-19T12:30');
    expect(c.resolveBy).toBe('2026-01-26');
    expect(c.overdue).toEqual({ answer: false, resolve: false });
    expect(c.lines).toEqual([expect.objectContaining({ productCode: 'FAR-T55-S25', quantity: 3 })]);
    expect(c.ownerName).not.toBeNull();
    expect(c.history.map((e: { action: string }) => e.action)).toEqual(['create']);

    const tasks = (await adv.get(`/api/tasks?status=open&complaintId=${c.id}`)).json().items;
    expect(tasks).toEqual([expect.objectContaining({ kind: 'complaint-answer', dueDate: '2026-01-19', priority: 1, complaintId: c.id })]);
  });

  it('the same call the next day is out of the terms; without reserves on the delivery note too', async () => {
    // A session lives by the clock too: each moment logs in afresh.
    clock.set('2026-01-20T09:00:00.000Z');
    const tuesday = client(t.app, await login(t.app, 'adv2@demo.local'));
    const late = (await tuesday.post('/api/complaints', tornSacks())).json();
    expect(late.claimDeadline).toMatchObject({ date: '2026-01-19', withinTerms: false });
    clock.set(monday);
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
    manager = client(t.app, await login(t.app, 'manager@demo.local'));
    const noReserves = (await adv.post('/api/complaints', { ...tornSacks(), reservesMade: false })).json();
    expect(noReserves.claimDeadline).toMatchObject({ date: '2026-01-19', withinTerms: false });
  });

  it('numbers follow each other without a gap', async () => {
    const all = (await adv.get(`/api/complaints?customerId=${ids.customer('C021')}`)).json().items as { number: string }[];
    const numbers = all.map((c) => Number(c.number.slice(-5))).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0] + i));
  });

  it('shows the seeded Pause Croustille complaint as past its answer time, and answering it stops that clock', async () => {
    const overdue = (await adv.get('/api/complaints?overdue=true')).json().items as { id: number; customerCode: string; overdue: object }[];
    const late = overdue.find((c) => c.customerCode === 'C042')!;
    expect(late.overdue).toEqual({ answer: true, resolve: false });
    expect(overdue.every((c) => c.customerCode !== 'C021')).toBe(true);

    const answered = await adv.post(`/api/complaints/${late.id}/answer`, { note: 'Reliquat annoncé pour mardi' });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'answered', overdue: { answer: false, resolve: false } });
    expect(answered.json().history.at(-1)).toMatchObject({ action: 'answered', note: 'Reliquat annoncé pour mardi' });
    const tasks = (await adv.get(`/api/tasks?status=open&complaintId=${late.id}`)).json().items;
    expect(tasks.map((x: { kind: string }) => x.kind)).toEqual(['complaint-resolve']);
    expect((await adv.get('/api/complaints?overdue=true')).json().items.some((c: { id: number }) => c.id === late.id)).toBe(false);

    const again = await adv.post(`/api/complaints/${late.id}/answer`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INVALID_TRANSITION');
    expect((await adv.post(`/api/complaints/${late.id}/close`, {})).statusCode).toBe(409);
  });

  it('refuses what does not hang together, naming the field', async () => {
    const other = (await adv.get(`/api/orders?customerId=${ids.customer('C022')}&status=closed`)).json().items[0];
    const cases: [Record<string, unknown>, string, string][] = [
      [{ orderId: other.id, deliveryId: undefined, lines: undefined }, 'body.orderId', 'not-found'],
      [{ lines: [{ orderLineId: tornSacks().lines[0].orderLineId, quantity: 999 }] }, 'body.lines.0.quantity', 'out-of-range'],
      [{ lines: [{ orderLineId: 2_000_000, quantity: 1 }] }, 'body.lines.0.orderLineId', 'not-found'],
      [{ reason: 'grumpy' }, 'body.reason', 'choice'],
      [{ description: '   ' }, 'body.description', 'pattern'],
      [{ customerId: 999_999, orderId: undefined, deliveryId: undefined, lines: undefined }, 'body.customerId', 'not-found'],
    ];
    for (const [change, path, code] of cases) {
      const res = await adv.post('/api/complaints', { ...tornSacks(), ...change });
      expect(res.statusCode, path).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors, path).toContainEqual(expect.objectContaining({ path, code }));
    }
    expect((await adv.get('/api/complaints/999999')).statusCode).toBe(404);
  });

  it('only the desk records; the whole staff reads', async () => {
    const admin = client(t.app, await login(t.app, 'admin@demo.local'));
    expect((await admin.post('/api/complaints', tornSacks())).statusCode).toBe(403);
    expect((await admin.get('/api/complaints')).statusCode).toBe(200);
    expect((await manager.post('/api/complaints', tornSacks())).statusCode).toBe(201);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/complaints' });
    expect(anonymous.statusCode).toBe(401);
  });
});
