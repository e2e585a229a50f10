import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../helpers/engines.ts';
import { TestSmtp } from '../helpers/smtp.ts';
import { client, createTestApp, login, type TestApp } from '../helpers/test-app.ts';
import { demoIds } from './orders-fixtures.ts';

const EMAIL = 'camille.roux@au-pain-dore.example';

/**
 * A manager invites a customer's buyer: the one-time link goes out through the outbox, opens once, refuses a weak
 * password with its reason, then lets her in; once the email is sent, the outbox no longer holds the link's token.
 */
describe.each(await testEngines())('portal accounts from an emailed link on %s', (engine) => {
  let t: TestApp;
  let smtp: TestSmtp;

  beforeAll(async () => {
    smtp = new TestSmtp(await TestSmtp.freePort());
    await smtp.start();
    t = await createTestApp(engine, {
      env: {
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        MAIL_FROM: 'ADV <adv@moulins-delaunay.example>',
        PUBLIC_URL: 'https://carnet.example',
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const invitationEmail = () =>
    t.handle.db
      .selectFrom('outboxEmails')
      .selectAll()
      .where('toAddress', '=', EMAIL)
      .where('kind', '=', 'account-invitation')
      .executeTakeFirstOrThrow();

  it('invites, sets the password once from the link, and the sent email keeps no token', async () => {
    const ids = await demoIds(t.handle.db);
    const manager = client(t.app, await login(t.app, 'manager@demo.local'));
    const invited = await manager.post('/api/users/invitations', {
      customerId: ids.customer('C010'),
      email: EMAIL,
      name: 'Camille Roux',
      deliveryPointIds: [],
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const account = async () =>
      ((await manager.get('/api/users')).json().items as { email: string; invitedUntil: string | null }[]).find((u) => u.email === EMAIL)!;
    // Invited a week: she shows as such until she has chosen her password.
    expect((await account()).invitedUntil).toBe(new Date(t.app.clock.now().getTime() + 7 * 24 * 3600_000).toISOString());

    const queued = await invitationEmail();
    expect(queued.status).toBe('pending');
    const token = /\/set-password#([A-Za-z0-9_-]+)/.exec(queued.bodyText)![1];
    const link = await t.app.inject({ method: 'GET', url: `/api/auth/links/${token}` });
    expect(link.statusCode, link.body).toBe(200);
    expect(link.json()).toMatchObject({ kind: 'invitation', email: EMAIL });

    const weak = await t.app.inject({ method: 'POST', url: `/api/auth/links/${token}`, payload: { password: 'camilleroux2026' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0]).toMatchObject({ path: 'body.password', code: 'weak-password', params: { reason: 'own-words' } });

    const set = await t.app.inject({ method: 'POST', url: `/api/auth/links/${token}`, payload: { password: 'farine-de-gruau-T45!' } });
    expect(set.statusCode, set.body).toBe(204);
    expect((await account()).invitedUntil).toBeNull();
    const session = await login(t.app, EMAIL, 'farine-de-gruau-T45!');
    expect((await client(t.app, session).get('/api/auth/me')).json().user).toMatchObject({ email: EMAIL, role: 'buyer' });
    const again = await t.app.inject({ method: 'POST', url: `/api/auth/links/${token}`, payload: { password: 'un-autre-mot-de-passe!' } });
    expect(again.statusCode).toBe(404);

    await t.app.outbox.deliverDue(); // unless the outbox, woken by the invitation's commit, sent it already
    const received = await smtp.waitFor('portail');
    expect(received.to).toEqual([EMAIL]);
    expect(received.mail.text).toContain(`https://carnet.example/set-password#${token}`);
    await expect.poll(async () => (await invitationEmail()).status).toBe('sent');
    const kept = await invitationEmail();
    expect(kept.bodyText).not.toContain(token);
    expect(kept.bodyText).toContain('https://carnet.example/set-password#…');
  });
});
