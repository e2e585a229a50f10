import {
  type CSSVariablesResolver,
  createTheme,
  MantineProvider,
  DEFAULT_THEME,
  defaultVariantColorsResolver,
  type MantineColorsTuple,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';
import { DateInput, DatePicker, DatePickerInput, TimePicker } from '@mantine/dates';
import type { TFunction } from 'i18next';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { darken, over, parseHex, readableOn, type Rgb, toHex } from './contrast.ts';

/**
 * Legible on an old office screen: every text at 4.5:1 at least (WCAG AA), chosen here once for every screen
 * rather than component by component. Mantine draws coloured text, light badges, outlines and links in each
 * colour's shade 6, grey "dimmed" text in gray 6 and white on filled shade 6: from 1.9:1 (yellow) to 3.6:1 (blue).
 * Each is darkened, same hue, by the least that reaches the contrast on the backgrounds the desk draws them on
 * (white, the grey of table stripes and page backgrounds, the colour's own light tint, the blue of a selected row).
 * Yellow, lime and orange keep their bright filled background and take dark text instead of white.
 */
const WHITE: Rgb = [255, 255, 255];
const GRAY_0 = parseHex(DEFAULT_THEME.colors.gray[0]);
const GRAY_1 = parseHex(DEFAULT_THEME.colors.gray[1]);
const PAGES: Rgb[] = [WHITE, GRAY_0, GRAY_1];
/** The light variant's tint (Mantine: shade 6 at 10 %, 12 % hovered) over white and over a grey page. */
const tints = (shade6: Rgb): Rgb[] => [over(shade6, 0.12, WHITE), over(shade6, 0.12, GRAY_0), over(shade6, 0.12, GRAY_1)];
const SELECTED = tints(parseHex(DEFAULT_THEME.colors.blue[6]));
/** Bright colours whose filled background takes dark text (white on them cannot reach 4.5:1 without turning brown). */
export const DARK_TEXT_ON_FILLED = new Set(['yellow', 'lime', 'orange']);

type ColourVariables = Record<string, string>;

/**
 * Mantine's palettes with shades 7 to 9 — the ones a screen picks for text (`c="orange.9"`) — darkened where they
 * fall short of the contrast on white, the grey pages and the colour's own tint; shades 0 to 6 (backgrounds,
 * borders, the tints themselves) as they are.
 */
export function readablePalettes(): Record<string, MantineColorsTuple> {
  return Object.fromEntries(
    Object.entries(DEFAULT_THEME.colors).map(([name, shades]) => {
      const backgrounds = [...PAGES, ...tints(parseHex(shades[6]))];
      const palette = shades.map((hex, i) => (i < 7 ? hex : toHex(readableOn(parseHex(hex), backgrounds))));
      return [name, palette as unknown as MantineColorsTuple];
    }),
  );
}
const PALETTES = readablePalettes();

/** The light scheme's colour variables, each text colour readable on its backgrounds. */
export function readableColourVariables(): ColourVariables {
  const variables: ColourVariables = {};
  for (const [name, shades] of Object.entries(PALETTES)) {
    const shade6 = parseHex(shades[6]);
    const text = toHex(readableOn(parseHex(shades[7]), [...PAGES, ...tints(shade6), ...SELECTED]));
    variables[`--mantine-color-${name}-text`] = text;
    variables[`--mantine-color-${name}-light-color`] = text;
    variables[`--mantine-color-${name}-outline`] = text;
    if (DARK_TEXT_ON_FILLED.has(name)) {
      // Black on the bright shade 6, and on a hover a shade brighter than the (darkened) shade 7.
      variables[`--mantine-color-${name}-filled-hover`] = DEFAULT_THEME.colors[name][7];
      continue;
    }
    const filled = readableOn(shade6, [WHITE]);
    variables[`--mantine-color-${name}-filled`] = toHex(filled);
    variables[`--mantine-color-${name}-filled-hover`] = toHex(darken(filled, 0.12));
  }
  const dimmed = toHex(readableOn(parseHex(DEFAULT_THEME.colors.gray[6]), [...PAGES, ...SELECTED]));
  return {
    ...variables,
    '--mantine-color-dimmed': dimmed,
    '--mantine-color-placeholder': dimmed,
    '--mantine-color-anchor': variables['--mantine-color-blue-text'],
    '--mantine-color-error': variables['--mantine-color-red-text'],
  };
}

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: readableColourVariables(),
  dark: {},
});

