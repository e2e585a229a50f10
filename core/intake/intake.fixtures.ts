import type { IntakeCatalogue, IntakeProduct } from './find-order.ts';

const p = (
  id: number,
  code: string,
  gtin: string,
  name: string,
  saleUnit: IntakeProduct['saleUnit'],
  netWeightG: number,
  layers: [number, number] | null = [5, 8],
): IntakeProduct => ({
  id,
  code,
  gtin,
  caseGtin: null,
  name,
  saleUnit,
  netWeightG,
  unitsPerCarton: 1,
  cartonsPerLayer: layers?.[0] ?? null,
  layersPerPallet: layers?.[1] ?? null,
  status: 'active',
});

/** A few of the mill's products, as the demo has them. */
export const CATALOGUE: IntakeCatalogue = {
  products: [
    p(1, 'FAR-T45-S25', '3012345001014', 'Farine de blé T45 « Gruau pâtissier » — sac 25 kg', 'SAC', 25000),
    p(2, 'FAR-T55-S25', '3012345001021', 'Farine de blé T55 boulangère — sac 25 kg', 'SAC', 25000),
    p(3, 'FAR-T65-S25', '3012345001038', 'Farine de blé T65 pour pain de tradition française — sac 25 kg', 'SAC', 25000),
    p(4, 'FAR-T55-S10', '3012345001090', 'Farine de blé T55 — sac 10 kg', 'SAC', 10000),
    p(5, 'SUC-GLA-500', '3012345002035', 'Sucre glace 500 g — colis de 12', 'COLIS', 6000),
    p(6, 'SUC-CRI-VRAC', '3012345002226', 'Sucre cristal blanc — vrac citerne (prix à la tonne)', 'TONNE', 1_000_000, null),
    p(7, 'SUR-CRO-60', '3012345003056', 'Croissant pur beurre cru surgelé 60 g — colis de 120', 'COLIS', 7200),
    p(8, 'FAR-SEI-S25', '3012345001076', 'Farine de seigle T130 — sac 25 kg', 'SAC', 25000),
  ],
  customerCodes: [{ code: 'FAR55-DEL', productId: 2, unitFactor: 1 }],
  corrections: [],
  usual: new Map([[2, 5]]),
};
