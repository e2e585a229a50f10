import { daysBetween, type IsoDate } from '../calendar/dates.ts';
import type { Typology } from '../customers/customer.ts';
import { applyBasisPoints } from '../shared/money.ts';

/**
 * Logistic penalties (Code de commerce L441-17). Pure: dates are passed in, money is integer cents, rates are
 * basis points. `penalty()` estimates what a customer's clause would claim for one delivery and what the law lets
 * it claim; `checkNotice()` (notice.ts) judges a penalty notice received.
 */

/** The categories of the company's CGV ("sufficiently homogeneous" products, DGCCRF): the cap is per category. */
export const PENALTY_CATEGORIES = [
  'FARINES_SACS',
  'FARINES_CONSO',
  'FARINES_VRAC_BB',
  'SUCRES_CONSO',
  'SUCRES_PRO',
  'SUCRES_VRAC_BB',
  'PAINS_SURGELES',
  'VIENNOISERIES_SURGELEES',
  'PAINS_DE_MIE',
] as const;
export type PenaltyCategory = string;

/** The categories as the CGV's readers name them: a code on a screen or a letter says nothing to a buyer. */
export const PENALTY_CATEGORY_NAMES: Record<(typeof PENALTY_CATEGORIES)[number], { fr: string; en: string }> = {
  FARINES_SACS: { fr: 'farines en sacs', en: 'flour in sacks' },
  FARINES_CONSO: { fr: 'farines grand public', en: 'consumer flour' },
  FARINES_VRAC_BB: { fr: 'farines en vrac et big-bags', en: 'bulk and big-bag flour' },
  SUCRES_CONSO: { fr: 'sucres grand public', en: 'consumer sugar' },
  SUCRES_PRO: { fr: 'sucres professionnels', en: 'professional sugar' },
  SUCRES_VRAC_BB: { fr: 'sucres en vrac et big-bags', en: 'bulk and big-bag sugar' },
  PAINS_SURGELES: { fr: 'pains surgelés', en: 'frozen bread' },
  VIENNOISERIES_SURGELEES: { fr: 'viennoiseries surgelées', en: 'frozen viennoiserie' },
  PAINS_DE_MIE: { fr: 'pains de mie', en: 'sandwich loaves' },
};

/** A category's name in a language; a code outside the CGV's list is shown as it is. */
export function penaltyCategoryName(category: PenaltyCategory, language: 'fr' | 'en'): string {
  return (PENALTY_CATEGORY_NAMES as Record<string, { fr: string; en: string } | undefined>)[category]?.[language] ?? category;
}

/** What a customer's logistics agreement says it charges. Null: the clause has no such penalty. */
export type PenaltyClause = {
  contractRef: string | null;
  /** Per calendar day late, per late delivery. */
  latePerDayCents: number | null;
  /** Once per late delivery. */
  lateFlatCents: number | null;
  /** On the value of what is missing, on a line below the service-rate threshold. */
  missingValueBp: number | null;
  /** A fixed amount per incident (missed appointment, no-show). */
  incidentFlatCents: number | null;
  /** Line by line at receipt: a line delivered at or above target − tolerance is not penalised. */
  serviceRateTargetBp: number | null;
  serviceRateToleranceBp: number;
  /** The contest period the agreement gives; the CGV may give more. */
  contestPeriodDays: number | null;
  backordersAccepted: boolean;
  /** Under L441-17 (a distributor's logistics agreement); never for a wholesaler. */
  l441Applicable: boolean;
};

/** The legal frame and what the company's CGV add to it. */
export type PenaltyFrame = {
  /** L441-17: 2 % of the value ordered in the category of the failure. */
  capBp: number;
  /** L441-17: no penalty for a failure more than one year old. */
  maxAgeDays: number;
  /** The CGV's contest period; the law only says "a reasonable time". */
  contestPeriodDays: number;
};

export const LEGAL_FRAME: PenaltyFrame = { capBp: 200, maxAgeDays: 365, contestPeriodDays: 30 };

