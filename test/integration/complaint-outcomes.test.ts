import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/clock.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp } from '../helpers/test-app.ts';
import { type ClosedOrder, lastClosedOrder, tornSacks } from './complaints-fixtures.ts';
import { demoIds, tableCounts } from './orders-fixtures.ts';

/** Each outcome settles the complaint and changes exactly what it says: nothing else moves. */
describe.each(await testEngines())('complaint outcomes on %s', (engine) => {
  let t: TestApp;
  let adv: ReturnType<typeof client>;
  let manager: ReturnType<typeof client>;
  let customerId: number;
  let order: ClosedOrder;
  const complain = async () => (await adv.post('/api/complaints', tornSacks(customerId, order))).json<{ id: number; number: string }>();
  const creditNotes = async () => t.handle.db.selectFrom('creditNotes').select(['number', 'netCents']).orderBy('id').execute();

  beforeAll(async () => {
    t = await createTestApp(engine, { clock: fixedClock('2026-01-19T07:30:00.000Z') });
    const ids = await demoIds(t.handle.db);
    customerId = ids.customer('C021');
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
    manager = client(t.app, await login(t.app, 'manager@demo.local'));
    order = await lastClosedOrder(adv, customerId);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('a refusal records its reason and creates nothing', async () => {
    const c = await complain();
    const before = await tableCounts(t.handle.db);
    const res = await adv.post(`/api/complaints/${c.id}/resolve`, {
      outcome: 'refusal',
      refusalReason: 'no-reserves',
      note: 'Pas de réserve sur le BL.',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'refused',
      resolution: {
        outcome: 'refusal',
        refusalReason: 'no-reserves',
        gestureCents: null,
        creditNote: null,
        note: 'Pas de réserve sur le BL.',
      },
    });
    expect(res.json().history.at(-1)).toMatchObject({ action: 'refused', note: 'Pas de réserve sur le BL.' });
    const after = await tableCounts(t.handle.db);
    expect({ ...after, auditEvents: 0 }).toEqual({ ...before, auditEvents: 0 });
    expect(after.auditEvents).toBe(before.auditEvents + 1);
    expect((await adv.get(`/api/tasks?status=open&complaintId=${c.id}`)).json().items).toEqual([]);
  });

  it('a gesture keeps its amount, no credit note, no document', async () => {
    const c = await complain();
    const before = await tableCounts(t.handle.db);
    const res = await adv.post(`/api/complaints/${c.id}/resolve`, {
      outcome: 'gesture',
      amountCents: 2000,
      note: 'Port offert sur la prochaine commande.',
    });
    expect(res.json()).toMatchObject({ status: 'resolved', resolution: { outcome: 'gesture', gestureCents: 2000, creditNote: null } });
    expect(await tableCounts(t.handle.db)).toMatchObject({ documents: before.documents, orders: before.orders });
  });

  it('a credit note credits the torn sacks at what was invoiced, AV-numbered, with its PDF', async () => {
    const c = await complain();
    const before = await tableCounts(t.handle.db);
    const res = await adv.post(`/api/complaints/${c.id}/resolve`, { outcome: 'credit-note', note: 'Avoir des trois sacs.' });
    expect(res.statusCode).toBe(200);
    const note = res.json().resolution.creditNote;
    expect(note).toMatchObject({ number: 'AV-2026-00001', netCents: 4950, vatCents: 272, grossCents: 5222 });
    expect(await tableCounts(t.handle.db)).toMatchObject({ documents: before.documents + 1, orders: before.orders });
    const pdf = await adv.get(`/api/documents/${note.documentId}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('above the threshold an assistant is refused and a manager issues it', async () => {
    const c = await complain();
    const refused = await adv.post(`/api/complaints/${c.id}/resolve`, {
      outcome: 'credit-note',
      amountCents: 60_000,
      note: 'Avoir global.',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toContainEqual(expect.objectContaining({ path: 'body.amountCents', code: 'needs-approval' }));
    expect((await adv.get(`/api/complaints/${c.id}`)).json().status).toBe('open');
    const granted = await manager.post(`/api/complaints/${c.id}/resolve`, {
      outcome: 'credit-note',
      amountCents: 60_000,
      note: 'Avoir global.',
    });
    expect(granted.json().resolution.creditNote).toMatchObject({ netCents: 60_000, vatCents: 3300 });
  });

  it('credit notes issued at once are numbered without a gap', async () => {
    const complaints = await Promise.all(Array.from({ length: 6 }, complain));
    const answers = await Promise.all(
      complaints.map((c) => adv.post(`/api/complaints/${c.id}/resolve`, { outcome: 'credit-note', note: 'Avoir.' })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(complaints.map(() => 200));
    const numbers = (await creditNotes()).map((n) => Number(n.number.slice(-5))).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it('refuses an outcome without what it needs, and a second resolution', async () => {
    const c = await complain();
    const noReason = await adv.post(`/api/complaints/${c.id}/resolve`, { outcome: 'refusal', note: 'Non.' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toContainEqual(expect.objectContaining({ path: 'body.refusalReason', code: 'required' }));
    const noAmount = await adv.post(`/api/complaints/${c.id}/resolve`, { outcome: 'gesture', note: 'Geste.' });
    expect(noAmount.json().errors).toContainEqual(expect.objectContaining({ path: 'body.amountCents', code: 'required' }));
    const unknown = await adv.post(`/api/complaints/${c.id}/resolve`, { outcome: 'replacement', note: 'Remplacement.' });
    expect(unknown.statusCode).toBe(400);
    await adv.post(`/api/complaints/${c.id}/resolve`, { outcome: 'gesture', amountCents: 500, note: 'Geste.' });
    const again = await adv.post(`/api/complaints/${c.id}/resolve`, { outcome: 'gesture', amountCents: 500, note: 'Geste.' });
    expect(again.statusCode).toBe(409);
    const admin = client(t.app, await login(t.app, 'admin@demo.local'));
    expect((await admin.post(`/api/complaints/${c.id}/resolve`, { outcome: 'gesture', amountCents: 500, note: 'x' })).statusCode).toBe(403);
  });
});
