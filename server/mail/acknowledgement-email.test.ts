import { describe, expect, it } from 'vitest';
import { acknowledgementEmail, type AcknowledgementEmailInput } from './acknowledgement-email.ts';

const base: AcknowledgementEmailInput = {
  orderNumber: 'CDE-202611-00070',
  customerRef: 'CM-PO-900001',
  version: 1,
  promisedDate: '2026-12-01',
  deliveryPointName: 'Entrepôt Cap Marché PGC sec — Saran',
  grossCents: 149_705,
  recipientName: 'Sophie Garnier',
  company: { name: 'Moulins Delaunay SAS', phone: '02 61 91 10 00', email: 'adv@moulins-delaunay.example' },
};

describe('acknowledgementEmail', () => {
  it('says in French which order it acknowledges, with her reference, the promised date, the total and who to call', () => {
    const { subject, text } = acknowledgementEmail(base);
    expect(subject).toBe('Accusé de réception de votre commande CDE-202611-00070 (votre réf. CM-PO-900001) — Moulins Delaunay SAS');
    expect(text).toMatch(/^Bonjour Sophie Garnier,\n/);
    expect(text).toContain(
      'Nous avons bien reçu votre commande CM-PO-900001 et vous en remercions. Elle est enregistrée sous le numéro CDE-202611-00070',
    );
    expect(text).toContain('Livraison prévue le mardi 1 décembre 2026 à : Entrepôt Cap Marché PGC sec — Saran.');
    expect(text).toMatch(/Montant total : 1\s497,05\s€ TTC\./);
    expect(text).toContain('Moulins Delaunay SAS\nTél. 02 61 91 10 00 — adv@moulins-delaunay.example\n');
  });

  it('without a reference, a name or a promised date, still reads well', () => {
    const { subject, text } = acknowledgementEmail({ ...base, customerRef: null, recipientName: null, promisedDate: null });
    expect(subject).toBe('Accusé de réception de votre commande CDE-202611-00070 — Moulins Delaunay SAS');
    expect(text).toMatch(/^Bonjour,\n/);
    expect(text).toContain('Nous avons bien reçu votre commande et vous en remercions.');
    expect(text).toContain('Lieu de livraison : Entrepôt Cap Marché PGC sec — Saran.');
    expect(text).not.toContain('null');
  });

  it('a later version says it replaces the one before', () => {
    const { subject, text } = acknowledgementEmail({ ...base, version: 2 });
    expect(subject).toMatch(/^Accusé de réception modifié de votre commande CDE-202611-00070/);
    expect(text).toContain('mis à jour (version 2), qui annule et remplace le précédent');
  });
});
