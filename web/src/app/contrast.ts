/**
 * Colour contrast as WCAG 2 defines it, to choose the theme's text colours so that every text reaches 4.5:1 on the
 * backgrounds the desk draws it on. Plain data in, plain data out (tested beside).
 */
export type Rgb = readonly [number, number, number];

/** The contrast the theme aims at: WCAG AA for text (4.5:1), with a hair of margin for rounding. */
export const MIN_TEXT_CONTRAST = 4.6;

export function parseHex(hex: string): Rgb {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as unknown as Rgb;
}

export function toHex(rgb: Rgb): string {
  return `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as unknown as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** `color` at `opacity` over `background`, as the browser paints a translucent background. */
export function over(color: Rgb, opacity: number, background: Rgb): Rgb {
  return color.map((v, i) => Math.round(v * opacity + background[i] * (1 - opacity))) as unknown as Rgb;
}

/** The colour mixed with black by `amount` (0–1): darker, the same hue. */
export function darken(color: Rgb, amount: number): Rgb {
  return color.map((v) => Math.round(v * (1 - amount))) as unknown as Rgb;
}

/** The colour, darkened by the least step of 2 % that gives it `min` contrast against every background. */
export function readableOn(color: Rgb, backgrounds: readonly Rgb[], min = MIN_TEXT_CONTRAST): Rgb {
  for (let amount = 0; amount <= 1; amount += 0.02) {
    const candidate = darken(color, amount);
    if (backgrounds.every((b) => contrast(candidate, b) >= min)) return candidate;
  }
  return [0, 0, 0];
}
