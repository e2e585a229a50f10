import type { IsoDate } from '../../calendar/dates.ts';
import type { Product, SaleUnit } from '../../catalog/product.ts';
import type { Bilingual } from '../../shared/bilingual.ts';
import { formatEuros } from '../../shared/money.ts';
import type { Terms, TermsArticles } from '../terms.types.ts';

/** Figures in messages: French formatting for the French text, English for the English one. */
export const eur = (cents: number): Bilingual => ({ fr: formatEuros(cents, 'fr-FR'), en: formatEuros(cents, 'en-GB') });

const numberFr = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const numberEn = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
export const num = (n: number): Bilingual => ({ fr: numberFr.format(n), en: numberEn.format(n) });

const dateFr = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric' });
const dateEn = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric' });
export const day = (date: IsoDate): Bilingual => {
  const d = new Date(`${date}T00:00:00Z`);
  return { fr: dateFr.format(d), en: dateEn.format(d) };
};

/** "selon vos CGV 2026 art. 4": where the rule is written, so the customer can be told. */
export function source(terms: Terms, article: keyof TermsArticles): Bilingual {
  const art = terms.articles[article];
  const ref = art ? `${terms.reference} ${art}` : terms.reference;
  return { fr: `selon vos ${ref}`, en: `under your ${ref}` };
}

/** Singular and plural; French takes the singular below 2 (« 1,5 sac »), English for exactly one. */
const UNIT_LABEL: Record<SaleUnit, { fr: [string, string]; en: [string, string] }> = {
  SAC: { fr: ['sac', 'sacs'], en: ['sack', 'sacks'] },
  COLIS: { fr: ['colis', 'colis'], en: ['case', 'cases'] },
  BIG_BAG: { fr: ['big bag', 'big bags'], en: ['big bag', 'big bags'] },
  TONNE: { fr: ['t', 't'], en: ['t', 't'] },
  UNITE: { fr: ['unité', 'unités'], en: ['unit', 'units'] },
};
/** "12 sacs" / "12 sacks", "1 sac" / "1 sack". */
export const qty = (quantity: number, product: Pick<Product, 'saleUnit'>): Bilingual => {
  const label = UNIT_LABEL[product.saleUnit];
  return {
    fr: `${numberFr.format(quantity)} ${label.fr[Math.abs(quantity) < 2 ? 0 : 1]}`,
    en: `${numberEn.format(quantity)} ${label.en[Math.abs(quantity) === 1 ? 0 : 1]}`,
  };
};

/** "Ligne 3 (FAR-T55-1KG)": lines are numbered from 1 on screen. */
export const lineLabel = (index: number, code: string | undefined): Bilingual => ({
  fr: `Ligne ${index + 1}${code ? ` (${code})` : ''}`,
  en: `Line ${index + 1}${code ? ` (${code})` : ''}`,
});

/** Builds both languages from one template so the figures cannot differ between them. */
export function say(parts: (string | Bilingual | [fr: string, en: string])[]): Bilingual {
  let fr = '';
  let en = '';
  for (const p of parts) {
    if (typeof p === 'string') {
      fr += p;
      en += p;
    } else if (Array.isArray(p)) {
      fr += p[0];
      en += p[1];
    } else {
      fr += p.fr;
      en += p.en;
    }
  }
  return { fr, en };
}
