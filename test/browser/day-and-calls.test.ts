import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/clock.ts';
import { sweepInboxes } from '../../server/edi/inbox-watcher.ts';
import { runRiskScan } from '../../server/risks/risk-scan.ts';
import { browserAvailable, buildWeb, launchBrowser, logIn, type RunningServer, SCREENSHOTS, startServer } from '../helpers/browser.ts';
import { TEST_TODAY } from '../helpers/test-app.ts';

/**
 * Scenario 1, the morning plan: on Monday at 08:30 Léa logs in and lands on her day (EDI orders, risks, the
 * artisans' calls at their time, estimates, a day that does not fit); then she runs three calls with the keyboard alone.
 */

describe.skipIf(!browserAvailable())('browser: the morning plan and a series of calls', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    buildWeb();
    // The pinned Monday (TEST_NOW's day), at 08:30, the start of Léa's day.
    const clock = fixedClock(`${TEST_TODAY}T08:30:00+01:00`);
    server = await startServer({}, clock);
    await sweepInboxes(server.app.db, { clock, settleMs: 0 });
    await runRiskScan(server.app.db, clock.now());
    browser = await launchBrowser(clock.now());
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lands the assistant on her day, ranked, with estimates and what to hand over', async () => {
    await logIn(page, server.url, 'adv@demo.local');
    await page.waitForURL((u) => u.pathname === '/day');
    const items = page.getByTestId('day-items');
    await expect.poll(() => items.getByText('Appeler Boulangerie Martin').count()).toBe(1);
    await expect.poll(() => items.getByText(/Commande EDI/).count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => items.getByText(/Commande à risque/).count()).toBeGreaterThanOrEqual(1);
    await expect.poll(() => items.getByText(/médiane de vos/).count()).toBeGreaterThan(0);
    await expect
      .poll(() =>
        page
          .getByTestId('day-over')
          .getByText(/La journée déborde/)
          .count(),
      )
      .toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'day-fr.png') });
  });

  it('runs three calls one after the other with the keyboard alone', async () => {
    await page.keyboard.press('Alt+l');
    await page.waitForURL((u) => u.pathname === '/calls/series');
    const card = page.getByTestId('call-card');
    await expect.poll(() => card.getByText(/Appel 1 \//).count()).toBe(1);
    await expect.poll(() => card.getByText(/Trame/).count()).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'call-series-fr.png') });
    const refs: string[] = [];
    for (const [n, key] of [
      [1, '5'],
      [2, '4'],
      [3, '2'],
    ] as const) {
      await expect.poll(() => card.getByText(new RegExp(`Appel ${n} /`)).count()).toBe(1);
      refs.push((await card.getAttribute('data-ref'))!);
      await page.keyboard.press(key);
      if (n === 2) {
        await page.keyboard.press('n');
        await page.keyboard.type('Message sur le répondeur, rappeler demain.');
        await page.keyboard.press('Escape');
      }
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => card.getByText(/Appel 4 \//).count()).toBe(1);
    expect(new Set(refs).size).toBe(3);
    // The screen times the call on the browser's clock: the three last calls of the log are these.
    const calls = (await server.app.db.selectFrom('calls').select(['outcome', 'note']).orderBy('id', 'desc').limit(3).execute()).reverse();
    expect(calls.map((c) => c.outcome)).toEqual(['nothing-to-order', 'message-left', 'no-answer']);
    expect(calls[1].note).toContain('répondeur');

    await page.evaluate(() => localStorage.setItem('carnet.language', 'en'));
    await page.reload();
    await expect
      .poll(() =>
        page
          .getByTestId('call-card')
          .getByText(/Call \d+ \//)
          .count(),
      )
      .toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'call-series-en.png') });
    await page.goto(`${server.url}/day`);
    await expect
      .poll(() =>
        page
          .getByTestId('day-over')
          .getByText(/The day is over by/)
          .count(),
      )
      .toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'day-en.png') });
  });
});
