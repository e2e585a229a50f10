import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/clock.ts';
import { createDocumentWorker } from '../../server/documents/document-worker.ts';
import { claimDocumentJob } from '../../server/documents/document-jobs.repository.ts';
import { produceAcknowledgement } from '../../server/documents/order-acknowledgement.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp, TEST_NOW } from '../helpers/test-app.ts';
import { demoIds } from './orders-fixtures.ts';

// Documents are printed after the commit of the change that calls for them (issue 11): what the desk sees meanwhile,
// what a crash, a failure or a second app node do to them. The worker is driven by its drain, on the test's clock.
describe.each(await testEngines())('documents printed after the commit on %s', (engine) => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let adv: ReturnType<typeof client>;
  const clock = fixedClock(TEST_NOW);
  const silent = { warn: () => {}, error: () => {}, info: () => {} } as never;

  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
    ids = await demoIds(t.handle.db);
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
  });
  afterAll(() => t.close());

  // One pallet of 1 kg flour packs: Cap Marché's minimum, so it confirms without a manager.
  const confirm = async (customerRef: string): Promise<{ id: number; number: string }> => {
    const draft = (
      await adv.post('/api/orders', {
        customerId: ids.customer('C001'),
        customerRef,
        channel: 'email',
        lines: [{ customerCode: 'CM-204512', quantity: 80 }], // the T55 1 kg: the T45 is short for Cap Marché (the demo's risk)
      })
    ).json();
    const res = await adv.post(`/api/orders/${draft.id}/confirm`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const filed = async (orderId: number) =>
    t.handle.db.selectFrom('documents').select(['id', 'filename']).where('orderId', '=', orderId).orderBy('id').execute();
  const preparing = async (orderId: number) => (await adv.get(`/api/orders/${orderId}/documents/preparing`)).json();

  it('answers the confirmation before the ARC exists, shows it being prepared, and a restarted node prints it', async () => {
    const order = await confirm('DJ-1');
    expect(await filed(order.id)).toEqual([]);
    expect(await preparing(order.id)).toEqual([
      { kind: 'order-acknowledgement', version: 1, status: 'preparing', attempts: 0, error: null, queuedAt: expect.any(String) },
    ]);
    // The process that committed dies before printing: another one (a restart) finds the job and prints it.
    const restarted = createDocumentWorker({ db: t.handle.db, log: silent, clock });
    expect(await restarted.drain()).toEqual({ produced: 1, retrying: 0, failed: 0 });
    expect((await filed(order.id)).map((d) => d.filename)).toEqual([`ARC-${order.number}.pdf`]);
    expect(await preparing(order.id)).toEqual([]);
    const emails = (await adv.get(`/api/orders/${order.id}/emails`)).json();
    expect(emails).toHaveLength(1);
    expect(await restarted.drain()).toEqual({ produced: 0, retrying: 0, failed: 0 });
    await restarted.close();
  });

  it('retries a print that failed, after its back-off, and files it once', async () => {
    const company = await t.handle.db.selectFrom('company').selectAll().executeTakeFirstOrThrow();
    await t.handle.db.deleteFrom('company').execute();
    const order = await confirm('DJ-2');
    expect(await t.app.documentJobs.drain()).toEqual({ produced: 0, retrying: 1, failed: 0 });
    const [waiting] = await preparing(order.id);
    expect(waiting).toMatchObject({ status: 'preparing', attempts: 1 });
    expect(waiting.error).toContain('company identity is not set up');
    await t.handle.db.insertInto('company').values(company).execute();
    // Not due before its back-off (a minute after the first failure).
    expect(await t.app.documentJobs.drain()).toEqual({ produced: 0, retrying: 0, failed: 0 });
    clock.advance(61_000);
    expect(await t.app.documentJobs.drain()).toEqual({ produced: 1, retrying: 0, failed: 0 });
    expect(await filed(order.id)).toHaveLength(1);
    expect(await preparing(order.id)).toEqual([]);
  });

  it('two app nodes draining at once print each document exactly once', async () => {
    const orders = [];
    for (let i = 0; i < 6; i++) orders.push(await confirm(`DJ-3-${i}`));
    const a = createDocumentWorker({ db: t.handle.db, log: silent, clock });
    const b = createDocumentWorker({ db: t.handle.db, log: silent, clock });
    const [ra, rb] = await Promise.all([a.drain(), b.drain()]);
    expect(ra.produced + rb.produced).toBe(6);
    for (const o of orders) {
      expect(await filed(o.id)).toHaveLength(1);
      expect((await adv.get(`/api/orders/${o.id}/emails`)).json()).toHaveLength(1);
    }
    await Promise.all([a.close(), b.close()]);
  });

  it('a node whose claim expired mid-print files nothing once another node has printed the job', async () => {
    const order = await confirm('DJ-4');
    const job = await t.handle.db.selectFrom('documentJobs').select('id').where('orderId', '=', order.id).executeTakeFirstOrThrow();
    const now = clock.now().toISOString();
    // Node A claims the job, then stalls past its claim; node B takes it over and prints it.
    const claimed = await claimDocumentJob(t.handle.db, job.id, now, now);
    expect(claimed).not.toBeNull();
    clock.advance(1_000);
    expect(await t.app.documentJobs.drain()).toMatchObject({ produced: 1 });
    // A wakes up and finishes its print: its filing transaction sees the job done and rolls back.
    expect(await produceAcknowledgement(t.handle.db, claimed!, clock.now().toISOString())).toBeNull();
    expect(await filed(order.id)).toHaveLength(1);
    expect((await adv.get(`/api/orders/${order.id}/emails`)).json()).toHaveLength(1);
  });
});
