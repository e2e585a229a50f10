import { formatFrenchDate, type IsoDate } from '../calendar/dates.ts';
import type { NoticeAssessment } from './notice.ts';
import { formatPenaltyMoney as eur } from './penalty.ts';

export type ContestLetterInput = {
  noticeRef: string;
  customerRef: string | null;
  orderRef: string | null;
  receivedDate: IsoDate;
  failureDate: IsoDate;
  claimedCents: number;
  reason: string;
  assessment: NoticeAssessment;
  today: IsoDate;
};

/**
 * The body of a contest letter, in French: which notice, the legal grounds found by the checks (each with its
 * article and figures), the assistant's own reason, and what we accept. Plain paragraphs; the PDF lays them out.
 */
export function contestLetterParagraphs(i: ContestLetterInput): { subject: string; paragraphs: string[] } {
  const grounds = i.assessment.findings.filter((f) => f.severity !== 'info');
  const accepted = i.assessment.recommendedAcceptedCents;
  const refs = [i.customerRef && `votre référence ${i.customerRef}`, i.orderRef && `notre commande ${i.orderRef}`].filter(Boolean).join(', ');
  const paragraphs = [
    'Madame, Monsieur,',
    `Nous avons reçu le ${formatFrenchDate(i.receivedDate)} votre avis de pénalité logistique ${i.noticeRef}${refs ? ` (${refs})` : ''}, d'un montant de ${eur(i.claimedCents, 'fr')} HT, relatif à un manquement daté du ${formatFrenchDate(i.failureDate)}. Nous le contestons, dans le délai raisonnable que nous ouvre l'article L441-17 du Code de commerce, pour les motifs suivants.`,
    ...grounds.map((f) => `• ${f.fr} (${f.ground})`),
    ...(i.reason.trim() ? [`Par ailleurs : ${i.reason.trim()}`] : []),
    accepted === 0
      ? 'En conséquence, aucune pénalité ne nous paraît due au titre de cet avis. Nous vous remercions de bien vouloir l’annuler.'
      : accepted < i.claimedCents
        ? `En conséquence, nous acceptons la pénalité à hauteur de ${eur(accepted, 'fr')} HT et contestons le surplus de ${eur(i.claimedCents - accepted, 'fr')} HT.`
        : 'Nous vous remercions de bien vouloir nous adresser les pièces manquantes avant tout règlement.',
    ...(i.assessment.findings.some((f) => f.id === 'automatic-deduction')
      ? ['Nous vous rappelons qu’aucune pénalité ne peut être déduite d’office du règlement de nos factures (L441-17 I al. 6) : nous vous demandons de nous reverser le montant déduit.']
      : []),
    'Nous restons à votre disposition pour en échanger et vous prions d’agréer, Madame, Monsieur, nos salutations distinguées.',
  ];
  return { subject: `Contestation de l’avis de pénalité ${i.noticeRef}`, paragraphs };
}
