// Test fixtures for the commercial rules (not shipped to screens): a small Moulins Delaunay catalogue, the
// artisans' terms and an artisan customer on the line on Wednesday 14 January 2026 at 10:00 (galette season).
import type { Product } from '../catalog/product.ts';
import type { PriceList, Promotion } from '../pricing/pricing.types.ts';
import type { Terms } from '../terms/terms.types.ts';
import type { OrderDraft, OrderDraftLine } from './order-draft.types.ts';
import type { RulesContext } from './rules-context.types.ts';

type P = Partial<Product> & Pick<Product, 'id' | 'code' | 'unitsPerCarton' | 'cartonsPerLayer' | 'layersPerPallet' | 'netWeightG'>;
const product = (p: P): Product => ({
  gtin: null,
  caseGtin: null,
  name: p.code,
  family: 'FARINE',
  saleUnit: 'SAC',
  grossWeightG: Math.round(p.netWeightG * 1.01),
  vatRateBp: 550,
  temperatureClass: 'AMBIANT',
  shelfLifeDays: null,
  status: 'active',
  ...p,
});

export const T65 = 1,
  T45 = 2,
  GLACE = 3,
  T55_1KG = 4,
  CROISSANT = 5,
  CRISTAL = 6,
  OLD = 7,
  MIE = 8,
  VRAC = 9,
  MUG = 10;
export const PRODUCTS: Product[] = [
  product({ id: T65, code: 'FAR-T65-S25', unitsPerCarton: 1, cartonsPerLayer: 5, layersPerPallet: 8, netWeightG: 25_000 }),
  product({ id: T45, code: 'FAR-T45-S25', unitsPerCarton: 1, cartonsPerLayer: 5, layersPerPallet: 8, netWeightG: 25_000 }),
  product({
    id: GLACE,
    code: 'SUC-GLA-S10',
    family: 'SUCRE',
    unitsPerCarton: 1,
    cartonsPerLayer: 10,
    layersPerPallet: 8,
    netWeightG: 10_000,
  }),
  product({
    id: T55_1KG,
    code: 'FAR-T55-1KG',
    saleUnit: 'COLIS',
    unitsPerCarton: 1,
    cartonsPerLayer: 12,
    layersPerPallet: 8,
    netWeightG: 10_000,
  }),
  product({
    id: CROISSANT,
    code: 'SUR-CRO-60',
    family: 'BOULANGERIE_SURGELEE',
    saleUnit: 'UNITE',
    temperatureClass: 'SURGELE',
    unitsPerCarton: 60,
    cartonsPerLayer: 8,
    layersPerPallet: 6,
    netWeightG: 60,
  }),
  product({
    id: CRISTAL,
    code: 'SUC-CRI-S25',
    family: 'SUCRE',
    unitsPerCarton: 1,
    cartonsPerLayer: 5,
    layersPerPallet: 8,
    netWeightG: 25_000,
  }),
  product({
    id: OLD,
    code: 'FAR-OLD-S25',
    status: 'discontinued',
    unitsPerCarton: 1,
    cartonsPerLayer: 5,
    layersPerPallet: 8,
    netWeightG: 25_000,
  }),
  product({
    id: MIE,
    code: 'AMB-MIE-500',
    family: 'BOULANGERIE_AMBIANTE',
    saleUnit: 'UNITE',
    unitsPerCarton: 6,
    cartonsPerLayer: 10,
    layersPerPallet: 5,
    netWeightG: 500,
  }),
  product({
    id: VRAC,
    code: 'FAR-T55-VRAC',
    saleUnit: 'TONNE',
    unitsPerCarton: 1,
    cartonsPerLayer: null,
    layersPerPallet: null,
    netWeightG: 1_000_000,
  }),
  product({
    id: MUG,
    code: 'GOODIE-MUG',
    family: 'GOODIES',
    saleUnit: 'UNITE',
    vatRateBp: 2000,
    unitsPerCarton: 1,
    cartonsPerLayer: 10,
    layersPerPallet: 10,
    netWeightG: 300,
  }),
];

