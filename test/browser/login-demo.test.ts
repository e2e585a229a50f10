import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, buildWeb, launchBrowser, type RunningServer, SCREENSHOTS, startServer } from '../helpers/browser.ts';

/** The login page shows the demo's logins in demo mode only: a real installation publishes no password. */
describe.skipIf(!browserAvailable())('browser: the demo logins on the login page', () => {
  let browser: Browser;
  const servers: RunningServer[] = [];

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    buildWeb();
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all(servers.map((s) => s.close()));
  });

  /** What the console said: a page that logs errors before anyone typed anything looks broken to whoever opens it. */
  const consoleErrors = new Map<Page, string[]>();

  async function loginPage(env: Record<string, string> = {}): Promise<Page> {
    const server = await startServer(env);
    servers.push(server);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
    const errors: string[] = [];
    consoleErrors.set(page, errors);
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Adresse e-mail').waitFor();
    return page;
  }

  it('lists the demo accounts and their password in demo mode, and one of them logs in', async () => {
    const page = await loginPage();
    const box = page.getByTestId('demo-logins');
    await expect.poll(() => box.isVisible()).toBe(true);
    expect(await box.innerText()).toContain('Comptes de démonstration (mot de passe demo1234)');
    for (const [email, role] of [
      ['adv@demo.local', 'assistante ADV'],
      ['adv2@demo.local', 'assistante ADV'],
      ['manager@demo.local', 'responsable ADV'],
      ['admin@demo.local', 'administrateur'],
    ]) {
      expect(await box.getByRole('row').filter({ hasText: email }).innerText()).toContain(role);
    }
    await page.screenshot({ path: path.join(SCREENSHOTS, 'login-demo-mode.png') });
    expect(consoleErrors.get(page)).toEqual([]);
    await page.getByLabel('Adresse e-mail').fill('manager@demo.local');
    await page.getByLabel('Mot de passe').fill('demo1234');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  });

  it('shows none on an installation without the demo, where the demo logins are refused', async () => {
    const page = await loginPage({ CARNET_DEMO: 'false' });
    await page.getByLabel('Adresse e-mail').fill('adv@demo.local');
    await page.getByLabel('Mot de passe').fill('demo1234');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toMatch(/incorrect/i);
    expect(await page.getByTestId('demo-logins').count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'login-without-demo.png') });
  });
});
