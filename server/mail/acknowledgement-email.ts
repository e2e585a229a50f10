import { formatFrenchLongDate, type IsoDate } from '../../core/calendar/dates.ts';
import { formatEuros } from '../../core/shared/money.ts';

export type AcknowledgementEmailInput = {
  orderNumber: string;
  customerRef: string | null;
  /** 1 for the first acknowledgement; a later one replaces it. */
  version: number;
  promisedDate: IsoDate | null;
  deliveryPointName: string;
  grossCents: number;
  recipientName: string | null;
  company: { name: string; phone: string | null; email: string | null };
};

/** The French subject and plain-text body that carry an order acknowledgement (ARC) PDF to the customer. */
export function acknowledgementEmail(d: AcknowledgementEmailInput): { subject: string; text: string } {
  const theirRef = d.customerRef ? ` (votre réf. ${d.customerRef})` : '';
  const subject = `${d.version > 1 ? 'Accusé de réception modifié' : 'Accusé de réception'} de votre commande ${d.orderNumber}${theirRef} — ${d.company.name}`;
  const text = [
    d.recipientName ? `Bonjour ${d.recipientName},` : 'Bonjour,',
    '',
    d.version > 1
      ? `Votre commande ${d.orderNumber}${theirRef} a été modifiée. Vous trouverez ci-joint son accusé de réception mis à jour (version ${d.version}), qui annule et remplace le précédent.`
      : `Nous avons bien reçu votre commande${d.customerRef ? ` ${d.customerRef}` : ''} et vous en remercions. Elle est enregistrée sous le numéro ${d.orderNumber} ; vous trouverez ci-joint son accusé de réception.`,
    '',
    d.promisedDate
      ? `Livraison prévue le ${formatFrenchLongDate(d.promisedDate)} à : ${d.deliveryPointName}.`
      : `Lieu de livraison : ${d.deliveryPointName}.`,
    `Montant total : ${formatEuros(d.grossCents)} TTC.`,
    '',
    'Merci de vérifier ce document et de nous signaler toute différence dans les meilleurs délais.',
    '',
    'Cordialement,',
    '',
    'L’administration des ventes',
    d.company.name,
    [d.company.phone && `Tél. ${d.company.phone}`, d.company.email].filter(Boolean).join(' — '),
  ];
  return { subject, text: `${text.join('\n').trimEnd()}\n` };
}
