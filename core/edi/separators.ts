/**
 * The six service characters of an interchange, as a UNA service string advice declares them (ISO 9735).
 * Without a UNA the defaults below apply. The repetition character is kept but never split on: EANCOM D.96A
 * has no repeating elements, and real files put `*` in data while declaring it (smooks COM `s11:AA*s21`).
 */
export type Separators = {
  component: string;
  element: string;
  decimal: string;
  release: string;
  repetition: string;
  terminator: string;
};

export const DEFAULT_SEPARATORS: Readonly<Separators> = Object.freeze({
  component: ':',
  element: '+',
  decimal: '.',
  release: '?',
  repetition: ' ',
  terminator: "'",
});

/** The six characters after `UNA`, in their fixed order. */
export function separatorsFromUna(advice: string): Separators {
  return {
    component: advice[0],
    element: advice[1],
    decimal: advice[2],
    release: advice[3],
    repetition: advice[4],
    terminator: advice[5],
  };
}

/** A UNA is only usable when the characters that split the data are distinct from one another. */
export function separatorClash(s: Separators): string | null {
  const splitting = [s.component, s.element, s.release, s.terminator];
  for (let i = 0; i < splitting.length; i++) {
    for (let j = i + 1; j < splitting.length; j++) {
      if (splitting[i] === splitting[j]) return `the same character "${splitting[i]}" is declared for two roles`;
    }
  }
  for (const ch of splitting) {
    if (ch === '\r' || ch === '\n') return 'a line break cannot be a separator: line breaks are dropped';
  }
  return null;
}

export function unaString(s: Separators): string {
  return `UNA${s.component}${s.element}${s.decimal}${s.release}${s.repetition}${s.terminator}`;
}
