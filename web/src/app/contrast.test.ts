import { DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrast, over, parseHex, readableOn } from './contrast.ts';
import { readableColourVariables, readablePalettes } from './theme.tsx';

const WHITE = parseHex('#ffffff');
const GRAY_1 = parseHex(DEFAULT_THEME.colors.gray[1]);

describe('the theme reads at 4.5:1', () => {
  it('measures contrast as WCAG does', () => {
    expect(contrast(parseHex('#000000'), WHITE)).toBeCloseTo(21, 5);
    expect(contrast(parseHex('#868e96'), WHITE)).toBeCloseTo(3.32, 2); // Mantine's dimmed, which fails
  });
  it('darkens a colour only as much as needed', () => {
    const dimmed = readableOn(parseHex('#868e96'), [WHITE]);
    expect(contrast(dimmed, WHITE)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(dimmed, WHITE)).toBeLessThan(5.2);
  });
  it('gives dimmed, every coloured text, light badge and link at least 4.5:1 on white, grey and its own tint', () => {
    const v = readableColourVariables();
    for (const [name, shades] of Object.entries(DEFAULT_THEME.colors)) {
      const text = parseHex(v[`--mantine-color-${name}-light-color`]);
      for (const bg of [WHITE, GRAY_1, over(parseHex(shades[6]), 0.12, WHITE)]) expect(contrast(text, bg)).toBeGreaterThanOrEqual(4.5);
    }
    for (const key of ['--mantine-color-dimmed', '--mantine-color-anchor', '--mantine-color-error'])
      expect(contrast(parseHex(v[key]), GRAY_1)).toBeGreaterThanOrEqual(4.5);
  });
  it('keeps white on filled colours at 4.5:1, and the text shades 7 to 9 readable', () => {
    const v = readableColourVariables();
    for (const name of ['blue', 'red', 'green', 'teal', 'cyan', 'gray'])
      expect(contrast(parseHex(v[`--mantine-color-${name}-filled`]), WHITE)).toBeGreaterThanOrEqual(4.5);
    for (const shades of Object.values(readablePalettes()))
      for (const hex of shades.slice(7)) expect(contrast(parseHex(hex), WHITE)).toBeGreaterThanOrEqual(4.5);
  });
});
