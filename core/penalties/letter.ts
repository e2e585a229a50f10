import { formatFrenchDate, type IsoDate } from '../calendar/dates.ts';
import type { NoticeAssessment, NoticeCheckId } from './notice.ts';
import { formatPenaltyMoney as eur } from './penalty.ts';

/** Where a check's message is advice to the assistant, the letter says it to the customer instead. */
const LETTER_WORDING: Partial<Record<NoticeCheckId, string>> = {
  'cap-unknown':
    'Le plafond légal de 2 % de la valeur commandée dans la catégorie ne peut être vérifié : merci de nous communiquer cette valeur.',
  'automatic-deduction': 'La pénalité a été déduite d’office du règlement de notre facture, sans notre accord, ce que la loi interdit.',
};

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
  const refs = [i.customerRef && `votre référence ${i.customerRef}`, i.orderRef && `notre commande ${i.orderRef}`]
    .filter(Boolean)
    .join(', ');
  const paragraphs = [
    'Madame, Monsieur,',
    `Nous avons reçu le ${formatFrenchDate(i.receivedDate)} votre avis de pénalité logistique ${i.noticeRef}${refs ? ` (${refs})` : ''}, d'un montant de ${eur(i.claimedCents, 'fr')} HT, relatif à un manquement daté du ${formatFrenchDate(i.failureDate)}. Nous le contestons, dans le délai raisonnable que nous ouvre l'article L441-17 du Code de commerce, pour les motifs suivants.`,
    ...grounds.map((f) => `• ${LETTER_WORDING[f.id] ?? f.fr} (${f.ground})`),
    ...(i.reason.trim() ? [`Par ailleurs : ${i.reason.trim()}`] : []),
    accepted === 0
      ? 'En conséquence, aucune pénalité ne nous paraît due au titre de cet avis. Nous vous remercions de bien vouloir l’annuler.'
      : accepted < i.claimedCents
        ? `En conséquence, nous acceptons la pénalité à hauteur de ${eur(accepted, 'fr')} HT et contestons le surplus de ${eur(i.claimedCents - accepted, 'fr')} HT.`
        : 'Nous vous remercions de bien vouloir nous adresser les pièces manquantes avant tout règlement.',
    ...(i.assessment.findings.some((f) => f.id === 'automatic-deduction')
      ? [
          'Nous vous rappelons qu’aucune pénalité ne peut être déduite d’office du règlement de nos factures (L441-17 I al. 6) : nous vous demandons de nous reverser le montant déduit.',
        ]
      : []),
    'Nous restons à votre disposition pour en échanger et vous prions d’agréer, Madame, Monsieur, nos salutations distinguées.',
  ];
  return { subject: `Contestation de l’avis de pénalité ${i.noticeRef}`, paragraphs };
}
