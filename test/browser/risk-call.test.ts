import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRiskScan } from '../../server/risks/risk-scan.ts';
import { browserAvailable, buildWeb, launchBrowser, logIn, type RunningServer, SCREENSHOTS, startServer } from '../helpers/browser.ts';

/**
 * Scenario 4: the croissants and the 1 kg T45 packs will be short for Cap Marché. The assistant opens the risk from
 * the board, calls the order contact, the customer takes the short delivery on time (his settings accept a partial
 * delivery, not a backorder), Carnet applies it and the risk leaves the board.
 */
describe.skipIf(!browserAvailable())('browser: from a risk to the customer decision', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const digits = (s: string) => s.replace(/\D/g, '');

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    buildWeb();
    server = await startServer();
    await runRiskScan(server.app.db, server.app.clock.now());
    browser = await launchBrowser();
    // A desk in Montréal: the call-back is still said and kept in Paris time.
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR', timezoneId: 'America/Montreal' });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens the risk from the board and shows the call: contact, situation, script, options ranked', async () => {
    await logIn(page, server.url, 'adv@demo.local');
    await page.goto(`${server.url}/risks`);
    const row = page.getByTestId('risks-table').locator('tbody tr', { hasText: 'FAR-T45-1KG' }).first();
    await row.waitFor();
    await shot('risk-01-board');
    await row.click();
    await page.waitForURL(/\/risks\/\d+$/);
    const call = page.getByTestId('risk-call');
    await call.waitFor();
    expect(await page.getByTestId('risk-call-phone').getAttribute('href')).toMatch(/^tel:/);
    expect(await page.getByTestId('risk-situation').innerText()).toMatch(/il manquera 60/);
    expect(await page.getByTestId('risk-option-partial-cancel').textContent()).toContain('accepté par le client');
    expect(await page.getByTestId('risk-option-postpone').textContent()).toContain('hors accord');
    await shot('risk-02-call-fr');
    await page.evaluate(() => localStorage.setItem('carnet.language', 'en'));
    await page.reload();
    await page.getByTestId('risk-option-partial-cancel').waitFor();
    expect(await page.getByTestId('risk-situation').innerText()).toMatch(/60 .* will be missing/);
    await shot('risk-03-call-en');
    await page.evaluate(() => localStorage.setItem('carnet.language', 'fr'));
    await page.reload();
  });

  it('confirms what the option changes on the order, applies it, and undoes it while nothing moved on', async () => {
    const riskId = Number(new URL(page.url()).pathname.split('/').pop());
    const risk = await page.evaluate((id) => fetch(`/api/risks/${id}`).then((r) => r.json()), riskId);
    const order = () => page.evaluate((id) => fetch(`/api/orders/${id}`).then((r) => r.json()), risk.orderId);
    const was = await order();
    await page.getByTestId('risk-option-partial-cancel').getByRole('button').click();
    const confirm = page.getByTestId('risk-apply-confirm');
    await confirm.waitFor();
    const words = await confirm.innerText();
    expect(words).toMatch(new RegExp(`Ligne FAR-T45-1KG : ${risk.lineQuantity} → ${risk.lineQuantity - 60}`));
    expect(words).toMatch(/La commande baisse de [\d\s ,]+€ HT/);
    expect(words).toContain('Un nouvel accusé de réception sera envoyé au client');
    await shot('risk-04-confirm-fr');
    // Back: nothing applied.
    await page.getByRole('button', { name: 'Retour' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect((await order()).totals.grossCents).toBe(was.totals.grossCents);
    await page.getByTestId('risk-option-partial-cancel').getByRole('button').click();
    await page.getByTestId('risk-apply-confirm-button').click();
    const applied = page.getByTestId('risk-applied');
    await applied.waitFor();
    expect(await applied.innerText()).toContain(`Solution appliquée à la commande ${risk.orderNumber}`);
    expect((await order()).totals.grossCents).toBeLessThan(was.totals.grossCents);
    await shot('risk-05-applied-fr');
    await page.getByTestId('risk-undo').click();
    await page.getByTestId('risk-undone').waitFor();
    await page.getByTestId('risk-option-partial-cancel').waitFor(); // the risk is open again, its options back
    const back = await order();
    expect(back.totals.grossCents).toBe(was.totals.grossCents);
    expect(back.lines.map((l: { quantity: number }) => l.quantity)).toEqual(was.lines.map((l: { quantity: number }) => l.quantity));
    await shot('risk-06-undone-fr');
  });

  it('plans a call-back by keyboard, in French, at a Paris time whatever the browser’s zone', async () => {
    const riskId = Number(new URL(page.url()).pathname.split('/').pop());
    const date = page.getByTestId('risk-callback-date');
    await date.click();
    await page.keyboard.type('jeudi');
    await page.keyboard.press('Tab');
    expect(await date.inputValue()).toBe('jeu. 12/03/2026');
    await page.keyboard.type('1430');
    await page.getByTestId('risk-callback-save').focus();
    await page.keyboard.press('Enter');
    const planned = page.getByTestId('risk-callback-planned');
    await planned.waitFor();
    expect(await planned.innerText()).toBe('Rappel prévu le jeu. 12/03/2026 à 14:30.');
    const task = await server.app.db
      .selectFrom('tasks')
      .select('dataJson')
      .where('kind', '=', 'risk-call-back')
      .where('dedupeKey', '=', `risk:${riskId}`)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(task.dataJson!).callBackAt).toBe('2026-03-12T13:30:00.000Z');
    await shot('risk-07-call-back-fr');
    // Her day shows it, the French way, on the order at risk.
    await page.goto(`${server.url}/day`);
    const item = page.locator(`[data-ref="risk:${riskId}"]`);
    await item.waitFor();
    expect(await item.innerText()).toContain('rappel convenu le jeu. 12/03/2026 à 14:30');
    await item.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'risk-07b-day-call-back-fr.png') });
    await page.goto(`${server.url}/risks/${riskId}`);
    await page.evaluate(() => localStorage.setItem('carnet.language', 'en'));
    await page.reload();
    await page.getByTestId('risk-callback-planned').waitFor();
    expect(await page.getByTestId('risk-callback-planned').innerText()).toBe('Call-back planned on Thu, 12/03/2026 at 14:30.');
    await page.getByTestId('risk-option-partial-cancel').getByRole('button').click();
    await page.getByTestId('risk-apply-confirm').waitFor();
    expect(await page.getByTestId('risk-apply-confirm').innerText()).toContain('A new order acknowledgement will be sent');
    await shot('risk-08-confirm-en');
    await page.getByTestId('risk-apply-confirm-button').click();
    await page.getByTestId('risk-applied').waitFor();
    await shot('risk-09-applied-en');
    await page.evaluate(() => localStorage.setItem('carnet.language', 'fr'));
    await page.reload();
  });

  it('records the choice: the order shows the shorter line, the risk is gone from the board', async () => {
    const riskId = Number(new URL(page.url()).pathname.split('/').pop());
    const risk = await page.evaluate((id) => fetch(`/api/risks/${id}`).then((r) => r.json()), riskId);
    await page.getByTestId('risk-open-order').click();
    await page.waitForURL(/\/orders\/\d+$/);
    const line = page.getByTestId('order-detail-lines').locator('tbody tr', { hasText: 'FAR-T45-1KG' });
    // The risk reads the line as it now stands: 320 cut to 260.
    expect(risk.lineQuantity).toBe(260);
    await expect.poll(async () => digits(await line.locator('td').nth(3).innerText())).toBe('260');
    await shot('risk-10-order-updated');
    await page.goto(`${server.url}/risks`);
    await page.getByTestId('risks-table').waitFor();
    await expect
      .poll(() =>
        page.getByTestId('risks-table').locator('tbody tr', { hasText: risk.orderNumber }).filter({ hasText: 'FAR-T45-1KG' }).count(),
      )
      .toBe(0);
    await shot('risk-11-board-after');
  });

  it('delivers a released order from another warehouse: the cassonade short at the depot leaves from the mill instead', async () => {
    await page.goto(`${server.url}/risks`);
    const row = page.getByTestId('risks-table').locator('tbody tr', { hasText: 'SUC-CAS-500' }).first();
    await row.waitFor();
    await row.click();
    await page.waitForURL(/\/risks\/\d+$/);
    const option = page.getByTestId('risk-option-other-warehouse');
    await option.waitFor();
    expect(await page.getByTestId('risk-warehouse').innerText()).toContain('WH-SUCRE');
    expect(await option.textContent()).toContain('Moulin de Saint-Fiacre (Artenay)'); // the site as the customer knows it, not our code;
    await shot('risk-12-call-other-warehouse');
    await option.getByRole('button').click();
    expect(await page.getByTestId('risk-apply-confirm').innerText()).toContain(
      'SUC-CAS-500 part de Moulin de Saint-Fiacre (Artenay) au lieu de',
    );
    await page.getByTestId('risk-apply-confirm-button').click();
    await page.getByTestId('risk-open-order').click();
    await page.waitForURL(/\/orders\/\d+$/);
    const delivery = page.getByTestId('order-deliveries').locator('tbody tr', { hasText: 'SUC-CAS-500' });
    await expect.poll(async () => (await delivery.count()) === 1 && (await delivery.innerText())).toContain('Moulin de Saint-Fiacre');
    expect(await page.getByTestId('order-deliveries').locator('tbody tr', { hasText: 'SUC-MOR-1KG' }).innerText()).toContain(
      'Sucres du Val',
    );
    await shot('risk-13-order-from-the-mill');
  });
});
