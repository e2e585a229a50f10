import type { Typology } from '../customers/customer.ts';
import type { Bilingual } from '../shared/bilingual.ts';
import { formatEuros } from '../shared/money.ts';
import type { Priority, PriorityPart } from './risk.types.ts';

const TYPOLOGY_POINTS: Record<Typology, [number, Bilingual]> = {
  GMS_CENTRALE: [25, { fr: 'centrale GMS', en: 'retail chain' }],
  INDUSTRIE: [15, { fr: 'client industriel', en: 'industrial customer' }],
  RHD: [10, { fr: 'restauration', en: 'food service' }],
  GROSSISTE: [10, { fr: 'grossiste', en: 'wholesaler' }],
  ARTISAN: [5, { fr: 'artisan', en: 'artisan' }],
};

const eur = (cents: number): Bilingual => ({ fr: formatEuros(cents, 'fr-FR'), en: formatEuros(cents, 'en-GB') });

function daysLeftPart(days: number): PriorityPart {
  const points = days <= 0 ? 30 : days === 1 ? 25 : days === 2 ? 20 : days <= 5 ? 10 : 0;
  const label: Bilingual =
    days < 0
      ? { fr: `en retard de ${-days} j`, en: `${-days} d overdue` }
      : days === 0
        ? { fr: "livraison aujourd'hui", en: 'delivery today' }
        : days === 1
          ? { fr: 'livraison demain', en: 'delivery tomorrow' }
          : { fr: `livraison dans ${days} j`, en: `delivery in ${days} d` };
  return { factor: 'days-left', points, label };
}

function bandPoints(cents: number, bands: readonly [number, number][]): number {
  for (const [from, points] of bands) if (cents >= from) return points;
  return 0;
}

/**
 * How urgent a risk is, and why, in words the assistant can repeat: the days left before the truck leaves, who the
 * customer is (a retail chain fines and delists), the penalty its clause would cost, and the value at stake. The
 * score is the sum of the parts; the reason lists them, heaviest first.
 */
export function prioritise(input: { daysLeft: number; typology: Typology; exposureCents: number; valueCents: number }): Priority {
  const [typologyPoints, typologyLabel] = TYPOLOGY_POINTS[input.typology];
  const parts: PriorityPart[] = [daysLeftPart(input.daysLeft), { factor: 'typology', points: typologyPoints, label: typologyLabel }];
  if (input.exposureCents > 0) {
    const e = eur(input.exposureCents);
    parts.push({
      factor: 'penalty',
      points: bandPoints(input.exposureCents, [
        [50_000, 25],
        [10_000, 20],
        [1, 10],
      ]),
      label: { fr: `pénalité estimée ${e.fr}`, en: `estimated penalty ${e.en}` },
    });
  }
  const v = eur(input.valueCents);
  parts.push({
    factor: 'value',
    points: bandPoints(input.valueCents, [
      [500_000, 30],
      [100_000, 20],
      [20_000, 10],
      [1, 5],
    ]),
    label: { fr: `${v.fr} en jeu`, en: `${v.en} at stake` },
  });
  const ranked = [...parts].sort((a, b) => b.points - a.points);
  const score = parts.reduce((s, p) => s + p.points, 0);
  const join = (lang: 'fr' | 'en') => ranked.map((p) => `${p.label[lang]} (+${p.points})`).join(' · ');
  return { score, reason: { fr: join('fr'), en: join('en') }, parts: ranked };
}
