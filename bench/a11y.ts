import { stopOcr } from '../server/intake/ocr.ts';
import { audit, type AuditViolation, openDesk } from '../test/helpers/browser.ts';
import { A11Y_SCREENS, prepareA11yDesk, showScreen } from '../test/browser/a11y-screens.ts';

const LANGUAGES = ['fr', 'en'] as const;

/** Elements in violation, as axe-core counts them (the table counted so). */
const count = (violations: AuditViolation[], impact: string) =>
  violations.filter((v) => v.impact === impact).reduce((sum, v) => sum + v.count, 0);

/**
 * Issue 19: axe-core over every screen and state the accessibility suite lists (test/browser/a11y-screens.ts), in
 * French and English, on the demo desk. Counts the critical and serious violations (goal: 0 and 0), and names the
 * rules and screens when there are some. `screens`: the screen states audited, each in both languages.
 */
export async function benchA11y() {
  const desk = await openDesk();
  await prepareA11yDesk(desk.server);
  try {
    let critical = 0;
    let serious = 0;
    const failing: string[] = [];
    for (const language of LANGUAGES) {
      for (const screen of A11Y_SCREENS) {
        const page = await showScreen(desk.open, screen, language);
        const violations = await audit(page);
        await page.close();
        critical += count(violations, 'critical');
        serious += count(violations, 'serious');
        for (const v of violations) failing.push(`${screen.name}/${language}: ${v.id}`);
      }
    }
    return {
      bench: 'a11y',
      screens: A11Y_SCREENS.length,
      languages: LANGUAGES.length,
      critical,
      serious,
      ...(failing.length ? { failing } : {}),
    };
  } finally {
    await stopOcr();
    await desk.close();
  }
}
