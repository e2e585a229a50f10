/** The demo catalogue's families as the trade names them; the code stays the CGV's key (order multiples, discounts). */
const NAMES: Readonly<Record<string, { fr: string; en: string }>> = {
  FARINE: { fr: 'Farines', en: 'Flour' },
  SUCRE: { fr: 'Sucres', en: 'Sugar' },
  BOULANGERIE_AMBIANTE: { fr: 'Boulangerie ambiante', en: 'Ambient bakery' },
  BOULANGERIE_SURGELEE: { fr: 'Boulangerie surgelée', en: 'Frozen bakery' },
};

/** A family's name on a screen: its known name, else its code read as words (`PAINS_SPECIAUX` → "Pains speciaux"). */
export function familyName(code: string, language: 'fr' | 'en'): string {
  const known = NAMES[code]?.[language];
  if (known) return known;
  const words = code.replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
