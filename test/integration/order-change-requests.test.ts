import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PARTNERS, demoInterchange, demoLine, demoOrder } from '../../server/edi/demo-orders.ts';
import { ingestFile } from '../../server/edi/ingest.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp, TEST_TODAY } from '../helpers/test-app.ts';
import { demoIds, stockOf } from './orders-fixtures.ts';

type Line = { id: number; lineNo: number; productId: number; productCode: string; quantity: number; status: string };
type Detail = {
  id: number;
  number: string;
  status: string;
  lines: Line[];
  deliveries: { number: string; status: string; warehouseId: number; lines: { orderLineId: number; quantity: number }[] }[];
  acknowledgementVersion: number | null;
  findings: { rule: string; severity: string; resolution: { kind: string; userName: string | null; reason: string } | null }[];
};
type Request = {
  id: number;
  orderId: number;
  status: string;
  change: unknown;
  summary: { lines: { lineId: number | null; before: number | null; after: number | null; productCode: string }[] };
  findings: { rule: string; severity: string }[];
  requestedByName: string | null;
  decidedByName: string | null;
  reason: string | null;
};

// A change to a confirmed order that needs a manager waits for one (issue 16 § 2): the assistant submits what the
// PATCH refused, one at a time per order; the manager approves (made as the PATCH makes it, findings answered) or
// refuses (the reason kept); an order that moved meanwhile is not changed blindly (409); buyers and roles kept out.
describe.each(await testEngines())('changes waiting for a manager on %s', (engine) => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let adv: ReturnType<typeof client>;
  let manager: ReturnType<typeof client>;
  const FRIDAY = '2026-03-13';
  /** More than the stock promises on Friday and than Martin's credit allows: findings a manager answers. */
  const TOO_MANY = 5_000;

  beforeAll(async () => {
    t = await createTestApp(engine);
    ids = await demoIds(t.handle.db);
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
    manager = client(t.app, await login(t.app, 'manager@demo.local'));
  });
  afterAll(() => t?.close());

  /** Boulangerie Martin's Friday order, 15 sacks of T65 and 4 of T80, confirmed (released when asked). */
  async function martinOrder(release = false): Promise<Detail> {
    const res = await adv.post('/api/orders', {
      customerId: ids.customer('C020'),
      channel: 'phone',
      requestedDate: FRIDAY,
      lines: [
        { productId: ids.product('FAR-T65-S25').id, quantity: 15 },
        { productId: ids.product('FAR-T80-S25').id, quantity: 4 },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const confirmed = await adv.post(`/api/orders/${res.json().id}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    let order = confirmed.json<Detail>();
    if (release) order = (await adv.post(`/api/orders/${order.id}/release`)).json<Detail>();
    return order;
  }
  const tooMany = (order: Detail) => ({ lines: [{ id: order.lines[0].id, quantity: TOO_MANY }] });
  const submit = async (order: Detail, body: unknown = tooMany(order)) => {
    const res = await adv.post(`/api/orders/${order.id}/change-requests`, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Request>();
  };
  const events = async (id: number) => (await adv.get(`/api/orders/${id}/events`)).json<{ action: string; note: string | null }[]>();

  it('keeps the change the PATCH refused, with its findings and the lines before and after, one pending per order', async () => {
    const order = await martinOrder();
    expect((await adv.patch(`/api/orders/${order.id}`, tooMany(order))).statusCode).toBe(422);
    const request = await submit(order);
    expect(request).toMatchObject({ orderId: order.id, status: 'pending', change: tooMany(order), requestedByName: expect.any(String) });
    expect(request.findings.map((f) => f.rule)).toContain('availability');
    expect(request.summary.lines).toEqual([expect.objectContaining({ lineId: order.lines[0].id, before: 15, after: TOO_MANY })]);
    // Nothing changed on the order, which says what waits; the timeline too.
    const reread = (await adv.get(`/api/orders/${order.id}`)).json<Detail>();
    expect(reread.lines[0].quantity).toBe(15);
    expect(reread.acknowledgementVersion).toBe(1);
    expect((await adv.get(`/api/orders/${order.id}/change-requests`)).json().items).toEqual([expect.objectContaining({ id: request.id })]);
    expect((await events(order.id)).at(-1)!.action).toBe('change_requested');

    const second = await adv.post(`/api/orders/${order.id}/change-requests`, { lines: [{ id: order.lines[1].id, quantity: TOO_MANY }] });
    expect(second.statusCode).toBe(409);
    expect(second.json().detail).toContain('already has a change waiting');
    const queue = (await manager.get('/api/change-requests?status=pending')).json<{ items: Request[] }>();
    expect(queue.items.map((i) => i.id)).toContain(request.id);
  });

  it('refuses to keep a change that changes nothing or needs no manager (422), or one on a draft', async () => {
    const order = await martinOrder();
    const none = await adv.post(`/api/orders/${order.id}/change-requests`, { note: null });
    expect(none.statusCode).toBe(422);
    expect(none.json().errors[0].code).toBe('nothing-changes');
    const easy = await adv.post(`/api/orders/${order.id}/change-requests`, { lines: [{ id: order.lines[0].id, quantity: 16 }] });
    expect(easy.statusCode).toBe(422);
    expect(easy.json().errors[0].code).toBe('no-approval-needed');
    const draft = (
      await adv.post('/api/orders', {
        customerId: ids.customer('C020'),
        channel: 'phone',
        requestedDate: FRIDAY,
        lines: [{ productId: ids.product('FAR-T65-S25').id, quantity: 15 }],
      })
    ).json<Detail>();
    expect((await adv.post(`/api/orders/${draft.id}/change-requests`, tooMany(draft))).statusCode).toBe(409);
  });

  it('approving makes the change as the PATCH does: findings answered by the manager, audited, acknowledged as version 2, deliveries follow', async () => {
    const order = await martinOrder(true);
    const delivery = order.deliveries[0];
    const reserved = async () =>
      (await stockOf(t.handle.db, [order.lines[0].productId])).find((s) => s.warehouseId === delivery.warehouseId)!.reserved;
    const before = await reserved();
    const request = await submit(order, { lines: [{ id: order.lines[0].id, quantity: TOO_MANY }] });

    const res = await manager.post(`/api/change-requests/${request.id}/approve`, { reason: 'Le client prend le reliquat plus tard' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Request>()).toMatchObject({
      status: 'approved',
      reason: 'Le client prend le reliquat plus tard',
      decidedByName: expect.any(String),
    });
    const changed = (await adv.get(`/api/orders/${order.id}`)).json<Detail>();
    expect(changed).toMatchObject({ status: 'released', acknowledgementVersion: 2 });
    expect(changed.lines[0].quantity).toBe(TOO_MANY);
    expect(changed.deliveries[0]).toMatchObject({ number: delivery.number, status: 'planned' });
    expect(changed.deliveries[0].lines.find((l) => l.orderLineId === order.lines[0].id)?.quantity).toBeGreaterThan(15);
    expect(await reserved()).toBeGreaterThanOrEqual(before);
    const availability = changed.findings.find((f) => f.rule === 'availability')!;
    expect(availability.resolution).toMatchObject({ reason: 'Le client prend le reliquat plus tard', userName: expect.any(String) });
    const actions = (await events(order.id)).map((e) => e.action);
    expect(actions.slice(-2)).toEqual(['change', 'change_approved']);
    // The assistant who asked finds the answer in her tasks.
    const tasks = (await adv.get(`/api/tasks?status=open&kind=order-change-approved`)).json<{ items: { orderId: number }[] }>();
    expect(tasks.items.map((i) => i.orderId)).toContain(order.id);
    // Answered once: a second answer is a conflict.
    const again = await manager.post(`/api/change-requests/${request.id}/refuse`, { reason: 'Trop tard' });
    expect(again.statusCode, again.body).toBe(409);
    // The queue no longer shows it.
    const queue = (await manager.get('/api/change-requests?status=pending')).json<{ items: Request[] }>();
    expect(queue.items.map((i) => i.id)).not.toContain(request.id);
    // Back to 15 sacks (less needs nobody), so Martin's credit and the stock are as before for the next cases.
    const back = await adv.patch(`/api/orders/${order.id}`, { lines: [{ id: order.lines[0].id, quantity: 15 }] });
    expect(back.statusCode, back.body).toBe(200);
  });

  it('refusing keeps the reason, leaves the order as it is and tells the assistant; the next change can wait in turn', async () => {
    const order = await martinOrder();
    const request = await submit(order);
    const res = await manager.post(`/api/change-requests/${request.id}/refuse`, { reason: 'Pas de stock avant avril' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Request>()).toMatchObject({ status: 'refused', reason: 'Pas de stock avant avril' });
    const reread = (await adv.get(`/api/orders/${order.id}`)).json<Detail>();
    expect(reread.lines[0].quantity).toBe(15);
    expect(reread.acknowledgementVersion).toBe(1);
    expect((await events(order.id)).at(-1)).toMatchObject({ action: 'change_refused', note: 'Pas de stock avant avril' });
    const tasks = (await adv.get(`/api/tasks?status=open&kind=order-change-refused`)).json<{ items: { orderId: number }[] }>();
    expect(tasks.items.map((i) => i.orderId)).toContain(order.id);
    await submit(order); // no longer pending: another may wait
  });

  it('an order that changed or shipped since the change was asked is not changed: 409 saying why', async () => {
    const moved = await martinOrder();
    const stale = await submit(moved);
    expect((await adv.patch(`/api/orders/${moved.id}`, { note: 'Livrer par l’arrière' })).statusCode).toBe(200);
    const res = await manager.post(`/api/change-requests/${stale.id}/approve`, { reason: 'Accord' });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('changed after the change was asked');
    expect((await adv.get(`/api/orders/${moved.id}`)).json<Detail>().lines[0].quantity).toBe(15);
    // Still pending: the manager refuses it, and the assistant asks again on the order as it stands.
    expect((await manager.post(`/api/change-requests/${stale.id}/refuse`, { reason: 'Commande modifiée depuis' })).statusCode).toBe(200);

    const gone = await martinOrder(true);
    const late = await submit(gone);
    expect((await adv.post(`/api/orders/${gone.id}/ship`, { deliveryNoteNumber: `BL-CR-${gone.id}` })).statusCode).toBe(200);
    const shipped = await manager.post(`/api/change-requests/${late.id}/approve`, { reason: 'Accord' });
    expect(shipped.statusCode).toBe(409);
    expect(shipped.json().detail).toContain(`BL-CR-${gone.id}`);
  });

  it('assistants submit, managers and admins decide, nobody else', async () => {
    const order = await martinOrder();
    const request = await submit(order);
    const admin = client(t.app, await login(t.app, 'admin@demo.local'));
    expect((await admin.post(`/api/orders/${order.id}/change-requests`, tooMany(order))).statusCode).toBe(403);
    expect((await adv.get('/api/change-requests?status=pending')).statusCode).toBe(403);
    expect((await adv.post(`/api/change-requests/${request.id}/approve`, { reason: 'Moi-même' })).statusCode).toBe(403);
    expect((await admin.get('/api/change-requests?status=pending')).statusCode).toBe(200);
    const short = await admin.post(`/api/change-requests/${request.id}/refuse`, { reason: '' });
    expect(short.statusCode).toBe(400);
    expect((await admin.post(`/api/change-requests/${request.id}/refuse`, { reason: 'Hors délai' })).statusCode).toBe(200);
  });

  it('approving a change to an EDI order answers the partner with a new ORDRSP, as the PATCH does', async () => {
    const [CAP] = DEMO_PARTNERS;
    // Cap Marché orders its caster sugar in cases of 10 packs: 16 cases clear its minimum order.
    await t.handle.db.updateTable('customerProductCodes').set({ unitFactor: 10 }).where('code', '=', 'CM-301877').execute();
    const sugar = CAP.items.find((i) => i.code === 'CM-301877')!;
    const file = path.join(t.dataDir, 'change-request.edi');
    fs.writeFileSync(
      file,
      demoInterchange(CAP, 'CHR-802', TEST_TODAY, [{ ...demoOrder(CAP, 802, TEST_TODAY, 1), lines: [demoLine(sugar, 1, 16, 'buyer')] }]),
    );
    const [r] = await ingestFile(t.handle.db, file, { door: 'cli', clock: t.app.clock });
    expect(r.messages[0].status, JSON.stringify(r.messages[0])).toBe('accepted');
    const order = (await adv.get(`/api/orders/${r.messages[0].orderId}`)).json<Detail>();
    const ordrsp = () =>
      t.handle.db.selectFrom('ediOutbound').select('id').where('orderId', '=', order.id).where('type', '=', 'ORDRSP').execute();
    const before = (await ordrsp()).length;
    const request = await submit(order, { lines: [{ id: order.lines[0].id, quantity: 900_000 }] });
    const res = await manager.post(`/api/change-requests/${request.id}/approve`, { reason: 'Commande promotionnelle annoncée' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await adv.get(`/api/orders/${order.id}`)).json<Detail>().lines[0].quantity).toBe(900_000);
    expect((await ordrsp()).length).toBe(before + 1);
  });
});
