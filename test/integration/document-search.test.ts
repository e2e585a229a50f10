import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../core/calendar/dates.ts';
import type { FiledDocument } from '../../core/documents/document-search.schemas.ts';
import { testEngines } from '../helpers/engines.ts';
import { multipart } from '../helpers/multipart.ts';
import { client, createTestApp, login, TEST_TODAY, type TestApp } from '../helpers/test-app.ts';
import { demoIds } from './orders-fixtures.ts';

/** Issue 16, item 5: every document kept, found by customer, order, kind, number and date, with its versions. */
describe.each(await testEngines())('documents filed and found on %s', (engine) => {
  let t: TestApp;
  let adv: ReturnType<typeof client>;
  let admin: ReturnType<typeof client>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let order: { id: number; number: string };

  beforeAll(async () => {
    t = await createTestApp(engine);
    ids = await demoIds(t.handle.db);
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
    const adminSession = await login(t.app, 'admin@demo.local');
    admin = client(t.app, adminSession);
    order = (
      await adv.post('/api/orders', {
        customerId: ids.customer('C001'),
        channel: 'phone',
        lines: [{ customerCode: 'CM-204512', quantity: 80 }], // the T55 1 kg: the T45 is short for Cap Marché (the demo's risk)
      })
    ).json();
    for (const step of ['confirm', 'release', 'ship']) expect((await adv.post(`/api/orders/${order.id}/${step}`)).statusCode).toBe(200);
    await t.app.documentJobs.drain(); // the acknowledgement and the delivery note, printed after their commits
    const body = multipart(
      { filename: 'inventaire-mars.csv', content: 'warehouseCode;productCode;onHand\r\nWH-MOULIN;FAR-T55-S25;1200\r\n' },
      'commit',
    );
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/imports/stock-levels',
      payload: body.payload,
      headers: { 'content-type': body.contentType, cookie: adminSession.cookie, 'x-csrf-token': adminSession.csrfToken },
    });
    expect(imported.statusCode, imported.body).toBe(200);
  });
  afterAll(() => t.close());

  const list = async (who: ReturnType<typeof client>, query: string) => {
    const res = await who.get(`/api/documents?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ documents: FiledDocument[]; truncated: boolean }>();
  };

  it("lists an order's documents with the order, the customer, the number the trade knows and the version", async () => {
    const { documents } = await list(adv, `orderId=${order.id}`);
    const kinds = documents.map((d) => d.kind).sort();
    expect(kinds).toEqual(['delivery_note', 'order-acknowledgement']);
    const note = documents.find((d) => d.kind === 'delivery_note')!;
    expect(note).toMatchObject({
      order: { id: order.id, number: order.number },
      customer: { id: ids.customer('C001'), code: 'C001' },
      version: 1,
      versions: 1,
    });
    expect(note.number).toMatch(/\S/);
    // The delivery note's own number finds it, and only it.
    const byNumber = await list(adv, `q=${encodeURIComponent(note.number!)}`);
    expect(byNumber.documents.map((d) => d.id)).toEqual([note.id]);
    // So do the order number and the customer's name, whatever the case.
    expect((await list(adv, `q=${order.number.toLowerCase()}`)).documents).toHaveLength(2);
    expect((await list(adv, 'q=cap%20march')).documents.map((d) => d.id)).toEqual(expect.arrayContaining(documents.map((d) => d.id)));
  });

  it('narrows by customer, kind and filing date', async () => {
    expect((await list(adv, `customerId=${ids.customer('C020')}`)).documents.some((d) => d.order?.id === order.id)).toBe(false);
    const acks = await list(adv, 'kind=order-acknowledgement');
    expect(acks.documents.length).toBeGreaterThan(0);
    expect(acks.documents.every((d) => d.kind === 'order-acknowledgement')).toBe(true);
    expect((await list(adv, `orderId=${order.id}&from=${TEST_TODAY}&to=${TEST_TODAY}`)).documents).toHaveLength(2);
    expect((await list(adv, `orderId=${order.id}&to=${addDays(TEST_TODAY, -1)}`)).documents).toHaveLength(0);
    expect((await list(adv, `orderId=${order.id}&from=${addDays(TEST_TODAY, 1)}`)).documents).toHaveLength(0);
    expect((await adv.get('/api/documents?kind=photo')).statusCode).toBe(400);
    expect((await adv.get('/api/documents?from=2026-02-30')).statusCode).toBe(400);
  });

  it('keeps an imported file, shown to who imports and not to the assistant', async () => {
    const mine = await list(admin, 'kind=import');
    expect(mine.documents.map((d) => [d.filename, d.mimeType, d.createdByName])).toEqual([
      ['inventaire-mars.csv', 'text/csv', expect.any(String)],
    ]);
    expect((await admin.get(`/api/documents/${mine.documents[0].id}`)).body).toContain('WH-MOULIN;FAR-T55-S25;1200');
    expect((await list(adv, 'kind=import')).documents).toEqual([]);
    expect((await adv.get(`/api/documents/${mine.documents[0].id}`)).statusCode).toBe(404);
  });
});