export const LIST: PriceList = {
  id: 1,
  code: 'PL-ARTISANS-2026',
  name: 'Tarif artisans 2026',
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  tiers: [
    { productId: T65, minQuantity: 1, unitPriceCents: 1950 },
    { productId: T65, minQuantity: 40, unitPriceCents: 1890 },
    { productId: T45, minQuantity: 1, unitPriceCents: 1850 },
    { productId: GLACE, minQuantity: 1, unitPriceCents: 1650 },
    { productId: T55_1KG, minQuantity: 1, unitPriceCents: 690 },
    { productId: CROISSANT, minQuantity: 1, unitPriceCents: 58 },
    { productId: CROISSANT, minQuantity: 480, unitPriceCents: 55 },
    { productId: CRISTAL, minQuantity: 1, unitPriceCents: 2250 },
    { productId: OLD, minQuantity: 1, unitPriceCents: 1500 },
    { productId: MIE, minQuantity: 1, unitPriceCents: 230 },
    { productId: VRAC, minQuantity: 1, unitPriceCents: 46_500 },
    { productId: MUG, minQuantity: 1, unitPriceCents: 499 },
  ],
  // Artisans: net weight of the order, 500 kg → 2 %, 1 t → 3.5 %, 2 t → 5 % (demo PL-ARTISANS-2026).
  orderDiscount: {
    measure: 'weight',
    families: ['FARINE', 'SUCRE'],
    steps: [
      { min: 0, discountBp: 0 },
      { min: 500_000, discountBp: 200 },
      { min: 1_000_000, discountBp: 350 },
      { min: 2_000_000, discountBp: 500 },
    ],
  },
};

export const GALETTE: Promotion = {
  id: 11,
  code: 'PROMO-GALETTE-2026',
  name: 'Saison des galettes des rois',
  from: '2025-12-15',
  to: '2026-01-25',
  pitchFr: 'Pour vos galettes, 5 % de remise immédiate sur le gruau T45 et le sucre glace dès 4 sacs par référence.',
  customerIds: null,
  typologies: ['ARTISAN', 'GROSSISTE'],
  productIds: [T45, GLACE],
  mechanism: { kind: 'percent', discountBp: 500, minQuantityPerLine: 4 },
};
export const VIENNOISERIE: Promotion = {
  id: 12,
  code: 'PROMO-PRINTEMPS',
  name: 'Printemps de la viennoiserie',
  from: '2026-01-01',
  to: '2026-04-30',
  pitchFr: 'Pour 10 colis de croissants, le 11e est offert.',
  customerIds: null,
  typologies: ['ARTISAN'],
  productIds: [CROISSANT],
  mechanism: { kind: 'free-goods', buy: 600, free: 60 },
};

export const TERMS: Terms = {
  reference: 'CGV 2026',
  articles: {
    minOrder: 'art. 4',
    franco: 'art. 5',
    orderMultiple: 'art. 6',
    leadTime: 'art. 3',
    truck: 'art. 7',
    price: 'art. 8',
    credit: 'art. 9',
  },
  minOrderValueCents: 25_000,
  minOrderPallets: null,
  minOrderSeverity: 'approval',
  franco: { measure: 'value', threshold: 40_000, feeBelowCents: 3_500 },
  orderMultiples: { default: 'unit', byTemperature: { SURGELE: 'carton' } },
  truck: { maxPallets: 33, maxWeightG: 24_000_000 },
  priceMismatchToleranceCents: 0,
  priceConcessionApprovalCents: 5000,
  creditCheck: true,
  surcharges: [{ weekdays: ['SAT'], feeCents: 4_500, label: { fr: 'Livraison le samedi', en: 'Saturday delivery' } }],
};

export function context(overrides: Partial<RulesContext> = {}): RulesContext {
  return {
    today: { date: '2026-01-14', time: '10:00' },
    customer: { id: 100, typology: 'ARTISAN' },
    deliveryPoint: { id: 200, deliveryWeekdays: ['TUE', 'FRI', 'SAT'], leadTimeDays: 1, cutoffTime: '12:00' },
    terms: TERMS,
    agreement: { assortmentProductIds: null, creditLimitCents: 500_000, openOrdersCents: 0, unpaidBalanceCents: 0, prices: [] },
    priceList: LIST,
    promotions: [GALETTE, VIENNOISERIE],
    products: new Map(PRODUCTS.map((p) => [p.id, p])),
    usualProductIds: [T65, T45, GLACE],
    ...overrides,
  };
}

export function draft(lines: OrderDraftLine[], more: Partial<OrderDraft> = {}): OrderDraft {
  return { lines, deliveryPointId: 200, requestedDate: '2026-01-16', ...more };
}
