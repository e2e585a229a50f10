import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/clock.ts';
import { testEngines } from '../helpers/engines.ts';
import { TestSmtp } from '../helpers/smtp.ts';
import { client, createTestApp, login, type TestApp, TEST_NOW } from '../helpers/test-app.ts';
import { demoIds } from './orders-fixtures.ts';

const euros = (cents: number) =>
  `${new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2 }).format(cents / 100).replace(/[\u202f\u00a0]/g, ' ')} €`;

async function pdfText(bytes: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text;
}

describe.each(await testEngines())('order acknowledgement (ARC) on %s', (engine) => {
  let t: TestApp;
  let smtp: TestSmtp;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let adv: ReturnType<typeof client>;
  const clock = fixedClock(TEST_NOW);

  beforeAll(async () => {
    smtp = new TestSmtp(await TestSmtp.freePort());
    await smtp.start();
    t = await createTestApp(engine, {
      clock,
      env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'ADV Moulins Delaunay <adv@moulins-delaunay.example>' },
    });
    ids = await demoIds(t.handle.db);
    adv = client(t.app, await login(t.app, 'adv@demo.local'));
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  // One pallet of 1 kg flour packs: Cap Marché's minimum, so it confirms without a manager.
  const confirmed = async (customerRef: string, customer = 'C001', lines: object[] = [{ customerCode: 'CM-204511', quantity: 80 }]) => {
    const draft = (await adv.post('/api/orders', { customerId: ids.customer(customer), customerRef, channel: 'email', lines })).json();
    const res = await adv.post(`/api/orders/${draft.id}/confirm`);
    expect(res.statusCode, res.body).toBe(200);
    // The ARC is printed after the commit, by the document worker: the order waits for it until the worker runs.
    expect((await adv.get(`/api/orders/${draft.id}/documents/preparing`)).json()).toMatchObject([
      { kind: 'order-acknowledgement', version: 1, status: 'preparing', attempts: 0 },
    ]);
    expect(await t.app.documentJobs.drain()).toMatchObject({ produced: 1 });
    expect((await adv.get(`/api/orders/${draft.id}/documents/preparing`)).json()).toEqual([]);
    return res.json();
  };
  type Email = {
    status: string;
    attempts: number;
    to: string | null;
    lastError: string | null;
    error: { code: string; params: object } | null;
    documentId: number;
    subject: string;
    sentAt: string | null;
  };
  const emailsOf = async (orderId: number): Promise<Email[]> => (await adv.get(`/api/orders/${orderId}/emails`)).json();
  const settled = async (orderId: number, status: string) => {
    for (let i = 0; i < 200; i++) {
      const emails = await emailsOf(orderId);
      if (emails.length && emails.every((e) => e.status === status)) return emails;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`the emails of order ${orderId} never became ${status}: ${JSON.stringify(await emailsOf(orderId))}`);
  };

  it('files a French ARC at confirmation and emails it, with the PDF attached, to the customer’s order contact', async () => {
    const order = await confirmed('CM-PO-ARC-1');

    const docs = (await adv.get(`/api/orders/${order.id}/documents`)).json();
    const arc = docs.find((d: { kind: string }) => d.kind === 'order-acknowledgement');
    expect(arc).toMatchObject({ filename: `ARC-${order.number}.pdf`, mimeType: 'application/pdf' });
    const file = await adv.get(`/api/documents/${arc.id}`);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(file.rawPayload);
    for (const expected of [
      order.number,
      'CM-PO-ARC-1',
      'Moulins Delaunay SAS',
      'SIRET 90312345600017',
      'Cap Marché',
      'FAR-T45-1KG',
      'Total HT',
      'Total TTC',
      'TVA 5,5 %',
      'Conditions de paiement : 45 jours fin de mois',
      'conditions générales de vente',
      'e-mail',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/ACCUSÉ DE RÉCEPTION DE\s+COMMANDE/);
    // French figures, the same as the order's: 80 × 7,20 € = 576,00 € of goods, the charges if any, VAT at 5,5 %.
    expect(text).toContain('80 colis 7,20 € 576,00 € 5,5 %');
    for (const charge of order.charges ?? []) expect(text).toContain(`${charge.label.fr} ${euros(charge.netCents)}`);
    expect(text).toContain(`Total HT ${euros(order.totals.netCents)}`);
    expect(text).toContain(`TVA 5,5 % sur ${euros(order.totals.netCents)} ${euros(order.totals.vatCents)}`);
    expect(text).toContain(`Total TTC ${euros(order.totals.grossCents)}`);

    const received = await smtp.waitFor(order.number);
    expect(received.to).toEqual(['appro.epicerie@cap-marche.example']); // Sophie Garnier, "Approvisionneur épicerie"
    expect(received.mail.subject).toBe(
      `Accusé de réception de votre commande ${order.number} (votre réf. CM-PO-ARC-1) — Moulins Delaunay SAS`,
    );
    expect(received.mail.from?.text).toContain('adv@moulins-delaunay.example');
    expect(received.mail.text).toContain('Bonjour Sophie Garnier,');
    expect(received.mail.text).toContain(`numéro ${order.number}`);
    expect(received.mail.attachments).toHaveLength(1);
    const [attachment] = received.mail.attachments;
    expect(attachment).toMatchObject({ filename: `ARC-${order.number}.pdf`, contentType: 'application/pdf' });
    expect(Buffer.compare(attachment.content, file.rawPayload)).toBe(0);

    const [email] = await settled(order.id, 'sent');
    expect(email).toMatchObject({ to: 'appro.epicerie@cap-marche.example', attempts: 1, lastError: null, documentId: arc.id });
    const events = (await adv.get(`/api/orders/${order.id}/events`)).json();
    expect(events.map((e: { action: string }) => e.action)).toEqual(['create', 'confirm', 'acknowledgement_sent']);
    // The audit keeps the document's row number, which opens nothing; the API names it by its public id.
    const row = await t.handle.db.selectFrom('documents').select('id').where('publicId', '=', arc.id).executeTakeFirstOrThrow();
    expect(events[2]).toMatchObject({ userId: null, after: { to: 'appro.epicerie@cap-marche.example', documentId: row.id } });
  });

  it('confirms with the SMTP server down, keeps the email pending, and sends it when the server is back and the retry runs', async () => {
    await smtp.stop();
    const order = await confirmed('CM-PO-ARC-2');
    expect(order.status).toBe('confirmed');
    // The send right after the commit fails (connection refused): pending, to be retried later.
    let emails: Email[] = [];
    for (let i = 0; i < 200 && !(emails[0]?.attempts >= 1); i++) {
      await new Promise((r) => setTimeout(r, 50));
      emails = await emailsOf(order.id);
    }
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ status: 'pending', attempts: 1, sentAt: null });
    expect(emails[0].lastError).toMatch(/ECONNREFUSED|connect/i);
    // Not due yet: a retry now sends nothing.
    expect(await t.app.outbox.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    await smtp.start();
    // As the retry loop would, once its back-off has passed (the first retry waits a minute).
    clock.advance(61_000);
    expect(await t.app.outbox.deliverDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const received = await smtp.waitFor(order.number);
    expect(received.mail.attachments[0].filename).toBe(`ARC-${order.number}.pdf`);
    expect((await emailsOf(order.id))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(smtp.received.filter((r) => r.mail.subject?.includes(order.number))).toHaveLength(1);
  });

  it('a pending email left by a crash between commit and send goes out when the app starts again', async () => {
    const order = await confirmed('CM-PO-ARC-3');
    await settled(order.id, 'sent');
    // What a crash right after the commit leaves: the row as the confirmation wrote it.
    await t.handle.db
      .updateTable('outboxEmails')
      .set({ status: 'pending', attempts: 0, sentAt: null, claimedUntil: null })
      .where('orderId', '=', order.id)
      .execute();
    const before = smtp.received.length;
    t.app.outbox.start(60_000); // what serve() does at boot
    await settled(order.id, 'sent');
    expect(smtp.received.length).toBe(before + 1);
  });

  it('records a failed email at once when the customer has no address to send to', async () => {
    const paindore = ids.customer('C021'); // Au Pain Doré orders by phone: her address taken away
    await t.handle.db.updateTable('customers').set({ email: null }).where('id', '=', paindore).execute();
    await t.handle.db.updateTable('contacts').set({ email: null }).where('customerId', '=', paindore).execute();
    const draft = (
      await adv.post('/api/orders', {
        customerId: paindore,
        channel: 'phone',
        lines: [{ productId: ids.product('FAR-T65-S25').id, quantity: 20 }],
      })
    ).json();
    const res = await adv.post(`/api/orders/${draft.id}/confirm`);
    expect(res.statusCode, res.body).toBe(200);
    await t.app.documentJobs.drain();
    const [email] = await emailsOf(draft.id);
    expect(email).toMatchObject({ status: 'failed', to: null, attempts: 0 });
    expect(email.lastError).toContain('No email address');
    expect(email.error).toEqual({ code: 'no-recipient', params: {} }); // the order page says it in the desk's language
    expect((await adv.get(`/api/orders/${draft.id}/documents`)).json().map((d: { kind: string }) => d.kind)).toEqual([
      'order-acknowledgement',
    ]);
  });

  it('emails Boulangerie Martin, who orders by phone, an ARC whose promotion line shows gross, discount and net', async () => {
    const martin = ids.customer('C020');
    const draft = (
      await adv.post('/api/orders', {
        customerId: martin,
        channel: 'phone',
        lines: [
          { productId: ids.product('FAR-T65-S25').id, quantity: 20 },
          { productId: ids.product('FAR-T45-S25').id, quantity: 4 },
        ],
      })
    ).json();
    const order = (await adv.post(`/api/orders/${draft.id}/confirm`)).json();
    expect(order.status).toBe('confirmed');
    await t.app.documentJobs.drain();
    const gruau = order.lines.find((l: { productCode: string }) => l.productCode === 'FAR-T45-S25');
    // 4 × 18,50 € = 74,00 €; the order's volume tier (2 %) first, then the galette promotion's 5 % on what is left.
    expect(gruau).toMatchObject({ quantity: 4, unitPriceCents: 1850, netCents: 6889 });
    expect(gruau.discount).toEqual({
      grossCents: 7400,
      amountCents: 511,
      rateBp: 691,
      promotionName: 'Saison des galettes des rois',
      parts: [
        { kind: 'order-tier', amountCents: 148, rateBp: 200 },
        { kind: 'promotion', amountCents: 363, rateBp: 500 },
      ],
    });

    const [email] = await settled(order.id, 'sent');
    expect(email).toMatchObject({ to: 'pascal@boulangerie-martin.example', error: null });
    const arc = (await adv.get(`/api/orders/${order.id}/documents`)).json()[0];
    const text = await pdfText((await adv.get(`/api/documents/${arc.id}`)).rawPayload);
    // The customer can check the line, and sees why: gross, discount with its causes, net.
    expect(text).toMatch(/Remise de volume : -2 %\s+Promotion Saison des galettes des\s+rois : -5 %/);
    expect(text).toContain('4 sacs 18,50 € -5,11 € 68,89 €');
    expect(text).toContain('20 sacs');
  });

  it('leaves the ARC of a customer who takes his documents by fax to be printed: not sent, not failed', async () => {
    const draft = (
      await adv.post('/api/orders', {
        customerId: ids.customer('C013'),
        channel: 'fax',
        lines: [{ productId: ids.product('FAR-T65-S25').id, quantity: 40 }],
      })
    ).json();
    const res = await adv.post(`/api/orders/${draft.id}/confirm`);
    expect(res.statusCode, res.body).toBe(200);
    await t.app.documentJobs.drain();
    expect(await emailsOf(draft.id)).toMatchObject([{ status: 'print', to: null, error: null, lastError: null }]);
  });

  it('lets every staff member read an order’s emails, nobody else; 404 for an unknown order', async () => {
    const order = await confirmed('CM-PO-ARC-4');
    expect((await t.app.inject({ method: 'GET', url: `/api/orders/${order.id}/emails` })).statusCode).toBe(401);
    for (const email of ['adv@demo.local', 'manager@demo.local', 'admin@demo.local']) {
      expect((await client(t.app, await login(t.app, email)).get(`/api/orders/${order.id}/emails`)).statusCode).toBe(200);
    }
    expect((await adv.get('/api/orders/999999/emails')).statusCode).toBe(404);
  });
});
