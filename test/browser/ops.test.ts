import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, buildWeb, launchBrowser, logIn, type RunningServer, SCREENSHOTS, startServer } from '../helpers/browser.ts';

/**
 * Scenario: the administrator checks that last night's backup went through, backs up now before an upgrade, and
 * finds the export of everything; an assistant has no such screen.
 */
describe.skipIf(!browserAvailable())('browser: the operations screen', () => {
  let server: RunningServer;
  let browser: Browser;
  const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'carnet-browser-backups-'));

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    buildWeb();
    server = await startServer({ BACKUP_DIR: backupDir, BACKUP_CRON: '0 2 * * *', BACKUP_KEEP: '7' });
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    fs.rmSync(backupDir, { recursive: true, force: true });
  });

  it('backs up now and shows the backup checked, in French and in English', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' });
    await logIn(page, server.url, 'admin@demo.local');
    await page.getByRole('link', { name: 'Exploitation' }).click();
    await expect.poll(() => page.getByTestId('ops-schedule').textContent()).toContain('« 0 2 * * * » (heure de Paris), prochaine le');
    await expect.poll(() => page.getByText("Aucune sauvegarde pour l'instant.").count()).toBe(1);

    await page.getByTestId('ops-backup-now').click();
    await expect
      .poll(() => page.getByTestId('ops-latest').textContent(), { timeout: 20_000 })
      .toMatch(/Dernière sauvegarde le .* écrite et vérifiée \(0 fichiers\)/);
    expect(await page.getByTestId('ops-runs').getByText('un administrateur').count()).toBe(1);
    expect(await page.getByTestId('ops-export').getAttribute('href')).toBe('/api/ops/export.zip');
    expect(fs.readdirSync(backupDir)).toHaveLength(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'ops-fr.png') });

    await page.evaluate(() => localStorage.setItem('carnet.language', 'en'));
    await page.reload();
    await expect.poll(() => page.getByTestId('ops-latest').textContent()).toMatch(/Latest backup on .*: written and checked \(0 files\)/);
    expect(await page.getByText('Download the export (.zip)').count()).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'ops-en.png') });
    await page.close();
  }, 60_000);

  it('is not offered to an assistant', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' });
    await logIn(page, server.url, 'adv@demo.local');
    expect(await page.getByRole('link', { name: 'Exploitation' }).count()).toBe(0);
    await page.close();
  }, 60_000);
});
