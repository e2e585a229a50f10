import { formatFrenchLongDate, type IsoDate } from '../calendar/dates.ts';
import { formatEuros } from '../shared/money.ts';
import type { ComplaintReason } from './complaint.ts';
import type { RefusalReason, ResolutionOutcome } from './resolution.ts';

export type AnswerInput = {
  complaintNumber: string;
  receivedOn: IsoDate;
  reason: { fr: string };
  recipientName: string | null;
  deliveryNumber: string | null;
  outcome: ResolutionOutcome;
  refusalReason: RefusalReason | null;
  gestureCents: number | null;
  creditNote: { number: string; grossCents: number } | null;
  replacement: { number: string; date: IsoDate | null } | null;
  returnPickup: { number: string; pickupOn: IsoDate } | null;
  /** What the assistant told the customer, kept as typed. */
  note: string | null;
  company: { name: string; phone: string | null; email: string | null };
};

const REFUSALS_FR: Record<RefusalReason, string> = {
  'out-of-time': 'votre réclamation nous est parvenue après le délai prévu par nos conditions générales de vente',
  'not-our-fault': 'nos vérifications montrent que le défaut constaté ne relève pas de notre responsabilité',
  'no-reserves':
    "aucune réserve n'a été portée sur le bon de livraison à la réception, comme l'exigent nos conditions et le code de commerce (art. L133-3)",
};

/** What was decided, in one French paragraph. */
function decision(d: AnswerInput): string {
  switch (d.outcome) {
    case 'credit-note':
      return d.creditNote
        ? `Nous avons établi l'avoir ${d.creditNote.number} d'un montant de ${formatEuros(d.creditNote.grossCents)} TTC, joint à ce message, qui sera déduit de votre prochaine facture.`
        : 'Nous avons établi un avoir, qui sera déduit de votre prochaine facture.';
    case 'replacement':
      return d.replacement
        ? `Nous vous envoyons gratuitement la marchandise de remplacement (commande ${d.replacement.number})${d.replacement.date ? `, livrée le ${formatFrenchLongDate(d.replacement.date)}` : ''}.`
        : 'Nous vous envoyons gratuitement la marchandise de remplacement.';
    case 'return':
      return d.returnPickup
        ? `Notre transporteur reprendra la marchandise concernée le ${formatFrenchLongDate(d.returnPickup.pickupOn)} (reprise ${d.returnPickup.number}) ; merci de la tenir à sa disposition.`
        : 'Notre transporteur viendra reprendre la marchandise concernée.';
    case 'gesture':
      return `À titre commercial, nous vous accordons une remise de ${formatEuros(d.gestureCents ?? 0)} HT sur votre prochaine commande.`;
    case 'refusal':
      return `Nous ne sommes malheureusement pas en mesure d'y donner une suite favorable : ${d.refusalReason ? REFUSALS_FR[d.refusalReason] : 'les conditions d’une prise en charge ne sont pas réunies'}.`;
  }
}

/** The French answer to the customer, drafted from the outcome: the subject and the plain-text body. */
export function draftAnswer(d: AnswerInput): { subject: string; text: string } {
  const subject = `Votre réclamation ${d.complaintNumber} — ${d.company.name}`;
  const lines = [
    d.recipientName ? `Bonjour ${d.recipientName},` : 'Madame, Monsieur,',
    '',
    `Nous revenons vers vous au sujet de votre réclamation ${d.complaintNumber} du ${formatFrenchLongDate(d.receivedOn)} (${d.reason.fr.toLowerCase()}${d.deliveryNumber ? `, livraison ${d.deliveryNumber}` : ''}).`,
    '',
    d.outcome === 'refusal' ? 'Nous avons examiné votre demande avec attention.' : 'Nous vous présentons nos excuses pour ce désagrément.',
    decision(d),
    ...(d.note ? ['', d.note] : []),
    '',
    'Nous restons à votre disposition pour toute question.',
    '',
    'Cordialement,',
    '',
    'L’administration des ventes',
    d.company.name,
    [d.company.phone && `Tél. ${d.company.phone}`, d.company.email].filter(Boolean).join(' — '),
  ];
  return { subject, text: `${lines.join('\n').trimEnd()}\n` };
}

export type { ComplaintReason };
