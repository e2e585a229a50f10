import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepInboxes } from '../../server/edi/inbox-watcher.ts';
import { browserAvailable, type Desk, openDesk, typeOrderLine } from '../helpers/browser.ts';

/**
 * Issue 13, items 2 and 3: the order entry times itself from opening to confirming (what her ordering calls' estimates
 * learn from; leaving without saving is no timing), the day says where the ordering call's minutes come from, and
 * Alt+A answers an inbound call from any screen, in French and in English.
 */
describe.skipIf(!browserAvailable())('browser: the work timed by the screens, and Alt+A for an inbound call', () => {
  let desk: Desk;
  let martin: number;
  let lea: number;
  /** The demo's timings end here (their refs name no real work): the suite reads only what the screens post. */
  let seeded: number;

  beforeAll(async () => {
    desk = await openDesk();
    const db = desk.server.app.db;
    await sweepInboxes(db, { clock: desk.server.app.clock, settleMs: 0 });
    martin = (await db.selectFrom('customers').select('id').where('code', '=', 'C020').executeTakeFirstOrThrow()).id;
    seeded =
      (
        await db
          .selectFrom('workTimings')
          .select((eb) => eb.fn.max('id').as('id'))
          .executeTakeFirstOrThrow()
      ).id ?? 0;
    lea = (await db.selectFrom('users').select('id').where('email', '=', 'adv@demo.local').executeTakeFirstOrThrow()).id;
  }, 240_000);

  afterAll(async () => {
    await desk?.close();
  });

  const timings = (ref?: string) => {
    let q = desk.server.app.db
      .selectFrom('workTimings')
      .select(['userId', 'kind', 'ref', 'startedAt', 'endedAt', 'minutes'])
      .where('id', '>', seeded);
    if (ref) q = q.where('ref', '=', ref);
    return q.execute();
  };

  /** The page's time stands still (launchBrowser): `at(0)` she opens, `at(n)` n minutes later, the server's clock along. */
  const minutesFrom = async (page: Page) => {
    const opened = desk.server.clock.now().getTime();
    await page.clock.setFixedTime(opened);
    return async (minutes: number) => {
      await page.clock.setFixedTime(opened + minutes * 60_000);
      desk.server.clock.set(new Date(opened + minutes * 60_000 + 1000));
    };
  };

  it('times the order she types, from opening the entry to confirming it, as hers', async () => {
    const page = await desk.open('fr');
    // She opens the entry now and confirms three minutes later.
    const opened = desk.server.clock.now().getTime();
    const later = await minutesFrom(page);
    await page.goto(`${desk.server.url}/orders/new?customerId=${martin}`);
    await typeOrderLine(page, 1, 'FAR-T65-S25', 20);
    await later(3);
    await page.keyboard.press('Control+Enter');
    await page.waitForURL(/\/orders\/\d+$/);
    const orderId = Number(/\/orders\/(\d+)$/.exec(page.url())![1]);
    await expect.poll(async () => (await timings(`order-entry:${orderId}`)).length).toBe(1);
    const [timing] = await timings(`order-entry:${orderId}`);
    expect(timing).toMatchObject({ userId: lea, kind: 'order-entry', minutes: 3, startedAt: new Date(opened).toISOString() });

    // Opened, typed, left for her day without saving: nothing is timed.
    const before = (await timings()).length;
    await page.goto(`${desk.server.url}/orders/new?customerId=${martin}`);
    await typeOrderLine(page, 1, 'FAR-T65-S25', 20);
    await page.goto(`${desk.server.url}/day`);
    const call = page.locator(`[data-ref="ordering-call:${martin}"]`);
    await expect.poll(() => call.innerText()).toContain('appel + saisie de la commande');
    expect(await call.innerText()).toMatch(/médiane de vos \d+ derniers/);
    expect((await timings()).length).toBe(before);
    await desk.shot(page, 'day-estimate-sources-fr');
  });

  it('times a complaint from opening it to answering it, and an EDI message from the queue to its fix', async () => {
    const db = desk.server.app.db;
    const complaint = await db.selectFrom('complaints').select('id').where('status', '=', 'open').orderBy('id').executeTakeFirstOrThrow();
    const page = await desk.open('fr');
    let later = await minutesFrom(page);
    await page.goto(`${desk.server.url}/complaints/${complaint.id}`);
    await page.getByTestId('complaint-answer').waitFor();
    await later(7);
    await page.getByTestId('complaint-answer').click();
    await expect.poll(async () => (await timings(`complaint:${complaint.id}`)).length).toBe(1);
    expect((await timings(`complaint:${complaint.id}`))[0]).toMatchObject({ userId: lea, kind: 'complaint', minutes: 7 });

    later = await minutesFrom(page);
    await page.goto(`${desk.server.url}/edi`);
    const card = page
      .getByTestId('edi-message')
      .filter({ has: page.getByTestId('edi-price-ours') })
      .first();
    await card.waitFor();
    const queue = (await page.evaluate(async () => (await fetch('/api/edi/queue')).json())) as {
      items: { id: number; findings: { kind: string }[] }[];
    };
    const priced = queue.items.find((m) => m.findings.some((f) => f.kind === 'price-mismatch'))!;
    await later(4);
    await card.getByTestId('edi-price-ours').click();
    await page.getByTestId('edi-price-confirm-button').click();
    await expect.poll(async () => (await timings(`edi-order:${priced.id}`)).length).toBe(1);
    expect((await timings(`edi-order:${priced.id}`))[0]).toMatchObject({ userId: lea, kind: 'edi-order', minutes: 4 });
    await desk.shot(page, 'edi-fixed-timed-fr');
  });

  it('says in English where an ordering call’s minutes come from', async () => {
    const page = await desk.open('en');
    await page.goto(`${desk.server.url}/day`);
    const call = page.locator(`[data-ref="ordering-call:${martin}"]`);
    await expect.poll(() => call.innerText()).toContain('call + order entry');
    expect(await call.innerText()).toMatch(/median of your last \d+/);
    await desk.shot(page, 'day-estimate-sources-en');
  });

  for (const lang of ['fr', 'en'] as const) {
    const words = {
      fr: { title: 'Appel entrant', help: 'prendre un appel entrant' },
      en: { title: 'Inbound call', help: 'take an inbound call' },
    }[lang];

    it(`answers an inbound call with Alt+A from any screen, even from a field (${lang})`, async () => {
      const page = await desk.open(lang);
      await page.goto(`${desk.server.url}/orders/new`);
      const button = page.getByTestId('inbound-call');
      await button.waitFor();
      expect(await button.getAttribute('aria-keyshortcuts')).toBe('Alt+A');
      expect(await button.getAttribute('title')).toContain('Alt+A');
      expect(await button.innerText()).toContain('Alt+A');
      // The customer field has the focus: the phone rings while she types.
      await page.keyboard.press('Alt+KeyA');
      const palette = page.getByTestId('inbound-call-palette');
      await expect.poll(() => palette.getByText(words.title).count()).toBe(1);
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'search-palette-input');
      await page.keyboard.type('02 61 91 40 01');
      await expect.poll(() => page.getByTestId(`search-hit-c${martin}`).count()).toBe(1);
      await desk.shot(page, `inbound-call-shortcut-${lang}`);
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.pathname === `/customers/${martin}` && u.searchParams.get('call') === 'in');
      await expect.poll(() => page.getByTestId('inbound-call-panel').count()).toBe(1);

      // The list of shortcuts says it.
      await page.locator('body').click({ position: { x: 700, y: 20 } });
      await page.keyboard.press('Shift+Slash');
      const help = page.getByTestId('shortcuts-help');
      await expect.poll(() => help.getByText(words.help).count()).toBe(1);
      await desk.shot(page, `shortcuts-help-inbound-${lang}`);
    });
  }
});
