import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/clock.ts';
import { satisfactionDue } from '../../server/satisfaction/satisfaction.service.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp } from '../helpers/test-app.ts';
import { lastClosedOrder, tornSacks } from './complaints-fixtures.ts';
import { demoIds } from './orders-fixtures.ts';

describe.each(await testEngines())('satisfaction interviews on %s', (engine) => {
  let t: TestApp;
  let adv: ReturnType<typeof client>;
  let ids: Awaited<ReturnType<typeof demoIds>>;

  beforeAll(async () => {
    t = await createTestApp(engine, { clock: fixedClock('2026-01-19T07:30:00.000Z') });
    ids = await demoIds(t.handle.db);
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it("Maison Lefèvre's yearly interview is due; the desk's new customers are not; a year on, they are", async () => {
    const due = (await adv.get('/api/satisfaction/due')).json().items as { customerCode: string; dueOn: string; rhythmMonths: number }[];
    expect(due.map((d) => d.customerCode)).toEqual(['C022']);
    expect(due[0]).toMatchObject({ rhythmMonths: 12, lastInterviewOn: '2024-12-10' });
    expect(await satisfactionDue(t.handle.db, '2026-01-19')).toEqual(due);
    const later = await satisfactionDue(t.handle.db, '2028-01-19');
    expect(later.length).toBeGreaterThan(5);
    expect(later[0].customerCode).toBe('C022');
  });

  it('a recorded interview is no longer due; a good one opens nothing', async () => {
    const res = await adv.post(`/api/customers/${ids.customer('C022')}/satisfaction`, {
      answers: [
        { question: 'punctuality', score: 9 },
        { question: 'overall', score: 8 },
      ],
      comment: 'Très contente du nouveau T65.',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ overall: 8, followUpTaskId: null, comment: 'Très contente du nouveau T65.' });
    expect((await adv.get('/api/satisfaction/due')).json().items).toEqual([]);
    const history = (await adv.get(`/api/customers/${ids.customer('C022')}/satisfaction`)).json().items as { overall: number }[];
    expect(history.map((i) => i.overall)).toEqual([8, 8]);
    expect((await adv.get('/api/customers/999999/satisfaction')).statusCode).toBe(404);
  });

  it("a low score opens the manager's follow-up, saying what was low", async () => {
    const res = await adv.post(`/api/customers/${ids.customer('C021')}/satisfaction`, {
      answers: [
        { question: 'punctuality', score: 3 },
        { question: 'overall', score: 7 },
      ],
      comment: 'Deux livraisons en retard ce mois-ci.',
    });
    const taskId = res.json().followUpTaskId as number;
    expect(taskId).toBeGreaterThan(0);
    const manager = client(t.app, await login(t.app, 'manager@demo.local'));
    const tasks = (await manager.get(`/api/tasks?status=open`)).json().items as { id: number; assigneeId: number; reason: string }[];
    const task = tasks.find((x) => x.id === taskId)!;
    expect(task.assigneeId).toBe(ids.user('manager@demo.local').id);
  });

  it('a settled complaint asks one question; an open one, or two questions, are refused', async () => {
    const customerId = ids.customer('C021');
    const complaint = (await adv.post('/api/complaints', tornSacks(customerId, await lastClosedOrder(adv, customerId)))).json<{
      id: number;
    }>();
    const one = { answers: [{ question: 'desk', score: 9 }], complaintId: complaint.id };
    expect((await adv.post(`/api/customers/${customerId}/satisfaction`, one)).statusCode).toBe(422);
    await adv.post(`/api/complaints/${complaint.id}/resolve`, { outcome: 'gesture', amountCents: 1500, note: 'Geste.' });
    const two = { ...one, answers: [...one.answers, { question: 'overall', score: 9 }] };
    expect((await adv.post(`/api/customers/${customerId}/satisfaction`, two)).json().errors).toContainEqual(
      expect.objectContaining({ path: 'body.answers', code: 'too-many' }),
    );
    expect((await adv.post(`/api/customers/${customerId}/satisfaction`, one)).statusCode).toBe(201);
    const bad = await adv.post(`/api/customers/${customerId}/satisfaction`, { answers: [{ question: 'overall', score: 11 }] });
    expect(bad.json().errors).toContainEqual(expect.objectContaining({ path: 'body.answers.0.score' }));
    const admin = client(t.app, await login(t.app, 'admin@demo.local'));
    expect(
      (await admin.post(`/api/customers/${customerId}/satisfaction`, { answers: [{ question: 'overall', score: 5 }] })).statusCode,
    ).toBe(403);
  });
});
