import type { Product } from '../core/catalog/product.ts';
import type { OrderDraftLine } from '../core/orders/order-draft.types.ts';
import type { RulesContext } from '../core/orders/rules-context.types.ts';
import { rules } from '../core/orders/rules.ts';
import type { PriceTier } from '../core/pricing/price-list.ts';
import type { Promotion } from '../core/pricing/pricing.types.ts';

/**
 * DESIGN §5: the rules on a 200-line order in under 5 ms. A wholesaler's order on demo-like data: 200 products
 * in sacks, retail cases and frozen cartons, two-step list tiers, an order-value tier, promotions of each kind,
 * some customer prices, some lines off their multiple and some EDI prices that differ — so every rule and every
 * kind of suggestion has work to do. Median of many in-process runs after a warm-up.
 */
const LINES = 200;
const WARMUP = 50;
const RUNS = 400;

function demo(): { ctx: RulesContext; lines: OrderDraftLine[] } {
  const products: Product[] = [];
  const tiers: PriceTier[] = [];
  for (let id = 1; id <= LINES; id++) {
    const kind = id % 3; // 0 sack 25 kg, 1 retail case 10 × 1 kg, 2 frozen carton of 60
    products.push({
      id,
      code: `SKU-${id}`,
      gtin: null,
      caseGtin: null,
      name: `Produit ${id}`,
      family: ['FARINE', 'SUCRE', 'BOULANGERIE_SURGELEE'][kind],
      saleUnit: kind === 2 ? 'UNITE' : kind === 1 ? 'COLIS' : 'SAC',
      netWeightG: [25_000, 10_000, 60][kind],
      grossWeightG: [25_150, 10_400, 70][kind],
      vatRateBp: id % 17 === 0 ? 2000 : 550,
      temperatureClass: kind === 2 ? 'SURGELE' : 'AMBIANT',
      shelfLifeDays: null,
      status: id % 97 === 0 ? 'discontinued' : 'active',
      unitsPerCarton: kind === 2 ? 60 : 1,
      cartonsPerLayer: [5, 12, 8][kind],
      layersPerPallet: [8, 8, 6][kind],
    });
    const base = [1850, 690, 58][kind] + (id % 7) * 10;
    tiers.push(
      { productId: id, minQuantity: 1, unitPriceCents: base },
      { productId: id, minQuantity: [40, 96, 480][kind], unitPriceCents: Math.round(base * 0.97) },
    );
  }
  const promotion = (id: number, productIds: number[], mechanism: Promotion['mechanism']): Promotion => ({
    id,
    code: `P${id}`,
    name: `Promo ${id}`,
    pitchFr: 'Offre du moment.',
    from: '2026-01-01',
    to: '2026-03-31',
    customerIds: null,
    typologies: ['GROSSISTE'],
    productIds,
    mechanism,
  });
  const ctx: RulesContext = {
    today: { date: '2026-01-14', time: '10:00' },
    customer: { id: 1, typology: 'GROSSISTE' },
    deliveryPoint: { id: 1, deliveryWeekdays: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'], leadTimeDays: 2, cutoffTime: '12:00' },
    terms: {
      reference: 'CGV 2026',
      articles: { minOrder: 'art. 4', franco: 'art. 5', orderMultiple: 'art. 6' },
      minOrderValueCents: 25_000,
      minOrderPallets: null,
      minOrderSeverity: 'approval',
      franco: { measure: 'value', threshold: 150_000, feeBelowCents: 9_000 },
      orderMultiples: { default: 'unit', byTemperature: { SURGELE: 'carton' }, byFamily: { SUCRE: 'layer' } },
      truck: { maxPallets: 33, maxWeightG: 24_000_000 },
      priceMismatchToleranceCents: 0,
      priceConcessionApprovalCents: 5000,
      creditCheck: true,
      surcharges: [{ weekdays: ['SAT'], feeCents: 4_500, label: { fr: 'Livraison le samedi', en: 'Saturday delivery' } }],
    },
    agreement: {
      assortmentProductIds: products.filter((p) => p.id % 50 !== 0).map((p) => p.id),
      creditLimitCents: 2_000_000,
      openOrdersCents: 1_500_000,
      unpaidBalanceCents: 200_000,
      prices: products
        .filter((p) => p.id % 11 === 0)
        .map((p) => ({ productId: p.id, unitPriceCents: 600, validFrom: '2026-01-01', validTo: null })),
    },
    priceList: {
      id: 1,
      code: 'PL-GROS-RHD-2026',
      name: 'Tarif grossistes 2026',
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      tiers,
      orderDiscount: {
        measure: 'value',
        families: null,
        steps: [
          { min: 0, discountBp: 0 },
          { min: 150_000, discountBp: 100 },
          { min: 500_000, discountBp: 200 },
          { min: 5_000_000, discountBp: 300 },
        ],
      },
    },
    promotions: [
      promotion(1, [3, 6, 9, 12], { kind: 'percent', discountBp: 500, minQuantityPerLine: 4 }),
      promotion(2, [2, 5, 8], { kind: 'free-goods', buy: 600, free: 60 }),
      promotion(3, [10, 20], { kind: 'tier', forcedMinQuantity: 40 }),
    ],
    products: new Map(products.map((p) => [p.id, p])),
    usualProductIds: [3, 6, 9, 1, 4],
  };
  const lines: OrderDraftLine[] = products.map((p, i) => {
    const whole = p.id % 3 === 2 ? 60 * (1 + (i % 4)) : p.id % 3 === 1 ? 12 * (1 + (i % 3)) : 1 + (i % 9);
    const quantity = i % 10 === 0 ? whole + 1 : whole; // a tenth off its multiple
    return {
      lineId: i + 1,
      productId: i === 5 ? null : p.id,
      code: p.code,
      quantity,
      ...(i % 25 === 0 ? { expectedUnitPriceCents: 1700 } : {}),
    };
  });
  return { ctx, lines };
}

export async function benchRules() {
  const { ctx, lines } = demo();
  const order = { lines, deliveryPointId: 1, requestedDate: '2026-01-17' };
  let findings = 0;
  let suggestions = 0;
  for (let i = 0; i < WARMUP; i++) rules(order, ctx);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const result = rules(order, ctx);
    times.push(performance.now() - start);
    findings = result.findings.length;
    suggestions = result.suggestions.length;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  return {
    bench: 'rules-200-lines',
    unit: 'ms',
    value: Math.round(median * 1000) / 1000,
    p95: Math.round(times[Math.floor(times.length * 0.95)] * 1000) / 1000,
    lines: LINES,
    findings,
    suggestions,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await benchRules()));
