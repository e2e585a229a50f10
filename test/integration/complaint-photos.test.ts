import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/clock.ts';
import { testEngines } from '../helpers/engines.ts';
import { createTestApp, login, type Session, type TestApp } from '../helpers/test-app.ts';
import { client } from '../helpers/test-app.ts';
import { lastClosedOrder, tornSacks } from './complaints-fixtures.ts';
import { demoIds } from './orders-fixtures.ts';

const boundary = '----carnet-photos';
/** Several files in one multipart body, as the complaint screen's file picker sends them. */
function photosBody(files: { filename: string; content: Buffer }[]) {
  const parts = files.flatMap((f) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="${f.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    f.content,
    Buffer.from('\r\n'),
  ]);
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

const picture = (format: 'jpeg' | 'png') =>
  sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 200, g: 180, b: 140 } } })
    [format]()
    .toBuffer();
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describe.each(await testEngines())('complaint photos on %s', (engine) => {
  let t: TestApp;
  let session: Session;
  let complaintId: number;
  const upload = (files: { filename: string; content: Buffer }[], id = complaintId, s = session) => {
    const body = photosBody(files);
    return t.app.inject({
      method: 'POST',
      url: `/api/complaints/${id}/photos`,
      payload: body.payload,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken, 'content-type': body.contentType },
    });
  };

  beforeAll(async () => {
    t = await createTestApp(engine, { clock: fixedClock('2026-01-19T07:30:00.000Z') });
    session = await login(t.app, 'adv@demo.local');
    const adv = client(t.app, session);
    const customerId = (await demoIds(t.handle.db)).customer('C021');
    const order = await lastClosedOrder(adv, customerId);
    complaintId = (await adv.post('/api/complaints', tornSacks(customerId, order))).json<{ id: number }>().id;
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('files several photos and a PDF, judged by content, each picture with a thumbnail', async () => {
    const res = await upload([
      { filename: 'sacs.jpg', content: await picture('jpeg') },
      { filename: 'capture.png', content: await picture('png') },
      { filename: 'bl-reserves.pdf', content: pdf },
    ]);
    expect(res.statusCode).toBe(200);
    const photos = res.json().photos as { id: string; mimeType: string; thumbnailId: string | null }[];
    expect(photos.map((p) => p.mimeType)).toEqual(['image/jpeg', 'image/png', 'application/pdf']);
    expect(photos.map((p) => p.thumbnailId === null)).toEqual([false, false, true]);
    const adv = client(t.app, session);
    const thumb = await adv.get(`/api/documents/${photos[0].thumbnailId}`);
    expect(thumb.headers['content-type']).toContain('image/jpeg');
    const meta = await sharp(thumb.rawPayload).metadata();
    expect(Math.max(meta.width, meta.height)).toBe(320);
    expect((await adv.get(`/api/documents/${photos[2].id}`)).rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.json().history.at(-1)).toMatchObject({ action: 'photos' });
  });

  it('refuses a file that only claims to be a photo, naming it, and files nothing of the lot', async () => {
    const before = (await client(t.app, session).get(`/api/complaints/${complaintId}`)).json().photos.length;
    const res = await upload([
      { filename: 'ok.jpg', content: await picture('jpeg') },
      { filename: 'virus.jpg', content: Buffer.from('MZ this is no picture at all') },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual(expect.objectContaining({ path: 'body.photos.1', code: 'choice' }));
    expect((await client(t.app, session).get(`/api/complaints/${complaintId}`)).json().photos.length).toBe(before);
  });

  it("refuses a file above the size limit, and the admin (a buyer adds hers to her own company's only: portal-buyer-complaints.test.ts)", async () => {
    const big = Buffer.concat([await picture('jpeg'), Buffer.alloc(11 * 1024 * 1024)]);
    const res = await upload([{ filename: 'huge.jpg', content: big }]);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual(expect.objectContaining({ path: 'body.photos.0', code: 'too-long' }));
    const admin = await login(t.app, 'admin@demo.local');
    expect((await upload([{ filename: 'a.jpg', content: await picture('jpeg') }], complaintId, admin)).statusCode).toBe(403);
  });
});
