import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type Desk, openDesk } from '../helpers/browser.ts';

/**
 * Issue 16, item 3 in the browser: a manager records a force-majeure period on its screen, in French; in English she
 * moves its end; the list says who recorded it and the history what changed; the assistant reads without a form.
 */
describe.skipIf(!browserAvailable())('browser: a force-majeure period recorded and changed on screen', () => {
  let desk: Desk;

  beforeAll(async () => {
    desk = await openDesk();
  }, 600_000);
  afterAll(() => desk?.close());

  it('is recorded by a manager in French, changed in English, read by the assistant', async () => {
    const page = await desk.open('fr', 'manager@demo.local');
    await page.goto(`${desk.server.url}/terms/force-majeure`);
    const form = page.getByTestId('force-majeure-form');
    await form.waitFor();
    await page.getByTestId('force-majeure-label').fill('Grève des transporteurs');
    await page.getByTestId('force-majeure-from').fill('10/03');
    await page.keyboard.press('Tab');
    await page.getByTestId('force-majeure-to').fill('12/03/26');
    await page.keyboard.press('Tab');
    expect(await page.getByTestId('force-majeure-to').inputValue()).toBe('jeu. 12/03/2026');
    await page.getByTestId('force-majeure-categories').click();
    await page.getByRole('option', { name: 'pains surgelés' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('force-majeure-save').click();
    const row = page.getByTestId('force-majeure-periods').locator('tbody tr', { hasText: 'Grève des transporteurs' });
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.innerText()).toContain('Claire Dubois');
    expect(await row.textContent()).toContain('à venir');
    expect(await row.innerText()).toContain('pains surgelés');
    expect(await page.getByTestId('force-majeure-label').inputValue()).toBe('');
    await desk.shot(page, 'force-majeure-fr');

    const en = await desk.open('en', 'manager@demo.local');
    await en.goto(`${desk.server.url}/terms/force-majeure`);
    const enRow = en.getByTestId('force-majeure-periods').locator('tbody tr', { hasText: 'Grève des transporteurs' });
    await enRow.getByRole('button', { name: 'Change' }).click();
    expect(await en.getByTestId('force-majeure-label').inputValue()).toBe('Grève des transporteurs');
    await en.getByTestId('force-majeure-to').fill('11/03/26');
    await en.keyboard.press('Tab');
    expect(await en.getByTestId('force-majeure-to').inputValue()).toBe('Wed 11/03/2026');
    await en.getByTestId('force-majeure-save').click();
    await expect.poll(() => enRow.innerText()).toContain('11/03/2026');
    await expect.poll(() => en.getByTestId('force-majeure-history').locator('tr', { hasText: 'changed' }).count()).toBe(1);
    expect(await en.getByTestId('force-majeure-history').locator('tr', { hasText: 'changed' }).innerText()).toContain('frozen bread');
    await desk.shot(en, 'force-majeure-en');

    const adv = await desk.open('fr');
    await adv.goto(`${desk.server.url}/terms/force-majeure`);
    await adv.getByTestId('force-majeure-periods').locator('tbody tr', { hasText: 'Grève des transporteurs' }).waitFor();
    expect(await adv.getByTestId('force-majeure-form').count()).toBe(0);
    await adv.close();
    await en.close();
    await page.close();
  });
});