/** One line of the order as the estimate needs it; `deliveredQuantity` null when the line is not on the delivery. */
export type PenaltyLine = {
  productCode: string;
  category: PenaltyCategory | null;
  orderedQuantity: number;
  /** What the delivery was to bring of it (0 when the line ships with another delivery). */
  expectedQuantity: number;
  deliveredQuantity: number | null;
  unitPriceCents: number;
};

export type PenaltyDelivery = {
  promisedDate: IsoDate | null;
  deliveredDate: IsoDate | null;
  /** Every line of the order: the cap is on the value ordered in the category, not the value delivered. */
  lines: readonly PenaltyLine[];
  /** Incidents charged a fixed amount (a missed appointment). */
  incidents?: number;
};

export type BasisPart = {
  kind: 'late' | 'missing' | 'incident' | 'cap' | 'not-applicable' | 'wholesaler' | 'tolerated';
  category: PenaltyCategory | null;
  amountCents: number;
  fr: string;
  en: string;
};

export type CategoryPenalty = {
  category: PenaltyCategory;
  orderedValueCents: number;
  capCents: number;
  contractCents: number;
  claimableCents: number;
};

export type PenaltyEstimate = {
  /** What the clause would claim. */
  contractCents: number;
  /** What may lawfully be claimed: the contract amount, capped per category when L441-17 applies. */
  claimableCents: number;
  /** 2 % of the value ordered in the categories of the failure; null outside L441-17. */
  legalCapCents: number | null;
  /** What the customer's clause puts at stake (what a notice will likely claim), before any contest. */
  atRiskCents: number;
  l441Applicable: boolean;
  daysLate: number;
  categories: CategoryPenalty[];
  basis: BasisPart[];
};

const eur = (cents: number, locale: 'fr' | 'en') =>
  new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: 'EUR' })
    .format(cents / 100)
    .replace(/[\u202f\u00a0]/g, ' ');
const pct = (bp: number, locale: 'fr' | 'en') =>
  `${new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2 }).format(bp / 100)} %`;
const DATE_FR = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' });
const DATE_EN = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
/** An ISO date as the trade writes it: 07/01/2026 in French, 7 Jan 2026 in English. */
export const formatPenaltyDate = (date: IsoDate, locale: 'fr' | 'en') =>
  (locale === 'fr' ? DATE_FR : DATE_EN).format(new Date(`${date}T00:00:00Z`));
export const formatPenaltyMoney = eur;
export const formatPenaltyRate = pct;

/** Wholesalers are outside L441-17 since the law of 30 March 2023; other customers as their agreement says. */
export function isUnderL441(typology: Typology | (string & {}), clause: Pick<PenaltyClause, 'l441Applicable'> | null): boolean {
  return typology !== 'GROSSISTE' && Boolean(clause?.l441Applicable);
}

/** Splits `total` over weights by largest remainder: the parts are integers and add up to the total exactly. */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  // Nothing to weigh by (lines priced at zero): the first part carries it all, so nothing is lost.
  if (sum <= 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    parts[i] += 1;
    left -= 1;
  }
  return parts;
}

function valueByCategory(lines: readonly PenaltyLine[], quantity: (l: PenaltyLine) => number): Map<PenaltyCategory, number> {
  const out = new Map<PenaltyCategory, number>();
  for (const l of lines) {
    const key = l.category ?? '—';
    out.set(key, (out.get(key) ?? 0) + quantity(l) * l.unitPriceCents);
  }
  return out;
}

/** The value ordered in one category: the base of the 2 % cap. */
export function orderedValueInCategory(lines: readonly PenaltyLine[], category: PenaltyCategory): number {
  return valueByCategory(lines, (l) => l.orderedQuantity).get(category) ?? 0;
}

/**
 * What one delivery's failures would cost under the customer's clause, and what the law lets it claim.
 * Late: the flat amount plus the amount per day, for each calendar day after the promised date; a late delivery fails
 * in every category it carries, so its amount is shared between them pro rata of their value on the delivery.
 * Missing: on each line delivered below the service-rate threshold (target − tolerance), the clause's rate of the
 * missing value. Under L441-17 each category's total is capped at 2 % of the value ordered in it.
 */
