import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimTermsOn } from '../../server/terms/claim-terms.ts';
import { browserAvailable, type Desk, openDesk } from '../helpers/browser.ts';

/**
 * The terms of sale say, per typology, how late a complaint may come and how fast the desk answers it. The admin
 * writes them in the CGV table beside the franco and the lead time; a complaint of an artisan baker is then measured
 * against them and quotes the article.
 */
describe.skipIf(!browserAvailable())('browser: claim deadlines and service times in the terms of sale', () => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await openDesk();
  }, 240_000);
  afterAll(() => desk?.close());

  it('lets the admin set the artisans’ claim terms in the CGV table, kept after a reload', async () => {
    const page = await desk.open('fr', 'admin@demo.local');
    await page.goto(`${desk.server.url}/terms`);
    const answer = page.getByLabel('Réclamation : première réponse sous — artisan');
    await answer.waitFor();
    await answer.fill('6');
    await page.getByLabel('Réclamation : dommages visibles, réserves confirmées sous — artisan').fill('4');
    await page.getByLabel('Réclamation : article des CGV — artisan').fill('art. 9');
    await desk.shot(page, 'claim-terms-fr');
    await page.getByTestId('terms-save').click();
    await expect
      .poll(async () => (await claimTermsOn(desk.server.app.db, 'ARTISAN', '2026-03-09')).clause, { timeout: 10_000 })
      .toMatch(/art\. 9$/);
    expect((await claimTermsOn(desk.server.app.db, 'ARTISAN', '2026-03-09')).terms).toMatchObject({
      visibleDamageDays: 4,
      answerWithinHours: 6,
    });
    await page.reload();
    await expect.poll(() => page.getByLabel('Réclamation : première réponse sous — artisan').inputValue()).toMatch(/^6/);
    // Another typology still reads the CGV's usual figures.
    expect(await page.getByLabel('Réclamation : première réponse sous — grossiste').inputValue()).toMatch(/^\d+/);
  });

  it('reads the same in English', async () => {
    const page = await desk.open('en', 'manager@demo.local');
    await page.goto(`${desk.server.url}/terms`);
    await expect.poll(() => page.getByLabel('Complaint: first answer within — artisan').inputValue()).toMatch(/^6/);
    await desk.shot(page, 'claim-terms-en');
  });
});
