import { describe, expect, it } from 'vitest';
import { type AnswerInput, draftAnswer } from './answer-letter.ts';

const base: AnswerInput = {
  complaintNumber: 'REC-2026-00003',
  receivedOn: '2026-01-19',
  reason: { fr: 'Emballage abîmé' },
  recipientName: 'Mme Martin',
  deliveryNumber: 'BL-2026-00117',
  outcome: 'credit-note',
  refusalReason: null,
  gestureCents: null,
  creditNote: { number: 'AV-2026-00001', grossCents: 5222 },
  replacement: null,
  returnPickup: null,
  note: null,
  company: { name: 'Moulins Delaunay', phone: '02 47 00 00 00', email: 'adv@moulins-delaunay.example' },
};

describe('the answer to the customer', () => {
  it('a credit note names its number and amount, in French', () => {
    const { subject, text } = draftAnswer(base);
    expect(subject).toBe('Votre réclamation REC-2026-00003 — Moulins Delaunay');
    expect(text).toContain('Bonjour Mme Martin,');
    expect(text).toContain('réclamation REC-2026-00003 du lundi 19 janvier 2026 (emballage abîmé, livraison BL-2026-00117)');
    expect(text).toContain("l'avoir AV-2026-00001 d'un montant de 52,22");
  });

  it('each outcome says what was done', () => {
    expect(draftAnswer({ ...base, outcome: 'replacement', replacement: { number: 'CMD-1', date: '2026-01-23' } }).text).toContain(
      'commande CMD-1), livrée le vendredi 23 janvier 2026',
    );
    expect(draftAnswer({ ...base, outcome: 'return', returnPickup: { number: 'RET-2026-00001', pickupOn: '2026-01-21' } }).text).toContain(
      'reprendra la marchandise concernée le mercredi 21 janvier 2026',
    );
    expect(draftAnswer({ ...base, outcome: 'gesture', gestureCents: 2000 }).text).toContain('20,00');
    const refusal = draftAnswer({ ...base, outcome: 'refusal', refusalReason: 'no-reserves', recipientName: null }).text;
    expect(refusal).toContain('Madame, Monsieur,');
    expect(refusal).toContain('aucune réserve');
    expect(refusal).not.toContain('excuses');
  });
});
