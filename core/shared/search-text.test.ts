import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalise, searchText, searchWords } from './search-text.ts';

describe('normalise', () => {
  it('folds case, accents and ligatures as French names are written', () => {
    expect(normalise('Orléans')).toBe('orleans');
    expect(normalise('Maison Lefèvre, boulangerie-pâtisserie')).toBe('maison lefevre, boulangerie-patisserie');
    expect(normalise('SUCRE GLACE')).toBe('sucre glace');
    expect(normalise('Cœur de Bœuf — Ç’est ÆTHER')).toBe("coeur de boeuf — c'est aether");
  });

  it('is idempotent, so a stored text and a query normalised again still meet', () => {
    fc.assert(fc.property(fc.string(), (s) => normalise(normalise(s)) === normalise(s)));
  });
});

describe('searchText and searchWords', () => {
  it('joins the fields that are present and splits a query into normalised words', () => {
    expect(searchText('Boulangerie Martin', 'C020', null, 'Orléans', '')).toBe('boulangerie martin c020 orleans');
    expect(searchWords('  Sucre   Glacé ')).toEqual(['sucre', 'glace']);
    expect(searchWords('   ')).toEqual([]);
  });
});