/** Filled yellow, lime and orange (badges, buttons) write in black. */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colours = defaultVariantColorsResolver(input);
  if (input.variant !== 'filled' || !input.color) return colours;
  const parsed = parseThemeColor({ color: input.color, theme: input.theme });
  return parsed.isThemeColor && DARK_TEXT_ON_FILLED.has(parsed.color) ? { ...colours, color: 'var(--mantine-color-black)' } : colours;
};

/**
 * The desk's theme in a language: dense, like the back-office tools the ADV lives in all day (small controls, tight
 * tables), and every control Mantine draws without words (a dialog's close cross, the pager's arrows, a select's
 * clear cross, the calendar's arrows) named in the user's language, so no screen has to remember it.
 */
export function deskTheme(t: TFunction) {
  const calendarLabels = {
    previousMonth: t('a11y.previousMonth'),
    nextMonth: t('a11y.nextMonth'),
    previousYear: t('a11y.previousYear'),
    nextYear: t('a11y.nextYear'),
    previousDecade: t('a11y.previousDecade'),
    nextDecade: t('a11y.nextDecade'),
    monthLevelControl: t('a11y.monthLevel'),
    yearLevelControl: t('a11y.yearLevel'),
  };
  const close = { 'aria-label': t('a11y.close') };
  const clear = { 'aria-label': t('a11y.clear') };
  return createTheme({
    primaryColor: 'blue',
    colors: PALETTES,
    defaultRadius: 'sm',
    fontSizes: { md: '0.9rem' },
    variantColorResolver,
    // A focus ring on every control reached by the keyboard (not on a mouse click).
    focusRing: 'auto',
    components: {
      Table: { defaultProps: { verticalSpacing: 4, horizontalSpacing: 'xs', fz: 'sm' } },
      TextInput: { defaultProps: { size: 'xs' } },
      // French writes 0,01 €: typed with either a comma or a point, shown with the language's own.
      NumberInput: { defaultProps: { size: 'xs', decimalSeparator: t('common.decimalSeparator') } },
      Select: { defaultProps: { size: 'xs', clearButtonProps: clear } },
      MultiSelect: { defaultProps: { clearButtonProps: clear } },
      Autocomplete: { defaultProps: { clearButtonProps: clear } },
      Textarea: { defaultProps: { size: 'xs' } },
      PasswordInput: { defaultProps: { size: 'xs', visibilityToggleButtonProps: { 'aria-label': t('a11y.showPassword') } } },
      Button: { defaultProps: { size: 'xs' } },
      Modal: { defaultProps: { closeButtonProps: close } },
      Drawer: { defaultProps: { closeButtonProps: close } },
      Notification: { defaultProps: { closeButtonProps: close } },
      Alert: { defaultProps: { closeButtonLabel: t('a11y.close') } },
      Pagination: {
        defaultProps: {
          getControlProps: (control: 'first' | 'previous' | 'last' | 'next') => ({ 'aria-label': t(`a11y.${control}Page`) }),
          getItemProps: (page: number) => ({ 'aria-label': t('a11y.page', { page }) }),
        },
      },
      DatePicker: DatePicker.extend({ defaultProps: { ariaLabels: calendarLabels } }),
      DatePickerInput: DatePickerInput.extend({ defaultProps: { ariaLabels: calendarLabels } }),
      DateInput: DateInput.extend({ defaultProps: { size: 'xs', ariaLabels: calendarLabels } }),
      TimePicker: TimePicker.extend({ defaultProps: { size: 'xs' } }),
    },
  });
}

/** Mantine with the desk's theme, in the user's language and with its readable colours. */
export function DeskThemeProvider({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- rebuilt when the language changes, not on every render
  const theme = useMemo(() => deskTheme(t), [i18n.language]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      {children}
    </MantineProvider>
  );
}
