import { describe, expect, it } from 'vitest';
import { paymentTermsText } from './payment-terms.ts';

const paymentTermsFr = (code: string) => paymentTermsText(code, 'fr');

describe('payment terms in words', () => {
  it('spells out the codes the ERPs export', () => {
    expect(paymentTermsFr('45FDM')).toBe('45 jours fin de mois');
    expect(paymentTermsFr('30J_FACTURE')).toBe('30 jours date de facture');
    expect(paymentTermsFr('PRELEVEMENT_30J')).toBe('prélèvement à 30 jours');
    expect(paymentTermsFr('LCR_45J')).toBe('LCR à 45 jours');
    expect(paymentTermsFr('virement_30j')).toBe('virement à 30 jours');
    expect(paymentTermsFr('COMPTANT')).toBe('comptant');
  });

  it('prints a code it does not know as it is', () => {
    expect(paymentTermsFr('Selon contrat cadre')).toBe('Selon contrat cadre');
  });

  it('says them in English for an English reader', () => {
    expect(paymentTermsText('45FDM', 'en')).toBe('45 days end of month');
    expect(paymentTermsText('PRELEVEMENT_30J', 'en')).toBe('direct debit at 30 days');
    expect(paymentTermsText('COMPTANT', 'en')).toBe('cash');
    expect(paymentTermsText('Selon contrat cadre', 'en')).toBe('Selon contrat cadre');
  });
});
