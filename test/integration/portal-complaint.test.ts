import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortalComplaintSchema } from '../../core/complaints/complaints.schemas.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp } from '../helpers/test-app.ts';
import { lastClosedOrder, tornSacks } from './complaints-fixtures.ts';
import { demoIds } from './orders-fixtures.ts';

/**
 * Au Pain Doré's buyer files her torn sacks from the portal: she gets back what she said and when we answer, never
 * the desk's reading of it (who owns it, its queue, the mood we noted, the claim-deadline judgement, lots, history).
 */
describe.each(await testEngines())('a complaint filed from the portal on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('answers the buyer her view of it, and the desk the whole complaint', async () => {
    const ids = await demoIds(t.handle.db);
    const adv = client(t.app, await login(t.app, 'adv@demo.local'));
    const buyer = client(t.app, await login(t.app, 'commandes@paindore.demo'));
    const order = await lastClosedOrder(adv, ids.customer('C021'));

    const filed = await buyer.post('/api/complaints', tornSacks(ids.customer('C021'), order));
    expect(filed.statusCode, filed.body).toBe(201);
    const mine = filed.json();
    expect(Object.keys(mine).sort()).toEqual(Object.keys(PortalComplaintSchema.properties).sort());
    expect(mine).toMatchObject({ customerName: 'Au Pain Doré', channel: 'portal', status: 'open', answer: null, photos: [] });
    expect(mine.lines).toEqual([
      { id: expect.any(Number), productCode: 'FAR-T55-S25', productName: expect.any(String), saleUnit: expect.any(String), quantity: 3 },
    ]);
    for (const internal of ['ownerId', 'ownerName', 'queue', 'mood', 'claimDeadline', 'overdue', 'lots', 'history', 'resolution'])
      expect(mine).not.toHaveProperty(internal);

    const desk = (await adv.get(`/api/complaints/${mine.id}`)).json();
    expect(desk).toMatchObject({ number: mine.number, channel: 'portal' });
    expect(desk.ownerName).not.toBeNull();
    // The mood is the assistant's reading of a call: the buyer's "annoyed" is not taken as one.
    expect(desk.mood).toBeNull();
    expect(desk.history.map((e: { action: string }) => e.action)).toEqual(['create']);

    // The desk's own filing still answers in full.
    const taken = (await adv.post('/api/complaints', tornSacks(ids.customer('C021'), order))).json();
    expect(taken).toHaveProperty('history');
    expect(taken).toHaveProperty('claimDeadline.clause');
  });
});
