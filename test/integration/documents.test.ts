import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../core/auth/roles.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import { DEMO_PASSWORD } from '../../server/demo/seed.ts';
import { DEMO_PARTNERS, demoInterchange, demoOrder } from '../../server/edi/demo-orders.ts';
import { ingestFile } from '../../server/edi/ingest.ts';
import { testEngines } from '../helpers/engines.ts';
import { multipart } from '../helpers/multipart.ts';
import { client, createTestApp, login, type TestApp } from '../helpers/test-app.ts';
import { demoIds } from './orders-fixtures.ts';

// Documents are opened by a public id nobody can count to, and each download is checked against the record the
// file belongs to (core/auth/document-access.ts): staff by the roles that read that record, a buyer only her own
// company's files.

const PUBLIC_ID = /^[A-Za-z0-9_-]{22}$/;
type Reader = Exclude<Role, 'buyer'> | 'buyer of Cap Marché' | 'buyer of Martin';
const EMAILS: Record<Reader, string> = {
  assistant: 'adv@demo.local',
  manager: 'manager@demo.local',
  admin: 'admin@demo.local',
  'buyer of Cap Marché': 'acheteur@cap-marche.example',
  'buyer of Martin': 'acheteur@martin.example',
};

describe.each(await testEngines())('documents on %s', (engine) => {
  let t: TestApp;
  const readers = new Map<Reader, ReturnType<typeof client>>();
  /** One document of each kind of record, by public id, and the customer each belongs to. */
  const files: Record<'order' | 'edi-interchange' | 'penalty-notice' | 'customer-stock-report', { id: string; customer: string }> =
    {} as never;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.handle.db;
    const ids = await demoIds(db);
    for (const [reader, customer] of [
      ['buyer of Cap Marché', 'C001'],
      ['buyer of Martin', 'C020'],
    ] as const) {
      await db
        .insertInto('users')
        .values({
          email: EMAILS[reader],
          name: reader,
          role: 'buyer',
          passwordHash: await hashPassword(DEMO_PASSWORD),
          customerId: ids.customer(customer),
          createdAt: t.app.clock.now().toISOString(),
        })
        .execute();
    }
    for (const reader of Object.keys(EMAILS) as Reader[]) readers.set(reader, client(t.app, await login(t.app, EMAILS[reader])));
    const adv = readers.get('assistant')!;

    // An order's acknowledgement, filed at confirmation.
    const order = (
      await adv.post('/api/orders', {
        customerId: ids.customer('C001'),
        channel: 'phone',
        lines: [{ customerCode: 'CM-204511', quantity: 80 }],
      })
    ).json();
    expect((await adv.post(`/api/orders/${order.id}/confirm`)).statusCode).toBe(200);
    await t.app.documentJobs.drain(); // printed after the commit
    files.order = { id: (await adv.get(`/api/orders/${order.id}/documents`)).json()[0].id, customer: 'C001' };

    // Cap Marché's interchange as received, shown in the EDI queue and on the order.
    const file = path.join(t.dataDir, 'cap.edi');
    fs.writeFileSync(
      file,
      demoInterchange(DEMO_PARTNERS[0], 'DOC-1', t.app.clock.now().toISOString().slice(0, 10), [
        demoOrder(DEMO_PARTNERS[0], 901, t.app.clock.now().toISOString().slice(0, 10), 1),
      ]),
    );
    const taken = await ingestFile(db, file, { door: 'cli', clock: t.app.clock });
    const ediOrderId = taken[0].messages[0].orderId!;
    files['edi-interchange'] = { id: (await adv.get(`/api/orders/${ediOrderId}/edi`)).json().inbound[0].documentId, customer: 'C001' };

    // Distri'Ouest's snow-day notice, contested with a letter.
    const notice = (await adv.get('/api/penalty-notices')).json().items.find((n: { reference: string }) => n.reference === 'PEN-2026-001');
    files['penalty-notice'] = {
      id: (await adv.post(`/api/penalty-notices/${notice.id}/contest`, { reason: 'Neige : force majeure.' })).json().letterDocumentId,
      customer: 'C002',
    };

    // A stock report Cap Marché sent.
    const body = multipart({ filename: 'stock.csv', content: 'deliveryPoint;product;onHand\r\nC001-DP2;CM-880311;400\r\n' }, 'commit');
    const session = await login(t.app, EMAILS.assistant);
    const stock = await t.app.inject({
      method: 'POST',
      url: `/api/customers/${ids.customer('C001')}/stock-reports`,
      payload: body.payload,
      headers: { 'content-type': body.contentType, cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    });
    expect(stock.statusCode).toBe(200);
    files['customer-stock-report'] = { id: stock.json().documentId, customer: 'C001' };
  });
  afterAll(() => t.close());

  it('names every document by a random public id, never by its row number', async () => {
    for (const { id } of Object.values(files)) expect(id).toMatch(PUBLIC_ID);
    expect(new Set(Object.values(files).map((f) => f.id)).size).toBe(4);
    const rows = await t.handle.db.selectFrom('documents').select(['id', 'publicId']).execute();
    expect(rows.every((r) => PUBLIC_ID.test(r.publicId) && r.publicId !== String(r.id))).toBe(true);
    expect(new Set(rows.map((r) => r.publicId)).size).toBe(rows.length);
  });

  it('no longer opens a document by its row number (400), nor by an id that names nothing (404)', async () => {
    const adv = readers.get('admin')!;
    const row = await t.handle.db.selectFrom('documents').select('id').where('publicId', '=', files.order.id).executeTakeFirstOrThrow();
    for (const url of [`/api/documents/${row.id}`, '/api/documents/1', '/api/documents/0x10', `/api/documents/${files.order.id}x`]) {
      expect((await adv.get(url)).json(), url).toMatchObject({ status: 400, code: 'VALIDATION' });
    }
    expect((await adv.get('/api/documents/AAAAAAAAAAAAAAAAAAAAAA')).json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('lets each staff role read the files of every record it may read, as served with their type', async () => {
    for (const reader of ['assistant', 'manager', 'admin'] as const) {
      for (const [record, { id }] of Object.entries(files)) {
        const res = await readers.get(reader)!.get(`/api/documents/${id}`);
        expect(res.statusCode, `${reader} reading the ${record} file`).toBe(200);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['cache-control']).toContain('private');
      }
    }
  });

  it("lets a buyer read her own company's files only; another's answer 404 as if they did not exist", async () => {
    for (const [record, { id, customer }] of Object.entries(files)) {
      const own = await readers.get('buyer of Cap Marché')!.get(`/api/documents/${id}`);
      expect(own.statusCode, `Cap Marché's buyer reading the ${record} file of ${customer}`).toBe(customer === 'C001' ? 200 : 404);
      const other = await readers.get('buyer of Martin')!.get(`/api/documents/${id}`);
      expect(other.statusCode, `Martin's buyer reading the ${record} file of ${customer}`).toBe(404);
      const unknown = (await readers.get('buyer of Martin')!.get('/api/documents/AAAAAAAAAAAAAAAAAAAAAA')).json();
      expect(other.json()).toEqual({
        ...unknown,
        detail: unknown.detail.replace('AAAAAAAAAAAAAAAAAAAAAA', id),
        params: { ...unknown.params, id },
      });
    }
  });

  it('lets nobody read a file no record points at', async () => {
    const orphan = await t.handle.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('documents').selectAll().where('publicId', '=', files.order.id).executeTakeFirstOrThrow();
      const publicId = 'orphan-file-no-record_';
      await trx
        .insertInto('documents')
        .values({ ...row, id: undefined, publicId, kind: 'order-acknowledgement', orderId: null })
        .execute();
      return publicId;
    });
    for (const reader of ['assistant', 'manager', 'admin', 'buyer of Cap Marché'] as const)
      expect((await readers.get(reader)!.get(`/api/documents/${orphan}`)).statusCode).toBe(404);
  });
});
