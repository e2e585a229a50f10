import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeDetail, IntakeQueue } from '../../core/intake/intake.schemas.ts';
import { fixedClock } from '../../server/clock.ts';
import { sweepImap, type ImapSettings } from '../../server/intake/mailbox.ts';
import { stopOcr } from '../../server/intake/ocr.ts';
import { buildMessage } from '../intake-corpus/build.ts';
import { CORPUS, CORPUS_TODAY } from '../intake-corpus/corpus.ts';
import { deliver, dovecotAvailable, type Dovecot, folderSubjects, startDovecot } from '../helpers/dovecot.ts';
import { testEngines } from '../helpers/engines.ts';
import { client, createTestApp, login, type TestApp } from '../helpers/test-app.ts';

const corpusCase = (id: string) => CORPUS.find((c) => c.id === id)!;
const NOT_AN_ORDER = Buffer.from(
  [
    'From: Pascal Martin <pascal@boulangerie-martin.example>',
    'To: commandes@moulins-delaunay.example',
    'Subject: Facture de février',
    'Message-ID: <facture-fevrier@boulangerie-martin.example>',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Bonjour, pouvez-vous me renvoyer la facture de février ? Merci. Pascal',
    '',
  ].join('\r\n'),
);

/**
 * Orders by email and fax, end to end against a real IMAP server: messages delivered into a private Dovecot are
 * taken once (a second sweep and a message sent twice take nothing more), moved to the done folder, read, shown in
 * "À saisir" with what was found; the desk fills the draft, confirms it (the acknowledgement answers the sender,
 * her correction is remembered for the customer) or dismisses what is not an order.
 */
