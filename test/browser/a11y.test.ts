import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopOcr } from '../../server/intake/ocr.ts';
import { audit, browserAvailable, type Desk, openDesk } from '../helpers/browser.ts';
import { A11Y_SCREENS, prepareA11yDesk, showScreen } from './a11y-screens.ts';

/**
 * Issue 19, § 1: every screen of the desk, in French and in English, in the states its user sees (empty, filled,
 * an open dialog, errors shown), audited with axe-core 4 (WCAG 2.1 A and AA, best practices) at 1440×900: no
 * critical or serious violation, one level-one heading, the landmarks. The screens are listed in a11y-screens.ts:
 * a new screen is audited by adding it there.
 */
/**
 * Codes a reader should never meet: a data code (`FARINES_CONSO`, `BOULANGERIE_AMBIANTE`) or a weekday code (`MON/THU`).
 * The settings an administrator sets by name (`BACKUP_CRON`, on the operations screen) are words of her trade.
 */
function rawCodes(text: string): string[] {
  const settings = /^[A-Z]+_(CRON|URL|DIR)$/;
  const codes = [...text.matchAll(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g)].map((m) => m[0]).filter((c) => !settings.test(c));
  const days = [...text.matchAll(/\b(MON|TUE|WED|THU|FRI|SAT|SUN)\b/g)].map((m) => m[0]);
  return [...new Set([...codes, ...days])];
}

describe.skipIf(!browserAvailable())('browser: every screen is clean under axe-core', () => {
  let desk: Desk;

  beforeAll(async () => {
    desk = await openDesk();
    await prepareA11yDesk(desk.server);
  }, 300_000);

  afterAll(async () => {
    await stopOcr();
    await desk?.close();
  });

  for (const language of ['fr', 'en'] as const) {
    for (const screen of A11Y_SCREENS) {
      it(`${screen.name} (${language})`, async () => {
        const page = await showScreen(desk.open, screen, language);
        try {
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
          const violations = await audit(page);
          if (violations.length) await desk.shot(page, `a11y-failing-${screen.name}-${language}`);
          expect(violations).toEqual([]);
          expect(await page.locator('h1').count()).toBe(1);
          expect(await page.locator('main').count()).toBe(1);
          // Issue 18 § 10: the trade's words, never the data's codes (as written, before any CSS capitals).
          expect(rawCodes(await page.evaluate(() => document.body.textContent ?? ''))).toEqual([]);
          if (screen.user !== null) {
            // A dialog's title bar (Mantine draws it as a <header>) belongs to the dialog, not to the page.
            expect(await page.locator('header:not([role="dialog"] header)').count()).toBe(1);
            expect(await page.locator('nav').count()).toBe(1);
          }
        } finally {
          await page.close();
        }
      });
    }
  }
});
