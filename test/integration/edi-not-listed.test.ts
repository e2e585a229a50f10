import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PARTNERS, demoInterchange, demoLine, demoOrder } from '../../server/edi/demo-orders.ts';
import { ingestFile } from '../../server/edi/ingest.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp, TEST_TODAY } from '../helpers/test-app.ts';

const [CAP, , EST] = DEMO_PARTNERS;

type Finding = {
  kind: string;
  lineNo: number | null;
  actor: string | null;
  answers: string[];
  description: string | null;
  code: string | null;
};
type Message = { id: number; findings: Finding[] };

/**
 * Issue 18, item 3 — the mapped EDI order no longer dead-ends. Cap Marché's Saran warehouse orders a line under its
 * own code with its own wording; the desk maps it from the products that wording names, the product is outside
 * Cap Marché's agreed assortment, the queue says a manager must approve, the assistant cannot, the manager lists
 * the product, and the order goes on as the partner's setting says: confirmed with its ORDRSP (Cap Marché confirms
 * on its own), or a draft ready to confirm (Marchés de l'Est does not). Either way the card leaves the queue.
 */
describe.each(await testEngines())('EDI: a mapped product outside the assortment, on %s', (engine) => {
  let t: TestApp;
  let n = 0;
  const ingest = (text: string) => {
    const file = path.join(t.dataDir, `not-listed-${++n}.edi`);
    fs.writeFileSync(file, text);
    return ingestFile(t.handle.db, file, { door: 'cli', clock: t.app.clock });
  };
  const messageOf = (orderNumber: string) =>
    t.handle.db.selectFrom('ediMessages').selectAll().where('documentNumber', '=', orderNumber).executeTakeFirstOrThrow();
  const productId = async (code: string) =>
    (await t.handle.db.selectFrom('products').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const orderStatus = async (id: number) =>
    (await t.handle.db.selectFrom('orders').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
  // Stock allows: 70 cases of the organic T65 (a layer: 10), 1 260 of crystal sugar (a pallet: 90).
  const unknownLine = (code: string, quantity: number) => ({
    lineNumber: 2,
    gtin: '',
    buyerCode: code,
    description: 'FARINE T65 BIO 1KG X10',
    quantity,
  });

  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t?.close());

  it('Cap Marché: map from the line’s wording, a manager lists the product, the order is confirmed with its ORDRSP, the card leaves', async () => {
    const adv = client(t.app, await login(t.app, 'adv@demo.local'));
    const manager = client(t.app, await login(t.app, 'manager@demo.local'));
    const order = { ...demoOrder(CAP, 701, TEST_TODAY, 1), lines: [demoLine(CAP.items[2], 1, 90, 'gtin'), unknownLine('CM-777001', 20)] };
    const [taken] = await ingest(demoInterchange(CAP, 'NOTLISTED-1', TEST_TODAY, [order]));
    expect(taken.messages[0].status).toBe('queued');
    const message = await messageOf(order.orderNumber);

    // The unknown code waits with the customer's own wording; the desk maps it.
    const card = () => adv.get('/api/edi/queue').then((r) => (r.json().items as Message[]).find((m) => m.id === message.id));
    const unknown = (await card())!.findings.find((f) => f.kind === 'unknown-product')!;
    expect(unknown).toMatchObject({ code: 'CM-777001', description: 'FARINE T65 BIO 1KG X10', actor: 'desk', answers: [] });

    // The picker proposes first the product that wording names, then what Cap Marché's assortment lists.
    const candidates = await adv.get(`/api/edi/messages/${message.id}/product-candidates?code=CM-777001`);
    expect(candidates.statusCode).toBe(200);
    const items = candidates.json().items as { code: string; listed: boolean }[];
    expect(items[0]).toMatchObject({ code: 'FAR-T65BIO-1KG', listed: false });
    expect(items.slice(1, 3).every((i) => i.listed)).toBe(true);
    expect(items.map((i) => i.code)).toContain('SUC-CRI-1KG'); // listed, though the wording does not name it
    expect((await adv.get(`/api/edi/messages/${message.id}/product-candidates`)).statusCode).toBe(400);

    const organic = await productId('FAR-T65BIO-1KG');
    const mapped = await adv.post(`/api/edi/messages/${message.id}/map-product`, { code: 'CM-777001', productId: organic });
    expect(mapped.json()).toMatchObject({ status: 'queued' });

    // Outside the assortment: the card says a manager must approve, and what the manager may answer.
    const notListed = (await card())!.findings.find((f) => f.kind === 'not-listed')!;
    expect(notListed).toMatchObject({ lineNo: 2, actor: 'manager', answers: ['approve-once', 'add-to-listing'] });

    // The assistant cannot answer for the manager.
    const body = { rule: 'not-listed', lineNo: 2, answer: 'add-to-listing', reason: 'Référencé à la demande de Cap Marché' };
    const refused = await adv.post(`/api/edi/messages/${message.id}/approve`, body);
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(await orderStatus(mapped.json().orderId)).toBe('draft');

    // A wrong answer is refused with its field: only a product outside the assortment can be listed.
    const wrong = await manager.post(`/api/edi/messages/${message.id}/approve`, { ...body, rule: 'min-order-value' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].path).toBe('body.answer');

    // The manager lists it: Cap Marché confirms on its own, so the order is confirmed and its ORDRSP written.
    const listed = await manager.post(`/api/edi/messages/${message.id}/approve`, body);
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toMatchObject({ status: 'accepted' });
    const orderId = listed.json().orderId as number;
    expect(await orderStatus(orderId)).toBe('confirmed');
    const edi = (await adv.get(`/api/orders/${orderId}/edi`)).json();
    expect(edi.outbound).toMatchObject([{ type: 'ORDRSP', status: 'written' }]);
    const assortment = (await adv.get(`/api/customers/${message.customerId}/assortment`)).json();
    expect(assortment.products.map((p: { productCode: string }) => p.productCode)).toContain('FAR-T65BIO-1KG');
    const timeline = await t.handle.db.selectFrom('auditEvents').select(['action', 'note']).where('orderId', '=', orderId).execute();
    expect(timeline).toContainEqual({ action: 'list_product', note: body.reason });

    // The card left the queue; the next order of that code passes straight through.
    expect(((await adv.get('/api/edi/queue')).json().items as Message[]).map((m) => m.id)).not.toContain(message.id);
    const next = { ...demoOrder(CAP, 702, TEST_TODAY, 1), lines: [demoLine(CAP.items[2], 1, 90, 'gtin'), unknownLine('CM-777001', 20)] };
    const [again] = await ingest(demoInterchange(CAP, 'NOTLISTED-2', TEST_TODAY, [next]));
    expect(again.messages[0]).toMatchObject({ status: 'accepted', reason: null });
  });

  it('Marchés de l’Est: approved once, the order is a draft ready to confirm, out of the queue; the next one asks again', async () => {
    const adv = client(t.app, await login(t.app, 'adv@demo.local'));
    const manager = client(t.app, await login(t.app, 'manager@demo.local'));
    const order = { ...demoOrder(EST, 711, TEST_TODAY, 1), lines: [demoLine(EST.items[1], 1, 90, 'gtin'), unknownLine('ME-777001', 10)] };
    await ingest(demoInterchange(EST, 'NOTLISTED-3', TEST_TODAY, [order]));
    const message = await messageOf(order.orderNumber);
    const mapped = await adv.post(`/api/edi/messages/${message.id}/map-product`, {
      code: 'ME-777001',
      productId: await productId('FAR-T65BIO-1KG'),
    });
    expect(mapped.json()).toMatchObject({ status: 'queued' });

    const once = await manager.post(`/api/edi/messages/${message.id}/approve`, {
      rule: 'not-listed',
      lineNo: 2,
      answer: 'approve-once',
      reason: 'Dépannage exceptionnel',
    });
    expect(once.json()).toMatchObject({ status: 'accepted' });
    const orderId = once.json().orderId as number;
    const detail = (await adv.get(`/api/orders/${orderId}`)).json();
    expect(detail.status).toBe('draft');
    expect(detail.findings.filter((f: { severity: string; resolution: unknown }) => f.severity !== 'info' && !f.resolution)).toEqual([]);
    expect((await adv.post(`/api/orders/${orderId}/confirm`)).statusCode).toBe(200);
    expect(((await adv.get('/api/edi/queue')).json().items as Message[]).map((m) => m.id)).not.toContain(message.id);

    // Approved for that order only: the assortment did not change, the next order waits for a manager again.
    const next = { ...demoOrder(EST, 712, TEST_TODAY, 1), lines: [demoLine(EST.items[1], 1, 90, 'gtin'), unknownLine('ME-777001', 10)] };
    const [again] = await ingest(demoInterchange(EST, 'NOTLISTED-4', TEST_TODAY, [next]));
    expect(again.messages[0].status).toBe('queued');
    const waiting = await messageOf(next.orderNumber);
    // Approved from the manager's approvals instead, the message goes on all the same and leaves the queue.
    expect((await manager.post(`/api/orders/${waiting.orderId}/approve`, { reason: 'Dépannage, encore' })).statusCode).toBe(200);
    expect((await messageOf(next.orderNumber)).status).toBe('accepted');
    expect(((await adv.get('/api/edi/queue')).json().items as Message[]).map((m) => m.id)).not.toContain(waiting.id);
  });
});
