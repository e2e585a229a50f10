import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEPARATORS, type Separators } from './separators.ts';
import { escapeData, writeSegment } from './writer.ts';

// Character by character, as escapeData was first written: the reference its faster form must match.
const TRANSLITERATIONS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2026': '...',
  '\u0152': 'OE',
  '\u0153': 'oe',
  '\u20ac': 'EUR',
  '\u00a0': ' ',
  '\u202f': ' ',
};
function reference(text: string, s: Separators): string {
  let latin1 = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    latin1 += c === 13 || c === 10 ? ' ' : c <= 0xff ? ch : (TRANSLITERATIONS[ch] ?? '.');
  }
  let out = '';
  for (const ch of latin1) out += (ch === s.release || ch === s.component || ch === s.element || ch === s.terminator ? s.release : '') + ch;
  return out;
}

describe('escapeData', () => {
  it('releases the service characters and writes Latin-1', () => {
    expect(escapeData("L'Épi d'or: 2+2?")).toBe("L?'Épi d?'or?: 2?+2??");
    expect(escapeData('Cœur – 5 €\r\nsuite')).toBe('Coeur - 5 EUR  suite');
  });

  it('matches the character-by-character reference on any text and any separators, regex characters included', () => {
    const separators = fc.constantFrom<Separators>(
      DEFAULT_SEPARATORS,
      { component: ']', element: '^', decimal: ',', release: '\\', repetition: '*', terminator: '-' },
      { component: '.', element: '|', decimal: ',', release: '$', repetition: ' ', terminator: '\n' },
    );
    const text = fc.string({
      unit: fc.constantFrom('a', 'É', ':', '+', "'", '?', ']', '^', '\\', '-', '.', '|', '$', '\n', '\r', '’', '€', 'œ', '😀', ' '),
    });
    fc.assert(
      fc.property(text, separators, (t, s) => {
        expect(escapeData(t, s)).toBe(reference(t, s));
      }),
    );
  });
});

describe('writeSegment', () => {
  it('leaves out empty trailing components and elements, keeps the inner ones, releases service characters', () => {
    expect(writeSegment(['NAD', 'BY', ['5412345000013', '', '9'], null, ['', ''], 'L?épi+'])).toBe("NAD+BY+5412345000013::9+++L??épi?+'");
    expect(writeSegment(['QTY', ['21', 48, null, '']])).toBe("QTY+21:48'");
    expect(writeSegment(['UNS', 'S', '', null])).toBe("UNS+S'");
    expect(writeSegment(['FTX', ['', 'x']])).toBe("FTX+:x'");
  });
});