export function penalty(
  delivery: PenaltyDelivery,
  clause: PenaltyClause | null,
  frame: PenaltyFrame,
  typology: Typology | (string & {}),
): PenaltyEstimate {
  const l441 = isUnderL441(typology, clause);
  const basis: BasisPart[] = [];
  const contract = new Map<PenaltyCategory, number>();
  const add = (category: PenaltyCategory, cents: number) => contract.set(category, (contract.get(category) ?? 0) + cents);

  const daysLate =
    delivery.promisedDate && delivery.deliveredDate ? Math.max(0, daysBetween(delivery.promisedDate, delivery.deliveredDate)) : 0;
  // A delivery with nothing on it carries no failure: late fees and incidents are shared over what it carried.
  const onDelivery = delivery.lines.filter((l) => l.expectedQuantity > 0);

  if (clause && daysLate > 0 && onDelivery.length > 0) {
    const late = (clause.lateFlatCents ?? 0) + (clause.latePerDayCents ?? 0) * daysLate;
    if (late > 0) {
      const shares = valueByCategory(onDelivery, (l) => l.expectedQuantity);
      const keys = [...shares.keys()];
      const parts = allocate(
        late,
        keys.map((k) => shares.get(k)!),
      );
      keys.forEach((k, i) => add(k, parts[i]));
      const how = [
        clause.lateFlatCents ? { fr: `forfait ${eur(clause.lateFlatCents, 'fr')}`, en: `flat ${eur(clause.lateFlatCents, 'en')}` } : null,
        clause.latePerDayCents
          ? { fr: `${eur(clause.latePerDayCents, 'fr')} × ${daysLate} j`, en: `${eur(clause.latePerDayCents, 'en')} × ${daysLate} d` }
          : null,
      ].filter((x) => x !== null);
      basis.push({
        kind: 'late',
        category: null,
        amountCents: late,
        fr: `Retard de ${daysLate} jour${daysLate > 1 ? 's' : ''} (promis le ${formatPenaltyDate(delivery.promisedDate!, 'fr')}, livré le ${formatPenaltyDate(delivery.deliveredDate!, 'fr')}) : ${how.map((h) => h.fr).join(' + ')} = ${eur(late, 'fr')}`,
        en: `${daysLate} day${daysLate > 1 ? 's' : ''} late (promised ${formatPenaltyDate(delivery.promisedDate!, 'en')}, delivered ${formatPenaltyDate(delivery.deliveredDate!, 'en')}): ${how.map((h) => h.en).join(' + ')} = ${eur(late, 'en')}`,
      });
    }
  }

  if (clause?.missingValueBp) {
    const threshold = Math.max(0, (clause.serviceRateTargetBp ?? 10_000) - clause.serviceRateToleranceBp);
    for (const l of onDelivery) {
      if (l.deliveredQuantity === null) continue;
      const missing = Math.max(0, l.expectedQuantity - l.deliveredQuantity);
      if (missing === 0) continue;
      const rateBp = Math.floor((l.deliveredQuantity * 10_000) / l.expectedQuantity);
      const missingValue = missing * l.unitPriceCents;
      if (rateBp >= threshold) {
        basis.push({
          kind: 'tolerated',
          category: l.category,
          amountCents: 0,
          fr: `${l.productCode} : ${missing} manquant(s), taux de service ${pct(rateBp, 'fr')} ≥ seuil ${pct(threshold, 'fr')} : pas de pénalité`,
          en: `${l.productCode}: ${missing} missing, service rate ${pct(rateBp, 'en')} ≥ threshold ${pct(threshold, 'en')}: no penalty`,
        });
        continue;
      }
      const amount = applyBasisPoints(missingValue, clause.missingValueBp);
      add(l.category ?? '—', amount);
      basis.push({
        kind: 'missing',
        category: l.category,
        amountCents: amount,
        fr: `${l.productCode} : ${missing} manquant(s) sur ${l.expectedQuantity} (taux ${pct(rateBp, 'fr')} < ${pct(threshold, 'fr')}), ${pct(clause.missingValueBp, 'fr')} de ${eur(missingValue, 'fr')} = ${eur(amount, 'fr')}`,
        en: `${l.productCode}: ${missing} missing of ${l.expectedQuantity} (rate ${pct(rateBp, 'en')} < ${pct(threshold, 'en')}), ${pct(clause.missingValueBp, 'en')} of ${eur(missingValue, 'en')} = ${eur(amount, 'en')}`,
      });
    }
  }

  const incidents = delivery.incidents ?? 0;
  if (clause?.incidentFlatCents && incidents > 0 && onDelivery.length > 0) {
    const amount = clause.incidentFlatCents * incidents;
    const shares = valueByCategory(onDelivery, (l) => l.expectedQuantity);
    const keys = [...shares.keys()];
    allocate(
      amount,
      keys.map((k) => shares.get(k)!),
    ).forEach((p, i) => add(keys[i], p));
    basis.push({
      kind: 'incident',
      category: null,
      amountCents: amount,
      fr: `${incidents} incident(s) × ${eur(clause.incidentFlatCents, 'fr')}`,
      en: `${incidents} incident(s) × ${eur(clause.incidentFlatCents, 'en')}`,
    });
  }

  const ordered = valueByCategory(delivery.lines, (l) => l.orderedQuantity);
  const categories: CategoryPenalty[] = [...contract.entries()]
    .filter(([, cents]) => cents > 0)
    .map(([category, contractCents]) => {
      const orderedValueCents = ordered.get(category) ?? 0;
      const capCents = applyBasisPoints(orderedValueCents, frame.capBp);
      return {
        category,
        orderedValueCents,
        capCents,
        contractCents,
        claimableCents: l441 ? Math.min(contractCents, capCents) : contractCents,
      };
    });

  const contractCents = categories.reduce((s, c) => s + c.contractCents, 0);
  const claimableCents = categories.reduce((s, c) => s + c.claimableCents, 0);
  const legalCapCents = l441 ? categories.reduce((s, c) => s + c.capCents, 0) : null;

  if (contractCents > 0) {
    if (l441) {
      for (const c of categories) {
        basis.push({
          kind: 'cap',
          category: c.category,
          amountCents: c.capCents,
          fr: `Plafond L441-17 ${penaltyCategoryName(c.category, 'fr')} : ${pct(frame.capBp, 'fr')} de ${eur(c.orderedValueCents, 'fr')} commandés = ${eur(c.capCents, 'fr')}${c.contractCents > c.capCents ? ` (le contrat en demande ${eur(c.contractCents, 'fr')})` : ''}`,
          en: `L441-17 cap, ${penaltyCategoryName(c.category, 'en')}: ${pct(frame.capBp, 'en')} of ${eur(c.orderedValueCents, 'en')} ordered = ${eur(c.capCents, 'en')}${c.contractCents > c.capCents ? ` (the contract asks ${eur(c.contractCents, 'en')})` : ''}`,
        });
      }
    } else if (typology === 'GROSSISTE') {
      basis.push({
        kind: 'wholesaler',
        category: null,
        amountCents: contractCents,
        fr: 'Grossiste : hors du champ de L441-17 depuis la loi du 30 mars 2023 ; clause pénale de droit commun (C. civ. 1231-5), pas de plafond légal de 2 %',
        en: 'Wholesaler: outside L441-17 since the law of 30 March 2023; ordinary penalty clause (Civil Code 1231-5), no 2 % legal cap',
      });
    } else {
      basis.push({
        kind: 'not-applicable',
        category: null,
        amountCents: contractCents,
        fr: 'Client hors du régime L441-17 (pas de convention logistique de distributeur) : montant contractuel, sans plafond légal',
        en: 'Customer outside L441-17 (no distributor logistics agreement): contract amount, no legal cap',
      });
    }
  }

  return { contractCents, claimableCents, legalCapCents, atRiskCents: contractCents, l441Applicable: l441, daysLate, categories, basis };
}
