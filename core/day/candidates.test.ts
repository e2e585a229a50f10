import { describe, expect, it } from 'vitest';
import { riskCandidate, type RiskRow } from './candidates.ts';

const risk: RiskRow = {
  id: 7,
  customerId: 3,
  customerName: 'Cap Marché',
  orderNumber: 'CDE-1',
  promisedDate: '2026-03-13',
  shortfall: 60,
  valueCents: 43_200,
  exposureCents: 0,
  productName: 'Farine T45',
};

describe('an order at risk in the day', () => {
  it('with a call-back agreed for that day: at its Paris time, said so', () => {
    const c = riskCandidate({ ...risk, callBack: { date: '2026-03-12', time: '14:30' } }, '2026-03-12');
    expect(c.at).toBe('14:30');
    expect(c.reason.fr).toMatch(/^rappel convenu à 14:30 · /);
    expect(c.reason.en).toMatch(/^call-back agreed for 14:30 · /);
  });
  it('with a call-back agreed for a later day: no set time today, the day and time said the French way', () => {
    const c = riskCandidate({ ...risk, callBack: { date: '2026-03-12', time: '14:30' } }, '2026-03-10');
    expect(c.at).toBeNull();
    expect(c.reason.fr).toMatch(/^rappel convenu le jeu\. 12\/03\/2026 à 14:30 · /);
  });
  it('without one: as before', () => {
    expect(riskCandidate(risk, '2026-03-10')).toMatchObject({ at: null, reason: { fr: expect.stringMatching(/^promise le/) } });
  });
});