describe.runIf(dovecotAvailable()).each(await testEngines())('orders by email and fax on %s', (engine) => {
  let t: TestApp;
  let dovecot: Dovecot;
  let settings: ImapSettings;
  let adv: ReturnType<typeof client>;
  const clock = fixedClock(`${CORPUS_TODAY}T09:00:00+01:00`);

  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
    dovecot = await startDovecot();
    settings = {
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      user: dovecot.user,
      password: dovecot.password,
      folder: 'INBOX',
      doneFolder: 'Traites',
    };
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
  }, 120_000);

  afterAll(async () => {
    await stopOcr();
    await dovecot?.stop();
    await t?.close();
  });

  const queue = async (query = '') => {
    const res = await adv.get(`/api/intake${query}`);
    expect(res.statusCode).toBe(200);
    return res.json<IntakeQueue>().items;
  };
  const bySubject = async (subject: string) => (await queue()).find((i) => i.subject === subject)!;

  it('takes each message once, moves it to the done folder and lists it in "À saisir" with what was found', async () => {
    const martin = await buildMessage(corpusCase('artisan-martin-1'));
    await deliver(dovecot, [
      martin,
      await buildMessage(corpusCase('wholesale-bpli-codes')),
      await buildMessage(corpusCase('fax-martin-handwritten')),
      NOT_AN_ORDER,
    ]);
    const first = await sweepImap(t.handle.db, settings, clock);
    expect(first).toEqual({ taken: 4, duplicates: 0, read: 4 });
    expect(await folderSubjects(dovecot, 'INBOX')).toEqual([]);
    expect(await folderSubjects(dovecot, 'Traites')).toHaveLength(4);

    // The same email sent again (same message-id) and a sweep with nothing new take nothing more.
    await deliver(dovecot, [martin]);
    expect(await sweepImap(t.handle.db, settings, clock)).toEqual({ taken: 0, duplicates: 1, read: 0 });
    expect(await sweepImap(t.handle.db, settings, clock)).toEqual({ taken: 0, duplicates: 0, read: 0 });

    const items = (await queue()).filter((i) => i.source === 'mailbox');
    expect(items).toHaveLength(4);
    const fax = items.find((i) => i.channel === 'fax')!;
    expect(fax).toMatchObject({ customerName: 'Boulangerie Martin', lineCount: 3, link: `/intake/${fax.id}` });
    expect((await queue('?channel=fax')).map((i) => i.id)).toEqual([fax.id]);

    const item = await bySubject('BPLI - Bon de commande n° BPLI-26-0318');
    const detail = (await adv.get(`/api/intake/${item.id}`)).json<IntakeDetail>();
    expect(detail.sender).toMatchObject({ by: 'contact', confidence: 1 });
    expect(detail.found.lines.map((l) => [l.productCode, l.quantity, l.unit, l.via])).toEqual([
      ['FAR-T55-S25', 80, 'SAC', 'customerCode'],
      ['FAR-T45-S25', 40, 'SAC', 'customerCode'],
      ['FAR-T65-S25', 40, 'SAC', 'ourCode'],
    ]);
    expect(detail.found.customerRef?.value).toBe('BPLI-26-0318');
    expect(detail.found.requestedDate?.value).toBe('2026-03-11');
    // Each value says where it was read: the body's text at those offsets is what the customer wrote.
    const code = detail.found.values.find((v) => v.kind === 'customerCode')!;
    expect(detail.parts[code.where.part].text.slice(code.where.start, code.where.end)).toBe('FAR55-DEL');
    expect(detail.rawDocumentId).toMatch(/^[A-Za-z0-9_-]+$/);
    expect((await adv.get(`/api/documents/${detail.rawDocumentId}`)).statusCode).toBe(200);
  }, 300_000);

  it('fills the draft, confirms it answering the sender, and remembers the correction for the customer', async () => {
    const item = await bySubject('Commande semaine 11');
    const drafted = await adv.post(`/api/intake/${item.id}/draft`);
    expect(drafted.statusCode).toBe(200);
    const detail = drafted.json<IntakeDetail>();
    expect(detail.status).toBe('drafted');
    const order = (await adv.get(`/api/orders/${detail.orderId}`)).json<{
      status: string;
      channel: string;
      requestedDate: string;
      lines: { productCode: string; quantity: number }[];
    }>();
    expect(order).toMatchObject({ status: 'draft', channel: 'email', requestedDate: '2026-03-13' });
    expect(order.lines.map((l) => [l.productCode, l.quantity])).toEqual([
      ['FAR-T65-S25', 12],
      ['FAR-T55-S25', 6],
      ['FAR-SEI-S25', 2],
    ]);

    // The baker's "seigle" is his rye-and-wheat blend: the assistant puts the T80 instead, and confirms.
    const ids = new Map((await t.handle.db.selectFrom('products').select(['id', 'code']).execute()).map((p) => [p.code, p.id]));
    const typed = await adv.post(`/api/intake/${item.id}/draft`, {
      order: {
        customerId: detail.customerId,
        channel: 'email',
        requestedDate: '2026-03-13',
        lines: [
          { productId: ids.get('FAR-T65-S25'), quantity: 12 },
          { productId: ids.get('FAR-T55-S25'), quantity: 6 },
          { productId: ids.get('FAR-T80-S25'), quantity: 2 },
        ],
      },
    });
    expect(typed.statusCode).toBe(200);
    const confirmed = await adv.post(`/api/intake/${item.id}/confirm`);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json<IntakeDetail>().status).toBe('confirmed');
    await t.app.documentJobs.drain(); // the acknowledgement is printed after the commit
    const emails = (await adv.get(`/api/orders/${detail.orderId}/emails`)).json<{ to: string; kind: string }[]>();
    expect(emails).toEqual([expect.objectContaining({ kind: 'acknowledgement', to: 'pascal@boulangerie-martin.example' })]);
    expect(await queue()).not.toContainEqual(expect.objectContaining({ id: item.id, source: 'mailbox' }));

    // His next email with "seigle" reads as the T80 he meant.
    await deliver(dovecot, [
      Buffer.from(
        'From: pascal@boulangerie-martin.example\r\nSubject: Suite\r\nMessage-ID: <suite-1@boulangerie-martin.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nBonjour, 3 sacs de seigle svp.\r\n',
      ),
    ]);
    await sweepImap(t.handle.db, settings, clock);
    const next = (await adv.get(`/api/intake/${(await bySubject('Suite')).id}`)).json<IntakeDetail>();
    expect(next.found.lines.map((l) => [l.productCode, l.quantity, l.via])).toEqual([['FAR-T80-S25', 3, 'correction']]);
  }, 300_000);

  it('dismisses what is not an order (kept, out of the queue) and refuses bad input with the field', async () => {
    const item = await bySubject('Facture de février');
    expect(item.lineCount).toBe(0);
    const bad = await adv.post(`/api/intake/${item.id}/dismiss`, { reason: 'because' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toMatch(/reason/);
    const noDraft = await adv.post(`/api/intake/${item.id}/draft`);
    expect(noDraft.statusCode).toBe(400);
    const dismissed = await adv.post(`/api/intake/${item.id}/dismiss`, { reason: 'not-an-order', note: 'Demande de facture' });
    expect(dismissed.statusCode).toBe(200);
    expect(await queue()).not.toContainEqual(expect.objectContaining({ id: item.id, source: 'mailbox' }));
    expect((await queue('?status=dismissed')).map((i) => i.id)).toEqual([item.id]);
    expect((await adv.get('/api/intake/999999')).statusCode).toBe(404);
  }, 120_000);
});
