import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepInboxes } from '../../server/edi/inbox-watcher.ts';
import { browserAvailable, type Desk, openDesk } from '../helpers/browser.ts';

type QueueItem = { id: number; findings: { kind: string; data: { concessionCents?: number; managerDecides?: boolean } | null }[] };

/**
 * Issue 18, item 4 — the price question has two answers. The demo inbox's wholesaler sent last year's price: the
 * EDI queue offers his price or ours, each confirmed with what is at stake; his price, when it gives away more than
 * the terms let the desk concede, is a manager's; the assistant keeps ours and the card leaves the queue.
 */
describe.skipIf(!browserAvailable())('browser: the customer’s price, his or ours', () => {
  let desk: Desk;

  beforeAll(async () => {
    desk = await openDesk();
    await sweepInboxes(desk.server.app.db, { clock: desk.server.app.clock, settleMs: 0 });
  }, 300_000);

  afterAll(async () => {
    await desk?.close();
  });

  it('shows both answers with the amount at stake (en), then the assistant keeps our price (fr)', async () => {
    const en = await desk.open('en');
    await en.goto(`${desk.server.url}/edi`);
    const enCard = en.getByTestId('edi-message').filter({ has: en.getByTestId('edi-price-ours') });
    await enCard.first().waitFor();
    expect(await enCard.first().getByTestId('edi-price-theirs').innerText()).toBe('Accept their price');
    await desk.shot(en, 'issue18-4-price-answers-en');
    await en.close();

    const page = await desk.open('fr');
    await page.goto(`${desk.server.url}/edi`);
    const card = page
      .getByTestId('edi-message')
      .filter({ has: page.getByTestId('edi-price-ours') })
      .first();
    await card.waitFor();
    const queue = (await page.evaluate(async () => (await fetch('/api/edi/queue')).json())) as { items: QueueItem[] };
    const priced = queue.items.find((m) => m.findings.some((f) => f.kind === 'price-mismatch'))!;
    const data = priced.findings.find((f) => f.kind === 'price-mismatch')!.data!;
    expect(data.concessionCents).toBeGreaterThan(0);
    // What the screen offers follows the terms' threshold: beyond it, his price is the manager's to accept.
    expect(await card.getByTestId('edi-price-theirs').isDisabled()).toBe(data.managerDecides === true);
    if (data.managerDecides) expect(await card.getByTestId('edi-price-manager').innerText()).toContain('un responsable décide');
    else {
      await card.getByTestId('edi-price-theirs').click();
      await expect.poll(() => page.getByTestId('edi-price-confirm').innerText()).toMatch(/de moins sur la ligne/);
      await page.keyboard.press('Escape');
    }

    await card.getByTestId('edi-price-ours').click();
    const confirm = page.getByTestId('edi-price-confirm');
    await expect.poll(() => confirm.innerText()).toMatch(/La ligne reste à [\d,]+\s€\sHT l’unité ; la réponse à sa commande \(ORDRSP\)/);
    await desk.shot(page, 'issue18-4-keep-our-price-fr');
    await page.getByTestId('edi-price-confirm-button').click();
    await expect
      .poll(() =>
        page
          .getByTestId('edi-message')
          .filter({ has: page.getByTestId('edi-price-ours') })
          .count(),
      )
      .toBe(0);
    const line = await desk.server.app.db
      .selectFrom('orderLines')
      .innerJoin('ediMessages', 'ediMessages.orderId', 'orderLines.orderId')
      .select(['orderLines.agreedUnitPriceCents', 'orderLines.expectedUnitPriceCents'])
      .where('ediMessages.id', '=', priced.id)
      .executeTakeFirstOrThrow();
    expect(line.agreedUnitPriceCents).not.toBeNull();
    expect(line.agreedUnitPriceCents).not.toBe(line.expectedUnitPriceCents);
    await page.close();
  });
});
