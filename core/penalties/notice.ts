import { addDays, daysBetween, type IsoDate } from '../calendar/dates.ts';
import type { Typology } from '../customers/customer.ts';
import { applyBasisPoints } from '../shared/money.ts';
import {
  formatPenaltyDate,
  formatPenaltyMoney as eur,
  formatPenaltyRate as pct,
  type PenaltyClause,
  type PenaltyFrame,
  penaltyCategoryName,
} from './penalty.ts';

export const NOTICE_KINDS = ['late', 'missing', 'no_show', 'non_conforming_pallets', 'other'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_STATUSES = ['received', 'contested', 'settled', 'withdrawn'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** A penalty notice as received from a customer: what the checks need. */
export type NoticeFacts = {
  receivedDate: IsoDate;
  failureDate: IsoDate;
  kind: NoticeKind;
  category: string | null;
  claimedCents: number;
  /** The value ordered in the category (the base of the cap); null when nobody knows it yet. */
  categoryOrderedValueCents: number | null;
  proofOfFailure: boolean;
  proofOfHarm: boolean;
  stockoutDocumented: boolean;
  deductedFromInvoice: boolean;
};

/** A company-wide event the customer cannot hold against us (snow with a ban on lorries, a road blockade…). */
export type ForceMajeurePeriod = { id?: number; label: string; from: IsoDate; to: IsoDate; categories: readonly string[] | null };

export type NoticeContext = {
  typology: Typology | (string & {});
  l441Applicable: boolean;
  frame: PenaltyFrame;
  forceMajeure: readonly ForceMajeurePeriod[];
};

export const NOTICE_CHECKS = [
  'wholesaler-excluded',
  'not-under-l441',
  'too-old',
  'force-majeure',
  'no-proof',
  'no-stockout-no-harm-proof',
  'over-cap',
  'cap-unknown',
  'automatic-deduction',
] as const;
export type NoticeCheckId = (typeof NOTICE_CHECKS)[number];

export type NoticeFinding = {
  id: NoticeCheckId;
  /** `contest`: a legal ground to refuse or reduce; `warning`: something to ask or to demand back; `info`: context. */
  severity: 'contest' | 'warning' | 'info';
  /** What may be accepted at most on this ground alone. */
  acceptableCents: number;
  /** The article relied upon, for the letter. */
  ground: string;
  fr: string;
  en: string;
};

export type NoticeAssessment = {
  findings: NoticeFinding[];
  capCents: number | null;
  /** The least of what each finding allows: what to accept, the rest to contest. */
  recommendedAcceptedCents: number;
  contestable: boolean;
};

const L = 'C. com. L441-17 I';
const day = formatPenaltyDate;

/**
 * Checks a penalty notice against L441-17. A wholesaler's or a non-distributor's notice is only its contract's
 * business (one finding, nothing else). Otherwise every ground is checked and reported with its figures: failure
 * older than one year, force majeure, no proof of the failure, neither a stock-out nor written proof of harm,
 * above 2 % of the value ordered in the category, deducted from an invoice without agreement.
 */
export function checkNotice(n: NoticeFacts, ctx: NoticeContext): NoticeAssessment {
  const claimed = n.claimedCents;
  if (ctx.typology === 'GROSSISTE') {
    return {
      capCents: null,
      recommendedAcceptedCents: claimed,
      contestable: false,
      findings: [
        {
          id: 'wholesaler-excluded',
          severity: 'info',
          acceptableCents: claimed,
          ground: 'C. com. L441-17 (loi 2023-221), C. civ. 1231-5',
          fr: `Client grossiste : hors du champ de L441-17 depuis la loi du 30 mars 2023. La clause pénale du contrat s'applique (C. civ. 1231-5, le juge peut la modérer) ; le plafond de 2 % ne s'applique pas (${eur(claimed, 'fr')} réclamés).`,
          en: `Wholesaler: outside L441-17 since the law of 30 March 2023. The contract's penalty clause applies (Civil Code 1231-5, a judge may moderate it); the 2 % cap does not (${eur(claimed, 'en')} claimed).`,
        },
      ],
    };
  }
  if (!ctx.l441Applicable) {
    return {
      capCents: null,
      recommendedAcceptedCents: claimed,
      contestable: false,
      findings: [
        {
          id: 'not-under-l441',
          severity: 'info',
          acceptableCents: claimed,
          ground: 'C. civ. 1231-5',
          fr: `Client hors du régime L441-17 (pas de convention logistique de distributeur) : seul le contrat s'applique (${eur(claimed, 'fr')} réclamés).`,
          en: `Customer outside L441-17 (no distributor logistics agreement): only the contract applies (${eur(claimed, 'en')} claimed).`,
        },
      ],
    };
  }

  const findings: NoticeFinding[] = [];
  const age = daysBetween(n.failureDate, n.receivedDate);
  if (age > ctx.frame.maxAgeDays) {
    findings.push({
      id: 'too-old',
      severity: 'contest',
      acceptableCents: 0,
      ground: `${L} al. 3`,
      fr: `Manquement du ${day(n.failureDate, 'fr')}, ${age} jours avant l'avis du ${day(n.receivedDate, 'fr')} : plus d'un an (${ctx.frame.maxAgeDays} jours), aucune pénalité possible.`,
      en: `Failure of ${day(n.failureDate, 'en')}, ${age} days before the notice of ${day(n.receivedDate, 'en')}: more than one year (${ctx.frame.maxAgeDays} days), no penalty may be charged.`,
    });
  }
  const event = ctx.forceMajeure.find(
    (p) =>
      n.failureDate >= p.from &&
      n.failureDate <= p.to &&
      (!p.categories?.length || (n.category !== null && p.categories.includes(n.category))),
  );
  if (event) {
    findings.push({
      id: 'force-majeure',
      severity: 'contest',
      acceptableCents: 0,
      ground: `${L} dernier al.`,
      fr: `Manquement du ${day(n.failureDate, 'fr')} pendant un cas de force majeure (« ${event.label} », du ${day(event.from, 'fr')} au ${day(event.to, 'fr')}) : aucune pénalité.`,
      en: `Failure of ${day(n.failureDate, 'en')} during force majeure ("${event.label}", ${day(event.from, 'en')} to ${day(event.to, 'en')}): no penalty.`,
    });
  }
  if (!n.proofOfFailure) {
    findings.push({
      id: 'no-proof',
      severity: 'contest',
      acceptableCents: 0,
      ground: `${L} al. 5`,
      fr: `Aucune preuve du manquement jointe à l'avis : la pénalité n'est pas exigible en l'état (${eur(claimed, 'fr')} réclamés).`,
      en: `No proof of the failure came with the notice: the penalty is not due as it stands (${eur(claimed, 'en')} claimed).`,
    });
  }
  if (!n.stockoutDocumented && !n.proofOfHarm) {
    findings.push({
      id: 'no-stockout-no-harm-proof',
      severity: 'contest',
      acceptableCents: 0,
      ground: `${L} al. 7`,
      fr: `Ni rupture de stock documentée, ni préjudice démontré et documenté par écrit : pas de pénalité (${eur(claimed, 'fr')} réclamés).`,
      en: `Neither a documented stock-out nor harm demonstrated in writing: no penalty (${eur(claimed, 'en')} claimed).`,
    });
  }
  let capCents: number | null = null;
  if (n.categoryOrderedValueCents === null) {
    findings.push({
      id: 'cap-unknown',
      severity: 'warning',
      acceptableCents: claimed,
      ground: `${L} al. 2`,
      fr: `Valeur commandée de la catégorie ${n.category ?? '(non précisée)'} inconnue : le plafond de ${pct(ctx.frame.capBp, 'fr')} ne peut pas être vérifié ; la demander au client.`,
      en: `Value ordered in category ${n.category ?? '(not given)'} unknown: the ${pct(ctx.frame.capBp, 'en')} cap cannot be checked; ask the customer for it.`,
    });
  } else {
    capCents = applyBasisPoints(n.categoryOrderedValueCents, ctx.frame.capBp);
    if (claimed > capCents) {
      findings.push({
        id: 'over-cap',
        severity: 'contest',
        acceptableCents: capCents,
        ground: `${L} al. 2`,
        fr: `${eur(claimed, 'fr')} réclamés, au-delà du plafond légal de ${pct(ctx.frame.capBp, 'fr')} de ${eur(n.categoryOrderedValueCents, 'fr')} commandés en ${n.category ? penaltyCategoryName(n.category, 'fr') : 'catégorie'} = ${eur(capCents, 'fr')} (excédent ${eur(claimed - capCents, 'fr')}).`,
        en: `${eur(claimed, 'en')} claimed, above the legal cap of ${pct(ctx.frame.capBp, 'en')} of ${eur(n.categoryOrderedValueCents, 'en')} ordered in ${n.category ? penaltyCategoryName(n.category, 'en') : 'the category'} = ${eur(capCents, 'en')} (excess ${eur(claimed - capCents, 'en')}).`,
      });
    }
  }
  if (n.deductedFromInvoice) {
    findings.push({
      id: 'automatic-deduction',
      severity: 'contest',
      acceptableCents: claimed,
      ground: `${L} al. 6`,
      fr: `Pénalité déduite d'office d'un règlement de facture, sans accord : interdit ; demander le reversement des ${eur(claimed, 'fr')} déduits.`,
      en: `Penalty deducted from an invoice payment without agreement: forbidden; demand repayment of the ${eur(claimed, 'en')} deducted.`,
    });
  }
  const recommendedAcceptedCents = Math.min(claimed, ...findings.map((f) => f.acceptableCents));
  return { findings, capCents, recommendedAcceptedCents, contestable: findings.some((f) => f.severity === 'contest') };
}

export type ContestDeadline = { deadline: IsoDate; contractDeadline: IsoDate | null; cgvDeadline: IsoDate; reminderDate: IsoDate };

/** Days before the deadline the reminder falls due, and after contesting when to chase an answer. */
export const REMINDER_DAYS_BEFORE = 5;
export const FOLLOW_UP_DAYS_AFTER_CONTEST = 15;

/**
 * The contest clock: the customer's agreement and our CGV each give a period from receipt of the notice. The
 * earlier deadline is the one to meet (a shorter contractual period is still what the customer will invoke); the
 * reminder falls a few days before it, never before the notice arrived.
 */
export function contestDeadline(
  notice: Pick<NoticeFacts, 'receivedDate'>,
  clause: Pick<PenaltyClause, 'contestPeriodDays'> | null,
  frame: PenaltyFrame,
): ContestDeadline {
  const cgvDeadline = addDays(notice.receivedDate, frame.contestPeriodDays);
  const contractDeadline = clause?.contestPeriodDays ? addDays(notice.receivedDate, clause.contestPeriodDays) : null;
  const deadline = contractDeadline && contractDeadline < cgvDeadline ? contractDeadline : cgvDeadline;
  const reminder = addDays(deadline, -REMINDER_DAYS_BEFORE);
  return { deadline, contractDeadline, cgvDeadline, reminderDate: reminder < notice.receivedDate ? notice.receivedDate : reminder };
}

/** After a contest, when to chase the customer's answer. */
export function followUpDate(contestedOn: IsoDate): IsoDate {
  return addDays(contestedOn, FOLLOW_UP_DAYS_AFTER_CONTEST);
}

export type DueState = 'overdue' | 'soon' | 'later' | 'none';

/** Whether a notice needs action: a received notice against its contest deadline, a contested one against its follow-up date. */
export function dueState(
  n: { status: NoticeStatus; contestDeadline: IsoDate; reminderDate: IsoDate | null },
  today: IsoDate,
  soonDays = 7,
): DueState {
  if (n.status === 'settled' || n.status === 'withdrawn') return 'none';
  const date = n.status === 'received' ? n.contestDeadline : n.reminderDate;
  if (!date) return 'none';
  if (date < today) return 'overdue';
  return daysBetween(today, date) <= soonDays ? 'soon' : 'later';
}
