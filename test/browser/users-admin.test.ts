import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../helpers/test-app.ts';
import {
  audit,
  browserAvailable,
  buildWeb,
  launchBrowser,
  logIn,
  type RunningServer,
  SCREENSHOTS,
  startServer,
} from '../helpers/browser.ts';

/**
 * The admin opens an account for a new assistant (her link queued in the outbox), promotes her, then switches her
 * account off; a manager invites Pause Croustille's new buyer from the customer's page. In French and in English.
 */
describe.skipIf(!browserAvailable())('browser: the accounts screen and the portal invitations', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    buildWeb();
    server = await startServer();
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const queued = (email: string) =>
    server.app.db
      .selectFrom('outboxEmails')
      .select(['kind', 'toAddress'])
      .where('toAddress', '=', email)
      .where('kind', '=', 'account-invitation')
      .execute();
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  const english = async (page: Page) => {
    await page.evaluate(() => localStorage.setItem('carnet.language', 'en'));
    await page.reload();
  };

  it('the admin creates an assistant, changes her role and deactivates her account', async () => {
    // Hugo Bernard mistyped his password once too often: locked for a quarter of an hour.
    const lockedUntil = new Date(new Date(TEST_NOW).getTime() + 15 * 60_000).toISOString();
    await server.app.db.updateTable('users').set({ lockedUntil }).where('email', '=', 'adv2@demo.local').execute();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' });
    await logIn(page, server.url, 'admin@demo.local');
    await page.getByRole('link', { name: 'Comptes' }).click();
    await page.waitForURL('**/users');
    const hugo = page.getByTestId('user-adv2@demo.local');
    await expect.poll(() => hugo.textContent()).toMatch(/verrouillé jusqu’au \d\d\/\d\d\/\d{4} \d\d:\d\d/);
    await shot(page, 'users-locked-fr');
    expect(await audit(page)).toEqual([]); // the lock's colours are not in the a11y suite's demo desk
    await hugo.getByRole('button', { name: 'Lever le verrou' }).click();
    await expect.poll(() => hugo.textContent()).toContain('actif');
    await expect.poll(() => page.getByTestId('users-notice').textContent()).toContain('Hugo Bernard');

    // A taken address is said beside its field.
    await page.getByRole('button', { name: 'Nouveau collègue' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nom').fill('Léa Garnier');
    await dialog.getByLabel('Email').fill('adv@demo.local');
    await dialog.getByRole('button', { name: 'Créer et envoyer le lien' }).click();
    await expect.poll(() => dialog.getByText('adv@demo.local', { exact: false }).count()).toBeGreaterThan(0);
    await expect.poll(() => dialog.locator('[aria-invalid="true"]').count()).toBe(1);
    await shot(page, 'users-new-error-fr');

    await dialog.getByLabel('Email').fill('lea.garnier@demo.local');
    await dialog.getByRole('button', { name: 'Créer et envoyer le lien' }).click();
    await expect.poll(() => page.getByTestId('users-notice').textContent()).toContain('lea.garnier@demo.local');
    expect(await queued('lea.garnier@demo.local')).toHaveLength(1);
    const row = page.getByTestId('user-lea.garnier@demo.local');
    // Until she has chosen her password from the link, she is invited, not active: the link runs a week.
    await expect.poll(() => row.textContent()).toMatch(/invité·e, lien valable jusqu’au 16\/03\/2026/);
    await expect.poll(() => row.textContent()).toContain('jamais');

    await row.getByLabel('Rôle de Léa Garnier').click();
    await page.getByRole('option', { name: 'responsable ADV' }).click();
    await expect.poll(() => page.getByTestId('users-notice').textContent()).toContain('responsable ADV');
    const role = await server.app.db
      .selectFrom('users')
      .select('role')
      .where('email', '=', 'lea.garnier@demo.local')
      .executeTakeFirstOrThrow();
    expect(role.role).toBe('manager');

    await row.getByRole('button', { name: 'Désactiver' }).click();
    await page.getByRole('dialog').getByText('ses sessions ouvertes se ferment', { exact: false }).waitFor();
    await shot(page, 'users-deactivate-fr');
    await page.getByTestId('confirm-deactivate').click();
    await expect.poll(() => row.textContent()).toContain('désactivé');
    await expect.poll(() => row.getByRole('button', { name: 'Réactiver' }).count()).toBe(1);
    await shot(page, 'users-fr');

    await english(page);
    await page.getByRole('heading', { name: 'User accounts' }).waitFor();
    await expect.poll(() => page.getByTestId('user-lea.garnier@demo.local').textContent()).toContain('deactivated');
    await shot(page, 'users-en');
    await page.close();
  });

  it('a manager invites a buyer for Pause Croustille from the customer page, and sees the email queued', async () => {
    const pause = await server.app.db.selectFrom('customers').select('id').where('code', '=', 'C042').executeTakeFirstOrThrow();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' });
    await logIn(page, server.url, 'manager@demo.local');
    // No accounts screen for a manager.
    expect(await page.getByRole('link', { name: 'Comptes' }).count()).toBe(0);
    await page.goto(`${server.url}/customers/${pause.id}`);
    const portal = page.getByTestId('portal-buyers');
    await portal.getByText('achats@pause-croustille.demo').waitFor();

    await portal.getByRole('button', { name: 'Inviter un acheteur' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nom').fill('Hugo Lefèvre');
    await dialog.getByLabel('Email').fill('hugo.lefevre@pause-croustille.demo');
    await dialog.getByRole('textbox', { name: 'Points de livraison' }).click();
    await page.getByRole('option').first().click();
    await page.keyboard.press('Escape');
    await shot(page, 'portal-invite-fr');
    await dialog.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await expect.poll(() => portal.getByRole('status').textContent()).toContain('hugo.lefevre@pause-croustille.demo');
    await portal.getByRole('cell', { name: 'Hugo Lefèvre' }).waitFor();
    expect(await queued('hugo.lefevre@pause-croustille.demo')).toHaveLength(1);
    const account = await server.app.db
      .selectFrom('users')
      .select(['id', 'role', 'customerId'])
      .where('email', '=', 'hugo.lefevre@pause-croustille.demo')
      .executeTakeFirstOrThrow();
    expect(account).toMatchObject({ role: 'buyer', customerId: pause.id });
    const points = await server.app.db
      .selectFrom('userDeliveryPoints')
      .select('deliveryPointId')
      .where('userId', '=', account.id)
      .execute();
    expect(points).toHaveLength(1);
    // The section says which point she orders for, and that she has not taken up her invitation yet.
    const hugoRow = portal.getByRole('row', { name: /Hugo Lefèvre/ });
    await expect.poll(() => hugoRow.getByTestId('buyer-points').textContent()).toMatch(/^[A-Z0-9-]+ · /);
    await expect.poll(() => hugoRow.textContent()).toContain('invité·e');
    await portal.scrollIntoViewIfNeeded();
    await shot(page, 'portal-buyers-fr');

    await english(page);
    await page.getByTestId('portal-buyers').getByText('Customer portal').waitFor();
    await page.getByTestId('portal-buyers').getByRole('button', { name: 'Invite a buyer' }).click();
    await page.getByRole('dialog').getByText('Send the invitation').waitFor();
    await shot(page, 'portal-invite-en');
    await page.keyboard.press('Escape');

    // Her own password, from the desk's user menu: the portal's page, in the desk's frame.
    await page.getByRole('button', { name: 'User menu' }).click();
    await page.getByRole('menuitem', { name: 'Password' }).click();
    await page.waitForURL('**/password');
    await page.getByLabel('Current password').fill('demo1234');
    await page.getByLabel('New password').fill('Farine-de-ble-T65-2026');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('alert').filter({ hasText: 'Password changed' }).waitFor();
    await shot(page, 'desk-password-en');
    await page.close();
  });
});
