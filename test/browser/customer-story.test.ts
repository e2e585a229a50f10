import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepInboxes } from '../../server/edi/inbox-watcher.ts';
import { browserAvailable, type Desk, openDesk, SCREENSHOTS } from '../helpers/browser.ts';

const FRENCH_DAYS = /lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche/;
const ENGLISH_DAYS = /Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday/;

/**
 * Before Pascal Martin calls (Boulangerie Martin, C020), the assistant opens his page on the demo with its six months
 * of history: what he usually orders and on which days, what is open, the notes, and his story a page at a time.
 * She leaves a note, pins it for whoever takes his next order, and reads further back in his story.
 */
describe.skipIf(!browserAvailable())("browser: the customer's whole story on his page", () => {
  let desk: Desk;
  let martin: number;
  const url = () => `${desk.server.url}/customers/${martin}`;

  beforeAll(async () => {
    desk = await openDesk({}, { history: true });
    martin = (await desk.server.app.db.selectFrom('customers').select('id').where('code', '=', 'C020').executeTakeFirstOrThrow()).id;
  }, 300_000);

  afterAll(async () => {
    await desk?.close();
  });

  it('shows his habits with real products and weekday names, takes a note, pins it and pages back in French', async () => {
    const page = await desk.open('fr');
    await page.goto(url());
    const habits = page.getByTestId('story-habits');
    await expect.poll(() => habits.getByText('Ses habitudes').count()).toBe(1);
    const products = page.getByTestId('story-usual-products');
    await expect.poll(() => products.getByText('Farine de blé T65', { exact: false }).count()).toBeGreaterThan(0);
    await expect.poll(() => products.getByText(/\d+ sacs?$/).count()).toBeGreaterThan(0);
    await expect
      .poll(() => products.getByText(/chaque semaine|toutes les \d+ semaines|tous les \d+ jours|chaque jour/).count())
      .toBeGreaterThan(0);
    expect(await page.getByTestId('story-weekdays').textContent()).toMatch(FRENCH_DAYS);
    await expect.poll(() => habits.getByText(/€ HT$/).count()).toBe(1);
    expect(await habits.getByText(/^téléphone \(\d+ commandes?\)$/).count()).toBe(1);
    expect(await page.getByTestId('story-last-order').textContent()).toMatch(/^CDE-\d{6}-\d{5} du \w+\. \d{2}\/\d{2}\/\d{4}$/);

    // The timeline: a first page, then the next one below it; each entry in words, dated the French way.
    const entries = page.getByTestId('story-entry');
    await expect.poll(() => entries.count()).toBe(20);
    expect(await entries.first().textContent()).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(await entries.first().textContent()).not.toMatch(/delivery-|risk-|\bcreate\b|\bconfirm\b/);
    await page.getByTestId('story-timeline-more').click();
    await expect.poll(() => entries.count()).toBe(40);
    await desk.shot(page, 'customer-story-fr');

    // A note for colleagues, then pinned: it shows at the top of his page (and at order entry, where he is picked).
    const text = 'Livrer par la cour arrière : la rue est en travaux jusqu’à fin mars.';
    await page.getByTestId('story-note-text').fill(text);
    await page.getByTestId('story-note-add').click();
    const note = page.getByTestId('story-note').filter({ hasText: text });
    await expect.poll(() => note.count()).toBe(1);
    expect(await page.getByTestId('pinned-notes').getByText(text).count()).toBe(0);
    await expect.poll(() => entries.filter({ hasText: text }).count()).toBe(1); // the timeline tells it too, first
    await note.getByTestId('story-note-pin').click();
    await expect.poll(() => page.getByTestId('pinned-notes').getByText(text).count()).toBe(1);
    await expect.poll(() => note.getByText('épinglée').count()).toBe(1);
    await page.getByTestId('story-notes').screenshot({ path: path.join(SCREENSHOTS, 'customer-story-notes-fr.png') });
  });

  it('reads the same story in English', async () => {
    const page = await desk.open('en');
    await page.goto(url());
    await expect.poll(() => page.getByTestId('story-habits').getByText('His habits').count()).toBe(1);
    await expect.poll(() => page.getByTestId('story-weekdays').textContent()).toMatch(ENGLISH_DAYS);
    await expect
      .poll(() =>
        page
          .getByTestId('story-usual-products')
          .getByText(/every (week|day|\d+ weeks|\d+ days)/)
          .count(),
      )
      .toBeGreaterThan(0);
    expect(
      await page
        .getByTestId('story-habits')
        .getByText(/^phone \(\d+ orders?\)$/)
        .count(),
    ).toBe(1);
    await expect.poll(() => page.getByTestId('story-entry').count()).toBe(20);
    await page.getByRole('button', { name: 'Show more' }).click();
    await expect.poll(() => page.getByTestId('story-entry').count()).toBe(40);
    await desk.shot(page, 'customer-story-en');
  });

  it('tells an EDI order that waits in the queue in words, linked to the queue or its order', async () => {
    // Cap Marché's ORDERS with a code Carnet does not know, from the demo's inbox.
    await sweepInboxes(desk.server.app.db, { settleMs: 0, clock: desk.server.app.clock });
    const capMarche = (await desk.server.app.db.selectFrom('customers').select('id').where('code', '=', 'C001').executeTakeFirstOrThrow())
      .id;
    const page = await desk.open('fr');
    await page.goto(`${desk.server.url}/customers/${capMarche}`);
    const problem = page.locator('[data-testid="story-entry"][data-kind="edi-problem"]').first();
    await expect
      .poll(() => problem.textContent())
      .toMatch(/Problème EDI.*Message EDI ORDERS n° C001-PO-\d+ : problème à la réception · à traiter/);
    expect(await problem.getByRole('link').getAttribute('href')).toMatch(/^\/(edi|orders\/\d+)$/);
    await problem.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'customer-story-timeline-edi-fr.png') });
  });
});
