import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileStoreOf } from '../../server/documents/file-store.ts';
import { intakeFolder, sweepFolder } from '../../server/intake/mailbox.ts';
import { stopOcr } from '../../server/intake/ocr.ts';
import { browserAvailable, type Desk, openDesk } from '../helpers/browser.ts';

/**
 * The demo's mailbox (three emails and a fax) in "À saisir"; the assistant opens the artisan's email, finds the
 * original beside a draft already filled, and confirms it with Ctrl+Enter: it leaves the queue, its acknowledgement
 * addressed to the sender.
 */
describe.skipIf(!browserAvailable())('browser: orders by email and fax', () => {
  let desk: Desk;

  beforeAll(async () => {
    desk = await openDesk();
    const db = desk.server.app.db;
    const swept = await sweepFolder(db, intakeFolder(fileStoreOf(db)), desk.server.app.clock);
    expect(swept.taken).toBe(4);
  }, 300_000);

  afterAll(async () => {
    await stopOcr();
    await desk?.close();
  });

  it('lists the emails and the fax, shows the original beside the filled draft, and confirms with the keyboard', async () => {
    const page = await desk.open('fr');
    await page.goto(`${desk.server.url}/intake`);
    const rows = page.getByTestId('intake-row');
    await rows.first().waitFor();
    expect(await page.getByTestId('intake-queue').innerText()).toMatch(/Fax[\s\S]*Grossiste Méditerranée/);
    const mailbox = await rows.filter({ hasText: /Email|Fax/ }).count();
    expect(mailbox).toBe(4);
    await desk.shot(page, 'intake-queue-fr');

    await rows.filter({ hasText: 'Commande de la semaine' }).click();
    await page.getByTestId('intake-original').waitFor();
    // Each of the four lines (its product and quantity, read as one span) and the date are marked in the original.
    expect(await page.getByTestId('found-value').count()).toBeGreaterThanOrEqual(5);
    // The draft's lines: each product's code in its field, in the email's order.
    const codes = page.getByTestId('order-lines').locator('input[data-testid^="order-line-"][data-testid$="-product"]');
    await expect
      .poll(async () => (await codes.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).filter(Boolean))
      .toEqual(['FAR-T65-S25', 'FAR-T55-S25', 'FAR-SEI-S25', 'SUC-GLA-500']);
    // The date the baker asked for stands (the customer's earliest date does not replace it once his context arrives).
    await expect.poll(() => page.getByTestId('order-requested-date').inputValue()).toContain('13/03/2026');
    await page.waitForTimeout(500);
    await desk.shot(page, 'intake-email-fr');

    await page.keyboard.press('Control+Enter');
    await page.waitForURL((u) => u.pathname === '/intake');
    await page.getByTestId('intake-row').first().waitFor();
    expect(await page.getByTestId('intake-queue').innerText()).not.toContain('Commande de la semaine');
    // The acknowledgement is printed after the commit by the worker, then answers the sender.
    await expect
      .poll(() => desk.server.app.db.selectFrom('outboxEmails').select(['toAddress', 'kind']).execute(), { timeout: 20_000 })
      .toContainEqual({ toAddress: 'pascal@boulangerie-martin.example', kind: 'acknowledgement' });
    await page.close();
  }, 120_000);

  it('shows the fax, its image and what OCR read, in English too', async () => {
    const page = await desk.open('en');
    await page.goto(`${desk.server.url}/intake`);
    await page.getByTestId('intake-row').filter({ hasText: 'Fax' }).first().click();
    await page.getByTestId('part-image').waitFor();
    expect(await page.getByTestId('part-image').innerText()).toMatch(/sucre cristal/i);
    await page.getByTestId('order-lines').getByText('SUC-CRI-1KG').first().waitFor();
    await page.waitForTimeout(500);
    await desk.shot(page, 'intake-fax-en');
    await page.goto(`${desk.server.url}/intake`);
    await page.getByTestId('intake-row').first().waitFor();
    await desk.shot(page, 'intake-queue-en');
    await page.close();
  }, 120_000);
});
