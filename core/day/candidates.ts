import { addDays, daysBetween, formatFrenchDate, type IsoDate } from '../calendar/dates.ts';
import { weekdayList } from '../calendar/weekday-names.ts';
import { addWorkingDays } from '../calendar/working-time.ts';
import type { CallRhythm, DueCall } from '../calls/call.ts';
import type { Bilingual } from '../shared/bilingual.ts';
import { formatEuros } from '../shared/money.ts';
import { dayRef, type DayItemKind } from './day-item.ts';
import type { DayCandidate } from './planner.ts';

// Each piece of the desk's work as a candidate for her day: why it is there (in both languages), how urgent
// (1 most … 5) and whether it can wait or be handed over. Plain rows in, candidates out; minutes come later.

export type Unestimated = Omit<DayCandidate, 'estimatedMinutes' | 'estimateSource'> & {
  customerName: string | null;
  target: { screen: 'edi' | 'order' | 'risk' | 'complaint' | 'penalty' | 'customer' | 'satisfaction'; id: number } | null;
};

const eur = (cents: number) => ({ fr: formatEuros(cents, 'fr-FR'), en: formatEuros(cents, 'en-GB') });
const day = (date: IsoDate) => ({ fr: formatFrenchDate(date, 'fr-FR'), en: formatFrenchDate(date, 'en-GB') });
const both = (f: (lang: 'fr' | 'en') => string): Bilingual => ({ fr: f('fr'), en: f('en') });

function base(kind: DayItemKind, id: number, customerId: number | null, customerName: string | null) {
  return { kind, ref: dayRef(kind, id), customerId, customerName };
}

export type EdiRow = {
  id: number;
  customerId: number | null;
  customerName: string | null;
  documentNumber: string | null;
  receivedAt: string;
  findings: number;
  requestedDate: string | null;
  grossCents: number | null;
};

