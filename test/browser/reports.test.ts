import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Drill } from '../../core/reports/reports.schemas.ts';
import { browserAvailable, type Desk, openDesk } from '../helpers/browser.ts';

/** A Friday afternoon, whole weeks after TEST_NOW's Monday: the week's deliveries up to yesterday are in. */
const FRIDAY = '2026-03-13T16:00:00+01:00';

/**
 * Scenario 11, "the week's numbers": on Friday the manager opens the service figures on the demo with its six
 * months of history, sees the week by customer worst first against the week before, reads a figure's definition on
 * hover, clicks the OTIF of the worst customer and lands on the orders that missed it, each with why (late, short,
 * which line), the filters in the address: opened again from it, the same list. In French, then in English.
 */
describe.skipIf(!browserAvailable())('browser: the week in figures, down to the orders behind them', () => {
  let desk: Desk;

  beforeAll(async () => {
    desk = await openDesk({}, { history: true, at: FRIDAY });
  }, 300_000);

  afterAll(async () => {
    await desk?.close();
  });

  const openFigures = async (language: 'fr' | 'en'): Promise<Page> => {
    const page = await desk.open(language, 'manager@demo.local');
    await page.goto(`${desk.server.url}/reports`);
    await page.getByTestId('reports-table').locator('tbody tr[data-row]').first().waitFor();
    return page;
  };

  it('shows the week by customer, worst OTIF first, and the OTIF of the worst leads to the orders that missed it, with why', async () => {
    const page = await openFigures('fr');
    await expect.poll(() => page.title()).toBe('Chiffres du service — Carnet');
    // This week (Monday 9 to Sunday 15 March), against the one before.
    await expect.poll(() => page.getByText('S 11 ·', { exact: false }).count()).toBeGreaterThan(0);
    const rows = page.getByTestId('reports-table').locator('tbody tr[data-row]');
    expect(await rows.count()).toBeGreaterThan(5);
    // Worst first: the OTIF column never goes down (a customer with nothing delivered has no OTIF, and no link).
    const otifs = await rows.locator('a[data-metric="otif"]').allTextContents();
    const values = otifs.map((s) => Number(s.replace(/[^\d,]/g, '').replace(',', '.')));
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(values[0]).toBeLessThan(100);

    // The figure's definition on hover.
    await page.getByTestId('reports-totals').getByText('OTIF', { exact: false }).first().hover();
    await expect.poll(async () => (await page.getByRole('tooltip').allTextContents()).join(' ')).toMatch(/livr/i);
    await desk.shot(page, 'reports-figures-fr');

    // Scrolled to its last column (it is wider than the screen), the table still names each row.
    const table = page.getByTestId('reports-table');
    // The element that scrolls: the first ancestor that may scroll and is wider inside than out.
    const scroller = (t: Element, left: number | 'end' | null) => {
      let e = t.parentElement!;
      const scrolls = (x: Element) => ['auto', 'scroll'].includes(getComputedStyle(x).overflowX) && x.scrollWidth > x.clientWidth;
      while (!scrolls(e) && e.parentElement) e = e.parentElement;
      if (left !== null) e.scrollTo({ left: left === 'end' ? e.scrollWidth : left, behavior: 'instant' });
      return { left: e.getBoundingClientRect().left, scrolled: e.scrollLeft };
    };
    await table.evaluate(scroller, 'end' as const);
    await expect.poll(async () => (await table.evaluate(scroller, null)).scrolled).toBeGreaterThan(100);
    const frame = await table.evaluate(scroller, null);
    const name = await rows.first().locator('td').first().boundingBox();
    expect(Math.abs(name!.x - frame.left)).toBeLessThan(2);
    await desk.shot(page, 'reports-table-scrolled-fr');
    await table.evaluate(scroller, 0);

    const worst = rows.first();
    const customer = (await worst.locator('td').first().textContent())!;
    await worst.locator('a[data-metric="otif"]').click();
    await page.waitForURL((u) => u.pathname === '/reports/drill');
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      metric: 'otif',
      from: '2026-03-09',
      to: '2026-03-15',
      groupBy: 'customer',
      key: expect.stringMatching(/^\d+$/),
    });
    await expect.poll(async () => (await page.locator('h1').allTextContents()).join(' ')).toBe(`OTIF — ${customer}`);
    const listed = page.getByTestId('drill-table').locator('tbody tr[data-order]');
    await listed.first().waitFor();

    // Exactly the orders that missed it, as the API counts them, each with its reason.
    const drill = (await page.evaluate(async (u) => (await fetch(`/api/reports/kpis/drill${u}`)).json(), url.search)) as Drill;
    expect(await listed.count()).toBe(drill.counted - drill.met);
    for (const why of await listed.locator('td:last-child').allTextContents())
      expect(why).toMatch(/En retard|Incomplète|Reliquat|Manquant/);
    await desk.shot(page, 'reports-drill-fr');

    // The address is the view: opened again, the same orders.
    const again = await desk.open('fr', 'manager@demo.local');
    await again.goto(page.url());
    await again.getByTestId('drill-table').locator('tbody tr[data-order]').first().waitFor();
    expect(
      await again
        .getByTestId('drill-table')
        .locator('tbody tr[data-order]')
        .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-order'))),
    ).toEqual(await listed.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-order'))));
    await again.close();
    await page.close();
  });

  it('shows how orders were taken: confirmed before the cut-off, untouched, by channel; a touched order says who touched it', async () => {
    const page = await openFigures('fr');
    const totals = page.getByTestId('reports-totals');
    for (const label of ['Confirmées avant l’heure limite', 'Taux sans intervention', 'Pénalités évitées'])
      await totals.getByText(label, { exact: true }).waitFor();
    // Their definitions on hover.
    await totals.getByText('Taux sans intervention', { exact: true }).hover();
    await expect.poll(async () => (await page.getByRole('tooltip').allTextContents()).join(' ')).toMatch(/EDI et portail/);
    // Orders by channel: a bar per channel, and the shares beside them adding up to the whole.
    const channels = page.getByTestId('reports-channels');
    await channels.locator('.recharts-bar-rectangle').first().waitFor();
    const shares = await channels.locator('tbody a[data-metric]').allTextContents();
    expect(shares).toHaveLength(5);
    const sum = shares.map((v) => Number(v.replace(/[^\d,]/g, '').replace(',', '.'))).reduce((x, y) => x + y, 0);
    expect(Math.abs(sum - 100)).toBeLessThan(0.5);
    await desk.shot(page, 'reports-order-taking-fr');

    // The touchless rate of the week leads to the EDI and portal orders someone handled, each naming who.
    await totals.locator('a[data-metric="touchless"]').click();
    await page.waitForURL((u) => u.pathname === '/reports/drill' && u.searchParams.get('metric') === 'touchless');
    const listed = page.getByTestId('drill-table').locator('tbody tr[data-order]');
    await listed.first().waitFor();
    const drill = (await page.evaluate(
      async (u) => (await fetch(`/api/reports/kpis/drill${u}`)).json(),
      new URL(page.url()).search,
    )) as Drill;
    expect(await listed.count()).toBe(drill.counted - drill.met);
    for (const why of await listed.locator('td:last-child').allTextContents()) expect(why).toMatch(/Traitée à la main par \S/);
    await desk.shot(page, 'reports-drill-touchless-fr');
    await page.close();
  });

  it('in English: the view by delivery point, the EDI share down to its orders, the penalties avoided down to the risks', async () => {
    const page = await openFigures('en');
    await page.getByTestId('reports-group-by').click();
    await page.getByRole('option', { name: 'Delivery point' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('groupBy')).toBe('deliveryPoint');
    // A point reads by its name (which says whose it is).
    await expect
      .poll(async () => (await page.getByTestId('reports-table').locator('tbody tr[data-row] td:first-child').allTextContents()).join('|'))
      .toMatch(/Entrepôt Cap Marché/);
    await page.getByTestId('reports-channels').locator('.recharts-bar-rectangle').first().waitFor();
    await desk.shot(page, 'reports-delivery-points-en');

    // The EDI share: the orders that came in by EDI, all of them.
    await page.getByTestId('reports-channels').locator('tr[data-channel="edi"] a').click();
    await page.waitForURL((u) => u.pathname === '/reports/drill' && u.searchParams.get('metric') === 'channelEdi');
    await expect.poll(() => page.getByRole('radio', { name: 'All' }).isChecked()).toBe(true);
    const listed = page.getByTestId('drill-table').locator('tbody tr[data-order]');
    await listed.first().waitFor();
    const whys = await listed.locator('td:last-child').allTextContents();
    expect(whys.filter((w) => /Came in by EDI/.test(w))).toHaveLength(0);
    expect(whys.filter((w) => /Came in by/.test(w)).length).toBeGreaterThan(0);
    await desk.shot(page, 'reports-drill-edi-en');

    // The month's penalties avoided: the risks resolved before they failed, each with its exposure.
    await page.goto(`${desk.server.url}/reports?from=2026-02-01&to=2026-02-28&groupBy=customer&sort=otif`);
    const avoided = page.getByTestId('reports-totals').locator('a[data-metric="exposureAvoidedCents"]');
    await avoided.click();
    await page.waitForURL((u) => u.pathname === '/reports/drill' && u.searchParams.get('metric') === 'exposureAvoidedCents');
    const risks = page.getByTestId('drill-table').locator('tbody tr[data-order]');
    await risks.first().waitFor();
    expect(await risks.locator('td:nth-child(5)').allTextContents()).toContain('Stock shortfall');
    await desk.shot(page, 'reports-drill-risks-en');
    await page.close();
  });

  it('reads the same in English, the month by product and the drill-down of the service rate', async () => {
    const page = await openFigures('en');
    await expect.poll(() => page.title()).toBe('Service figures — Carnet');
    await desk.shot(page, 'reports-figures-en');
    await page.locator('.mantine-SegmentedControl-label', { hasText: /^Month$/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe('2026-03-01');
    await page.getByTestId('reports-group-by').click();
    await page.getByRole('option', { name: 'Product' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('groupBy')).toBe('product');
    await page.getByRole('textbox', { name: 'Worst first, by' }).click();
    await page.getByRole('option', { name: 'Service rate' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('serviceRate');
    // The product served worst this month: its lines that came short, each with which line and how many.
    await page.getByTestId('reports-table').locator('tbody tr[data-row] a[data-metric="serviceRate"]').first().click();
    await page.waitForURL((u) => u.pathname === '/reports/drill' && u.searchParams.get('metric') === 'serviceRate');
    const listed = page.getByTestId('drill-table').locator('tbody tr[data-order]');
    await listed.first().waitFor();
    for (const why of await listed.locator('td:last-child').allTextContents()) expect(why).toMatch(/Short|Backorder|Shortfall/);
    await desk.shot(page, 'reports-drill-en');
    await page.close();
  });
});
