import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Day } from '../../core/day/day.schemas.ts';
import { browserAvailable, buildWeb, launchBrowser, logIn, type RunningServer, SCREENSHOTS, startServer } from '../helpers/browser.ts';

/**
 * Hugo has the dentist on Tuesday morning: the manager records his absence from 09:00 to 12:00 on the team page, Léa
 * covering; his Tuesday loses those three hours. The appointment is cancelled: the manager removes it and they are back.
 */
describe.skipIf(!browserAvailable())('browser: a manager records and removes an absence on the team page', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    buildWeb();
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const tuesday = '2026-03-10';
  const capacityOf = (userId: number, date: string) =>
    page.evaluate(async ([id, d]) => ((await (await fetch(`/api/day?userId=${id}&date=${d}`)).json()) as Day).capacityMinutes, [
      userId,
      date,
    ] as const);

  it('records a part-day absence, lists it, and his day shrinks by it until it is removed', async () => {
    const users = server.app.db.selectFrom('users').select(['id', 'name']);
    const hugo = await users.where('name', 'like', 'Hugo%').executeTakeFirstOrThrow();
    const lea = await users.where('email', '=', 'adv@demo.local').executeTakeFirstOrThrow();
    await logIn(page, server.url, 'manager@demo.local');
    await page.goto(`${server.url}/team`);
    const section = page.getByTestId('absences');
    // The demo has Léa at the dentist this afternoon already.
    await expect.poll(() => section.getByText(/14:00–17:00/).count()).toBe(1);
    const before = await capacityOf(hugo.id, tuesday);

    await page.getByTestId('absence-user').click();
    await page.getByRole('option', { name: hugo.name }).click();
    await section.getByLabel('Du', { exact: true }).fill('10/03/2026');
    await section.getByLabel('Au', { exact: true }).fill('10/03/2026');
    await page.getByTestId('absence-whole-days').click();
    await section.getByLabel('De', { exact: true }).fill('09:00');
    await section.getByLabel('À', { exact: true }).fill('12:00');
    await section.getByRole('textbox', { name: 'Remplacée par' }).click();
    await page.getByRole('option', { name: lea.name }).click();
    await section.getByLabel('Note').fill('Dentiste');
    await page.getByTestId('absence-add').click();

    const list = page.getByTestId('absence-list');
    const row = list.getByRole('row').filter({ hasText: '09:00–12:00' });
    await expect.poll(() => row.getByText('mar. 10/03/2026', { exact: false }).count()).toBe(1);
    await expect.poll(() => row.getByText(lea.name).count()).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'team-absences-fr.png'), fullPage: true });
    expect(await capacityOf(hugo.id, tuesday)).toBe(before - 180);

    await row.getByRole('button', { name: 'Supprimer' }).click();
    await expect.poll(() => row.count()).toBe(0);
    expect(await capacityOf(hugo.id, tuesday)).toBe(before);
  });

  it('says which field is wrong: an absence that ends before it starts', async () => {
    // Still Hugo, part of a day, from the first record.
    const section = page.getByTestId('absences');
    await section.getByLabel('De', { exact: true }).fill('15:00');
    await section.getByLabel('À', { exact: true }).fill('11:00');
    await page.getByTestId('absence-add').click();
    await expect.poll(() => section.locator('.mantine-InputWrapper-error').count()).toBe(1);

    await page.evaluate(() => localStorage.setItem('carnet.language', 'en'));
    await page.reload();
    await expect
      .poll(() =>
        page
          .getByTestId('absence-list')
          .getByText(/whole day|14:00–17:00/)
          .count(),
      )
      .toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'team-absences-en.png'), fullPage: true });
  });
});