/** An EDI order waiting: with findings it needs her eyes (and often a call) first. */
export function ediCandidate(r: EdiRow): Unestimated {
  const problem = r.findings > 0;
  return {
    ...base('edi-order', r.id, r.customerId, r.customerName),
    title: both((l) => `${l === 'fr' ? 'Commande EDI' : 'EDI order'} ${r.documentNumber ?? `#${r.id}`}`),
    reason: problem
      ? { fr: `${r.findings} point(s) à régler avant confirmation`, en: `${r.findings} finding(s) to settle before it can be confirmed` }
      : { fr: 'Attend sa confirmation dans la file EDI', en: 'Waiting in the EDI queue to be confirmed' },
    priority: problem ? 2 : 3,
    at: null,
    dueAt: r.requestedDate,
    stakeCents: r.grossCents ?? 0,
    canWait: false,
    canHandOver: true,
    target: { screen: 'edi', id: r.id },
  };
}

export type ApprovalRow = {
  id: number;
  number: string;
  customerId: number;
  customerName: string;
  grossCents: number;
  createdAt: string;
  requestedDate: string | null;
};

/** A draft waiting for a manager: she follows it up (and the customer waits for his acknowledgement). */
export function approvalCandidate(r: ApprovalRow): Unestimated {
  return {
    ...base('approval', r.id, r.customerId, r.customerName),
    title: both((l) => `${l === 'fr' ? 'Brouillon à faire valider' : 'Draft awaiting approval'} ${r.number}`),
    reason: both((l) =>
      l === 'fr' ? `Attend un responsable · ${eur(r.grossCents).fr} TTC` : `Waiting for a manager · ${eur(r.grossCents).en} incl. VAT`,
    ),
    priority: 3,
    at: null,
    dueAt: r.requestedDate,
    stakeCents: r.grossCents,
    canWait: false,
    canHandOver: true,
    target: { screen: 'order', id: r.id },
  };
}

export type RiskRow = {
  id: number;
  customerId: number;
  customerName: string;
  orderNumber: string;
  promisedDate: string;
  shortfall: number;
  valueCents: number;
  exposureCents: number;
  productName: string | null;
  /** The call-back agreed with the customer, Paris wall time: the item is then at that time on its day. */
  callBack?: { date: IsoDate; time: string } | null;
};

/** An order at risk: by days left before its promised date and what is at stake (its value, a penalty). */
export function riskCandidate(r: RiskRow, date: IsoDate): Unestimated {
  const back = r.callBack ?? null;
  const backWords = !back
    ? { fr: '', en: '' }
    : back.date === date
      ? { fr: `rappel convenu à ${back.time} · `, en: `call-back agreed for ${back.time} · ` }
      : {
          fr: `rappel convenu le ${day(back.date).fr} à ${back.time} · `,
          en: `call-back agreed for ${day(back.date).en} at ${back.time} · `,
        };
  const daysLeft = daysBetween(date, r.promisedDate);
  const nextRound = r.promisedDate <= addWorkingDays(date, 1);
  const stake = r.valueCents + r.exposureCents;
  const when =
    daysLeft <= 0
      ? { fr: "promise pour aujourd'hui ou avant", en: 'promised for today or earlier' }
      : daysLeft === 1
        ? { fr: 'promise pour demain', en: 'promised for tomorrow' }
        : {
            fr: `promise le ${day(r.promisedDate).fr} (J-${daysLeft})`,
            en: `promised on ${day(r.promisedDate).en} (${daysLeft} days left)`,
          };
  const penalty =
    r.exposureCents > 0
      ? { fr: ` · pénalité possible ${eur(r.exposureCents).fr}`, en: ` · possible penalty ${eur(r.exposureCents).en}` }
      : { fr: '', en: '' };
  return {
    ...base('risk', r.id, r.customerId, r.customerName),
    title: both(
      (l) => `${l === 'fr' ? 'Commande à risque' : 'Order at risk'} ${r.orderNumber}${r.productName ? ` · ${r.productName}` : ''}`,
    ),
    reason: both(
      (l) =>
        `${backWords[l]}${when[l]}${r.shortfall > 0 ? ` · ${l === 'fr' ? 'manque' : 'short'} ${r.shortfall}` : ''} · ${l === 'fr' ? 'en jeu' : 'at stake'} ${eur(stake)[l]}${penalty[l]}`,
    ),
    priority: nextRound ? (r.exposureCents > 0 ? 1 : 2) : 3,
    at: back?.date === date ? back.time : null,
    dueAt: r.promisedDate,
    stakeCents: stake,
    canWait: !nextRound,
    canHandOver: true,
    target: { screen: 'risk', id: r.id },
  };
}

export type ComplaintRow = {
  id: number;
  number: string;
  customerId: number;
  customerName: string;
  reason: string;
  status: string;
  answerBy: string;
  resolveBy: string;
};

/** A complaint and its clock: to answer (open) or to settle (answered), late first. */
export function complaintCandidate(r: ComplaintRow, date: IsoDate): Unestimated {
  const answering = r.status === 'open';
  const clock = answering ? r.answerBy : r.resolveBy;
  const clockDate = clock.slice(0, 10);
  const time = clock.slice(11, 16);
  const late = clockDate < date;
  const today = clockDate === date;
  return {
    ...base('complaint', r.id, r.customerId, r.customerName),
    title: both((l) => `${l === 'fr' ? 'Réclamation' : 'Complaint'} ${r.number}`),
    reason: both((l) =>
      answering
        ? l === 'fr'
          ? `À répondre ${late ? 'depuis le' : 'avant le'} ${day(clockDate).fr} ${time}${late ? ' (en retard)' : ''}`
          : `To answer ${late ? 'since' : 'by'} ${day(clockDate).en} ${time}${late ? ' (late)' : ''}`
        : l === 'fr'
          ? `À régler avant le ${day(clockDate).fr} ${time}`
          : `To settle by ${day(clockDate).en} ${time}`,
    ),
    priority: late || today ? 1 : clockDate <= addWorkingDays(date, 2) ? 2 : 3,
    at: null,
    dueAt: clock,
    stakeCents: 0,
    canWait: clockDate > date,
    canHandOver: false,
    target: { screen: 'complaint', id: r.id },
  };
}

export type NoticeRow = {
  id: number;
  reference: string;
  customerId: number;
  customerName: string;
  status: string;
  claimedCents: number;
  contestDeadline: string;
  reminderDate: string | null;
};

/** Days ahead a penalty notice's deadline puts it on the day. */
export const NOTICE_HORIZON_DAYS = 10;

/** A penalty notice to answer before its deadline (to contest it), or a contest to remind: null when not yet near. */
export function noticeCandidate(r: NoticeRow, date: IsoDate): Unestimated | null {
  const deadline = r.status === 'received' ? r.contestDeadline : r.reminderDate;
  if (!deadline || deadline > addDays(date, NOTICE_HORIZON_DAYS)) return null;
  const left = daysBetween(date, deadline);
  return {
    ...base('penalty-notice', r.id, r.customerId, r.customerName),
    title: both((l) => `${l === 'fr' ? 'Avis de pénalité' : 'Penalty notice'} ${r.reference} · ${eur(r.claimedCents)[l]}`),
    reason: both((l) =>
      r.status === 'received'
        ? l === 'fr'
          ? `À contester avant le ${day(deadline).fr}${left < 0 ? ' (dépassé)' : ''}`
          : `To contest by ${day(deadline).en}${left < 0 ? ' (passed)' : ''}`
        : l === 'fr'
          ? `Relance prévue le ${day(deadline).fr}`
          : `Reminder due on ${day(deadline).en}`,
    ),
    priority: left <= 2 ? 1 : left <= 5 ? 2 : 3,
    at: null,
    dueAt: deadline,
    stakeCents: r.claimedCents,
    canWait: left > 1,
    canHandOver: true,
    target: { screen: 'penalty', id: r.id },
  };
}

export type LowStockRow = {
  id: number;
  customerId: number | null;
  customerName: string | null;
  titleFr: string;
  titleEn: string;
  reasonFr: string;
  reasonEn: string;
  priority: number;
  dueDate: string | null;
};

/** A customer's stock running low (his inventory report): a call or a proposed order. */
export function lowStockCandidate(r: LowStockRow, date: IsoDate): Unestimated {
  return {
    ...base('low-stock', r.id, r.customerId, r.customerName),
    title: { fr: r.titleFr, en: r.titleEn },
    reason: { fr: r.reasonFr, en: r.reasonEn },
    priority: Math.min(5, Math.max(2, r.priority)),
    at: null,
    dueAt: r.dueDate,
    stakeCents: 0,
    canWait: r.dueDate !== null && r.dueDate > date,
    canHandOver: true,
    target: r.customerId ? { screen: 'customer', id: r.customerId } : null,
  };
}

const PURPOSE_WORDS: Record<CallRhythm['purpose'], Bilingual> = {
  ordering: { fr: 'prise de commande', en: 'order taking' },
  'call-back': { fr: 'rappel', en: 'call-back' },
  risk: { fr: 'livraison à risque', en: 'delivery at risk' },
  complaint: { fr: 'réclamation', en: 'complaint' },
  satisfaction: { fr: 'satisfaction', en: 'satisfaction' },
  penalty: { fr: 'pénalité', en: 'penalty' },
  stock: { fr: 'stock client', en: "customer's stock" },
  information: { fr: 'information', en: 'information' },
};

/** A call due today: his ordering call at the start of his window (again, after no answer), or a promised call-back. */
export function callCandidate(c: DueCall, customerName: string): Unestimated {
  if (c.kind === 'ordering-call')
    return {
      ...base('ordering-call', c.customerId, c.customerId, customerName),
      title: both((l) => `${l === 'fr' ? 'Appeler' : 'Call'} ${customerName}`),
      reason: both((l) => {
        const days = weekdayList(c.rhythm.weekdays, l, '');
        const purpose = PURPOSE_WORDS[c.rhythm.purpose][l];
        const retry =
          c.attempt > 1 ? (l === 'fr' ? ` · nouvel essai n°${c.attempt} (pas de réponse)` : ` · attempt ${c.attempt} (no answer)`) : '';
        return `${l === 'fr' ? 'Son jour d’appel' : 'His call day'} (${days} ${c.rhythm.from}–${c.rhythm.to}) · ${purpose}${retry}`;
      }),
      priority: 2,
      at: c.at,
      dueAt: null,
      stakeCents: 0,
      canWait: false,
      canHandOver: true,
      target: { screen: 'customer', id: c.customerId },
    };
  return {
    ...base('call-back', c.callId, c.customerId, customerName),
    title: both((l) => `${l === 'fr' ? 'Rappeler' : 'Call back'} ${customerName}`),
    reason: both((l) =>
      l === 'fr' ? `Rappel promis le ${day(c.promisedOn).fr} pour ${c.at}` : `Call-back promised on ${day(c.promisedOn).en} for ${c.at}`,
    ),
    priority: 2,
    at: c.at,
    dueAt: null,
    stakeCents: 0,
    canWait: false,
    canHandOver: true,
    target: { screen: 'customer', id: c.customerId },
  };
}

export type SatisfactionRow = { id: number; customerId: number; customerName: string; dueDate: string };

/** A satisfaction call due (the quarterly interview): it can wait a day or two, a colleague may make it. */
export function satisfactionCandidate(r: SatisfactionRow, date: IsoDate): Unestimated {
  return {
    ...base('satisfaction-call', r.id, r.customerId, r.customerName),
    title: both((l) => `${l === 'fr' ? 'Appel de satisfaction' : 'Satisfaction call'} · ${r.customerName}`),
    reason: both((l) =>
      l === 'fr' ? `Entretien de satisfaction dû le ${day(r.dueDate).fr}` : `Satisfaction interview due on ${day(r.dueDate).en}`,
    ),
    priority: r.dueDate < date ? 3 : 4,
    at: null,
    dueAt: r.dueDate,
    stakeCents: 0,
    canWait: true,
    canHandOver: true,
    target: { screen: 'satisfaction', id: r.customerId },
  };
}
