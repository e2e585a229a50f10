import { describe, expect, it } from 'vitest';
import { familyName } from './family-names.ts';

describe('familyName', () => {
  it('names the catalogue families in the reader’s language', () => {
    expect(familyName('BOULANGERIE_SURGELEE', 'fr')).toBe('Boulangerie surgelée');
    expect(familyName('FARINE', 'en')).toBe('Flour');
  });

  it('reads a family it does not know as words, never as a code', () => {
    expect(familyName('PAINS_SPECIAUX', 'fr')).toBe('Pains speciaux');
  });
});
