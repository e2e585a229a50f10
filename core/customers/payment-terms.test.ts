import { describe, expect, it } from 'vitest';
import { paymentTermsFr } from './payment-terms.ts';

describe('paymentTermsFr', () => {
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
});
