import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortalComplaintListSchema, PortalComplaintSchema } from '../../core/complaints/complaints.schemas.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type Session, type TestApp } from '../helpers/test-app.ts';
import { type ClosedOrder, lastClosedOrder, tornSacks } from './complaints-fixtures.ts';
import { demoIds } from './orders-fixtures.ts';

const boundary = '----carnet-portal-photos';
/** One photo in a multipart body, as the portal's file picker sends it. */
function photoBody(filename: string, content: Buffer) {
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="${filename}"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/**
 * Au Pain Doré's buyer (customer B) files a complaint on a delivered line of hers from the portal, adds a photo,
 * follows it in her list; she reaches nothing of Pause Croustille's (customer A): its complaint, its order or its
 * delivery named in her body answer 404, a body naming customer A 403. Buyer A sees nothing of hers.
 */
describe.each(await testEngines())("a buyer's complaints on the portal on %s", (engine) => {
  let t: TestApp;
  let buyerA: Session;
  let buyerB: Session;
  let a: number;
  let b: number;
  let bOrder: ClosedOrder;
  let aOrder: ClosedOrder;
  let aComplaint: number;
  let mine: number;

  const sendPhoto = (id: number, filename: string, content: Buffer, session = buyerB) => {
    const body = photoBody(filename, content);
    return t.app.inject({
      method: 'POST',
      url: `/api/complaints/${id}/photos`,
      payload: body.payload,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': body.contentType },
    });
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    const ids = await demoIds(t.handle.db);
    a = ids.customer('C042');
    b = ids.customer('C021');
    const adv = client(t.app, await login(t.app, 'adv@demo.local'));
    [buyerA, buyerB] = await Promise.all([login(t.app, 'achats@pause-croustille.demo'), login(t.app, 'commandes@paindore.demo')]);
    bOrder = await lastClosedOrder(adv, b);
    aOrder = await lastClosedOrder(adv, a);
    aComplaint = (await t.handle.db.selectFrom('complaints').select('id').where('customerId', '=', a).executeTakeFirstOrThrow()).id;
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('files on her delivered line, adds a photo checked by its content, and finds it in her list with her view only', async () => {
    const filed = await client(t.app, buyerB).post('/api/complaints', { ...tornSacks(b, bOrder), channel: 'portal', mood: undefined });
    expect(filed.statusCode, filed.body).toBe(201);
    mine = filed.json().id;

    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 210, g: 190, b: 150 } } })
      .jpeg()
      .toBuffer();
    const added = await sendPhoto(mine, 'sacs.jpg', photo);
    expect(added.statusCode, added.body).toBe(200);
    expect(Object.keys(added.json()).sort()).toEqual(Object.keys(PortalComplaintSchema.properties).sort());
    expect(added.json().photos).toHaveLength(1);
    const fake = await sendPhoto(mine, 'pas-une-photo.jpg', Buffer.from('juste du texte, pas une image'));
    expect(fake.statusCode).toBe(400);
    expect(fake.json().errors[0]).toMatchObject({ path: 'body.photos.0', code: 'choice' });

    const one = await client(t.app, buyerB).get(`/api/complaints/${mine}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).not.toHaveProperty('history');
    expect(one.json().photos).toHaveLength(1);

    // Whatever customer she asks for, her own company's complaints, as the portal lists them.
    const list = (await client(t.app, buyerB).get(`/api/complaints?customerId=${a}`)).json();
    expect(list.items.map((c: { id: number }) => c.id)).toEqual([mine]);
    expect(Object.keys(list.items[0]).sort()).toEqual(Object.keys(PortalComplaintListSchema.properties.items.items.properties).sort());
    // The photo is hers to open, not buyer A's.
    const photoId = one.json().photos[0].id as string;
    expect((await client(t.app, buyerB).get(`/api/documents/${photoId}`)).statusCode).toBe(200);
    expect([403, 404]).toContain((await client(t.app, buyerA).get(`/api/documents/${photoId}`)).statusCode);
    const aList = (await client(t.app, buyerA).get('/api/complaints')).json();
    expect(aList.items.map((c: { id: number }) => c.id)).not.toContain(mine);
  });

  it("answers another customer's complaint, order and delivery 404, and a body naming another customer 403", async () => {
    const api = client(t.app, buyerB);
    expect((await api.get(`/api/complaints/${aComplaint}`)).statusCode).toBe(404);
    const photo = await sendPhoto(aComplaint, 'x.jpg', Buffer.from('x'));
    expect(photo.statusCode).toBe(404);
    const line = aOrder.lines[0];
    const onA = {
      reason: 'damaged-packaging',
      description: 'Sacs percés',
      channel: 'portal',
      lines: [{ orderLineId: line.id, quantity: 1 }],
    };
    expect((await api.post('/api/complaints', { ...onA, customerId: a, orderId: aOrder.id })).statusCode).toBe(403);
    const viaOrder = await api.post('/api/complaints', { ...onA, customerId: b, orderId: aOrder.id });
    expect(viaOrder.statusCode, viaOrder.body).toBe(404);
    const viaDelivery = await api.post('/api/complaints', { ...onA, customerId: b, deliveryId: aOrder.deliveries[0].id });
    expect(viaDelivery.statusCode, viaDelivery.body).toBe(404);
    expect(await t.handle.db.selectFrom('complaints').select('id').where('customerId', '=', a).execute()).toHaveLength(1);
    // The desk still reaches every customer's.
    const adv = client(t.app, await login(t.app, 'adv@demo.local'));
    expect((await adv.get(`/api/complaints/${aComplaint}`)).json()).toHaveProperty('history');
  });
});
