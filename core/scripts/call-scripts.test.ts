import { describe, expect, it } from 'vitest';
import { TYPOLOGIES } from '../customers/customer-enums.ts';
import { CALL_SCRIPT_PARTS, CALL_SCRIPT_SCREENS, callScriptAuditId, callScripts, defaultCallScript, scriptLines } from './call-scripts.ts';

describe('the call scripts', () => {
  it('ship a script for every typology on every screen, each part written in French and English', () => {
    for (const typology of TYPOLOGIES)
      for (const screen of CALL_SCRIPT_SCREENS)
        for (const lang of ['fr', 'en'] as const) {
          const text = defaultCallScript(typology, screen, lang);
          for (const part of CALL_SCRIPT_PARTS)
            expect(scriptLines(text[part]).length, `${typology} ${screen} ${part} ${lang}`).toBeGreaterThan(0);
        }
  });

  it('speak to an artisan otherwise than to a chain’s buyer', () => {
    expect(defaultCallScript('ARTISAN', 'risk', 'fr').opening).not.toBe(defaultCallScript('GMS_CENTRALE', 'risk', 'fr').opening);
    expect(defaultCallScript('GMS_CENTRALE', 'satisfaction', 'fr').opening).toMatch(/trimestriel/);
  });

  it("show a manager's words in both languages, and the defaults elsewhere", () => {
    const saved = {
      typology: 'ARTISAN',
      screen: 'risk',
      opening: 'Bonjour, c’est Julie du moulin.',
      questions: 'Combien de sacs ?',
      calming: 'On s’en occupe.',
      closing: 'À demain.',
      updatedBy: 2,
      updatedByName: 'Marc Petit',
      updatedAt: '2026-01-19T08:00:00.000Z',
    };
    const all = callScripts([saved]);
    expect(all).toHaveLength(TYPOLOGIES.length * CALL_SCRIPT_SCREENS.length);
    const artisanRisk = all.find((s) => s.typology === 'ARTISAN' && s.screen === 'risk')!;
    expect(artisanRisk.text.en.opening).toBe('Bonjour, c’est Julie du moulin.');
    expect(artisanRisk.edited).toEqual({ by: 2, byName: 'Marc Petit', at: '2026-01-19T08:00:00.000Z' });
    const artisanComplaint = all.find((s) => s.typology === 'ARTISAN' && s.screen === 'complaint')!;
    expect(artisanComplaint.edited).toBeNull();
    expect(artisanComplaint.text.en).toEqual(defaultCallScript('ARTISAN', 'complaint', 'en'));
  });

  it('give each script its own audit id', () => {
    const ids = TYPOLOGIES.flatMap((t) => CALL_SCRIPT_SCREENS.map((s) => callScriptAuditId(t, s)));
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.min(...ids)).toBe(1);
  });

  it('lay a part out one sentence per line, blank lines dropped', () => {
    expect(scriptLines('  Bonjour.\n\n  Combien ?  \n')).toEqual(['Bonjour.', 'Combien ?']);
  });
});
