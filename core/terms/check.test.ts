import { describe, expect, it } from 'vitest';
import { check } from './check.ts';
import { price } from '../pricing/price.ts';
import { RULE_IDS, type RuleId } from '../orders/findings.types.ts';
import type { OrderDraft } from '../orders/order-draft.types.ts';
import type { RulesContext } from '../orders/rules-context.types.ts';
import { availabilityContext } from '../stock/availability-context.ts';
import { CRISTAL, CROISSANT, GALETTE, GLACE, LIST, MUG, OLD, T45, T55_1KG, T65, TERMS, context, draft } from '../orders/rules.fixtures.ts';

const ctx = context();
const findings = (rule: RuleId, order: OrderDraft, c: RulesContext = ctx) =>
  check(order, price(order, c), c).filter((f) => f.rule === rule);
const fires = (rule: RuleId, order: OrderDraft, c?: RulesContext) => {
  const found = findings(rule, order, c);
  expect(found).toHaveLength(1);
  return found[0];
};
const silent = (rule: RuleId, order: OrderDraft, c?: RulesContext) => expect(findings(rule, order, c)).toEqual([]);
// Intl puts a no-break space before € and a narrow one between thousands: compare on plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const tested = new Set<RuleId>();
const rule = (id: RuleId, body: () => void) =>
  describe(id, () => {
    tested.add(id);
    body();
  });

rule('min-order-value', () => {
  it('fires below the minimum value with the figures and the article', () => {
    const f = fires('min-order-value', draft([{ productId: T65, quantity: 10 }]));
    expect(f.severity).toBe('approval');
    expect(plain(f.message.fr)).toBe('Commande de 195,00 € HT : minimum 250,00 € HT selon vos CGV 2026 art. 4 (il manque 55,00 €).');
    expect(plain(f.message.en)).toBe('Order of €195.00 excl. VAT: minimum €250.00 excl. VAT under your CGV 2026 art. 4 (€55.00 short).');
    expect(f.data).toMatchObject({ valueCents: 19_500, minimumCents: 25_000, missingCents: 5_500 });
  });
  it('is silent just above it', () => silent('min-order-value', draft([{ productId: T65, quantity: 13 }])));
  it('counts pallets for a retail central, and blocks when its terms say so', () => {
    const gms = context({ terms: { ...TERMS, minOrderValueCents: null, minOrderPallets: 1, minOrderSeverity: 'block' } });
    expect(fires('min-order-value', draft([{ productId: T65, quantity: 39 }]), gms)).toMatchObject({
      severity: 'block',
      data: { pallets: 0.98, minimumPallets: 1 },
    });
    silent('min-order-value', draft([{ productId: T65, quantity: 40 }]), gms);
  });
});

rule('franco', () => {
  it('informs of the fee and what is missing below franco', () => {
    const f = fires('franco', draft([{ productId: T65, quantity: 10 }]));
    expect(f.severity).toBe('info');
    expect(plain(f.message.fr)).toBe(
      'Commande de 195,00 € HT sous le franco de 400,00 € HT selon vos CGV 2026 art. 5 : frais de port de 35,00 € HT ; il manque 205,00 € pour les éviter.',
    );
    expect(f.data).toMatchObject({ feeCents: 3500, missing: 20_500 });
  });
  it('is silent at franco (21 sacks, 2 % off: 401,31 €)', () => silent('franco', draft([{ productId: T65, quantity: 21 }])));
});

rule('order-multiple', () => {
  it('warns when frozen goods are not whole cartons, with both roundings', () => {
    const f = fires('order-multiple', draft([{ productId: CROISSANT, quantity: 500 }]));
    expect(f).toMatchObject({ severity: 'warning', lineIndex: 0, data: { multiple: 'carton', size: 60, roundDown: 480, roundUp: 540 } });
    expect(plain(f.message.fr)).toBe(
      'Ligne 1 (SUR-CRO-60) : 500 unités ne font pas un nombre entier de colis (60 unités) selon vos CGV 2026 art. 6 ; arrondir à 480 unités ou 540 unités.',
    );
  });
  it('is silent on whole cartons and on products sold by the unit', () => {
    silent(
      'order-multiple',
      draft([
        { productId: CROISSANT, quantity: 480 },
        { productId: T65, quantity: 7 },
      ]),
    );
  });
  it('takes the family override over the temperature and the default (layers for retail packs)', () => {
    const layers = context({ terms: { ...TERMS, orderMultiples: { default: 'unit', byFamily: { FARINE: 'layer' } } } });
    expect(fires('order-multiple', draft([{ productId: T55_1KG, quantity: 100 }]), layers).data).toMatchObject({
      size: 12,
      roundDown: 96,
      roundUp: 108,
    });
    silent('order-multiple', draft([{ productId: T55_1KG, quantity: 96 }]), layers);
  });
});

// Monday to Friday, two working days, cut-off at noon: on Wednesday 14 January at 10:00, Friday 16 is the first date.
const weekdays = context({
  deliveryPoint: { id: 200, deliveryWeekdays: ['MON', 'TUE', 'WED', 'THU', 'FRI'], leadTimeDays: 2, cutoffTime: '12:00' },
});
const afterNoon = { ...weekdays, today: { date: '2026-01-14', time: '13:00' } };

rule('lead-time', () => {
  it('asks approval for a date inside the lead time', () => {
    const f = fires('lead-time', draft([{ productId: T65, quantity: 20 }], { requestedDate: '2026-01-15' }), weekdays);
    expect(f).toMatchObject({ severity: 'approval', data: { earliestDate: '2026-01-16' } });
    expect(f.message.fr).toBe(
      'Livraison demandée le jeu. 15/01/2026 : délai de 2 jour(s) ouvré(s) selon vos CGV 2026 art. 3, au plus tôt le ven. 16/01/2026.',
    );
    silent('cut-off', draft([{ productId: T65, quantity: 20 }], { requestedDate: '2026-01-15' }), weekdays);
  });
  it('is silent on the first possible date', () =>
    silent('lead-time', draft([{ productId: T65, quantity: 20 }], { requestedDate: '2026-01-16' }), weekdays));
});

rule('cut-off', () => {
  it('warns when the date was possible before the cut-off but no longer is', () => {
    const f = fires('cut-off', draft([{ productId: T65, quantity: 20 }], { requestedDate: '2026-01-16' }), afterNoon);
    expect(f).toMatchObject({ severity: 'warning', data: { earliestDate: '2026-01-19', cutoffTime: '12:00' } });
    expect(f.message.fr).toContain("après l'heure limite de 12:00");
    silent('lead-time', draft([{ productId: T65, quantity: 20 }], { requestedDate: '2026-01-16' }), afterNoon);
  });
  it('is silent a minute before the cut-off', () => {
    silent('cut-off', draft([{ productId: T65, quantity: 20 }], { requestedDate: '2026-01-16' }), {
      ...weekdays,
      today: { date: '2026-01-14', time: '11:59' },
    });
  });
});

rule('delivery-day', () => {
  it('blocks a weekday the point does not receive', () => {
    const f = fires('delivery-day', draft([{ productId: T65, quantity: 20 }], { requestedDate: '2026-01-15' }));
    expect(f).toMatchObject({ severity: 'block', data: { publicHoliday: false } });
    expect(f.message.fr).toBe(
      'Livraison demandée le jeu. 15/01/2026 : le point de livraison ne reçoit pas ce jour-là (jours de réception : mardi, vendredi, samedi).',
    );
  });
  it('blocks a French public holiday even on a receiving weekday (Friday 1 May 2026)', () => {
    expect(fires('delivery-day', draft([{ productId: T65, quantity: 20 }], { requestedDate: '2026-05-01' })).data).toMatchObject({
      publicHoliday: true,
    });
  });
  it('is silent on a receiving day', () =>
    silent('delivery-day', draft([{ productId: T65, quantity: 20 }], { requestedDate: '2026-01-16' })));
});

rule('credit-limit', () => {
  const order = draft([{ productId: T65, quantity: 10 }]); // (195,00 + 35,00) × 1,055 = 242,65 € TTC
  it('asks approval when open orders, unpaid invoices and this order pass the limit', () => {
    const c = context({ agreement: { ...ctx.agreement, openOrdersCents: 400_000, unpaidBalanceCents: 80_000 } });
    const f = fires('credit-limit', order, c);
    expect(f).toMatchObject({ severity: 'approval', data: { exposureCents: 504_265, overCents: 4_265 } });
    expect(plain(f.message.fr)).toContain(
      'Encours de 5 042,65 € TTC (commandes en cours 4 000,00 €, impayés 800,00 €, cette commande 242,65 €)',
    );
  });
  it("says as of when the accounting's unpaid figure stands", () => {
    const c = context({ agreement: { ...ctx.agreement, openOrdersCents: 400_000, unpaidBalanceCents: 80_000, unpaidAsOf: '2026-12-04' } });
    const f = fires('credit-limit', order, c);
    expect(plain(f.message.fr)).toContain('impayés 800,00 € au ven. 04/12/2026');
    expect(plain(f.message.en)).toContain('unpaid €800.00 as of Fri, 04/12/2026');
    expect(f.data).toMatchObject({ unpaidAsOf: '2026-12-04' });
  });
  it('is silent within the limit, and when the terms turn the check off', () => {
    silent('credit-limit', order, context({ agreement: { ...ctx.agreement, openOrdersCents: 400_000, unpaidBalanceCents: 75_000 } }));
    silent(
      'credit-limit',
      order,
      context({ terms: { ...TERMS, creditCheck: false }, agreement: { ...ctx.agreement, openOrdersCents: 900_000 } }),
    );
  });
});

rule('discontinued', () => {
  it('blocks a discontinued product', () => expect(fires('discontinued', draft([{ productId: OLD, quantity: 5 }])).severity).toBe('block'));
  it('is silent on an active one', () => silent('discontinued', draft([{ productId: T65, quantity: 5 }])));
});

rule('unknown-product', () => {
  it('blocks a code that matched nothing, naming the code', () => {
    const f = fires('unknown-product', draft([{ productId: null, code: 'CAP-99812', quantity: 12, lineId: 'L3' }]));
    expect(f).toMatchObject({ severity: 'block', lineIndex: 0, lineId: 'L3', data: { code: 'CAP-99812' } });
    expect(f.message.fr).toBe('Ligne 1 (CAP-99812) : article inconnu du catalogue ; associer ce code à un produit.');
    fires('unknown-product', draft([{ productId: 999, quantity: 1 }]));
  });
  it('is silent on a known product', () => silent('unknown-product', draft([{ productId: T65, quantity: 1 }])));
});

rule('no-price', () => {
  it('blocks a product the list does not price', () => {
    const c = context({ priceList: { ...LIST, tiers: LIST.tiers.filter((t) => t.productId !== MUG) } });
    expect(fires('no-price', draft([{ productId: MUG, quantity: 1 }]), c).severity).toBe('block');
  });
  it('is silent when it is priced', () => silent('no-price', draft([{ productId: MUG, quantity: 1 }])));
});

rule('price-mismatch', () => {
  it("asks approval when the customer sent last year's price", () => {
    const f = fires('price-mismatch', draft([{ productId: T65, quantity: 10, expectedUnitPriceCents: 1850 }]));
    expect(f).toMatchObject({ severity: 'approval', data: { ourUnitPriceCents: 1950, differenceCents: -100, lineDifferenceCents: -1000 } });
    expect(plain(f.message.fr)).toBe(
      'Ligne 1 (FAR-T65-S25) : prix attendu par le client 18,50 € HT, notre prix 19,50 € HT selon vos CGV 2026 art. 8 (écart -1,00 € par unité, -10,00 € sur la ligne).',
    );
  });
  it('compares with our net after discounts, and is silent within the tolerance', () => {
    // 5 sacks of icing sugar: 16,50 € less the 5 % galette promotion = 15,675 → 15,67 € net (line 78,37 € / 5).
    silent('price-mismatch', draft([{ productId: GLACE, quantity: 5, expectedUnitPriceCents: 1567 }]));
    silent(
      'price-mismatch',
      draft([{ productId: T65, quantity: 10, expectedUnitPriceCents: 1900 }]),
      context({ terms: { ...TERMS, priceMismatchToleranceCents: 50 } }),
    );
  });
  it("is settled once the desk accepts the customer's price: the line is priced at it", () => {
    silent('price-mismatch', draft([{ productId: T65, quantity: 10, expectedUnitPriceCents: 1850, agreedUnitPriceCents: 1850 }]));
  });
  it('is settled once the desk keeps our price (the ORDRSP tells him ours)', () => {
    silent('price-mismatch', draft([{ productId: T65, quantity: 10, expectedUnitPriceCents: 1850, agreedUnitPriceCents: 1950 }]));
  });
  it("says what accepting his price costs, and that above the terms' threshold a manager decides", () => {
    // 10 × (19,50 − 18,50) = 10,00 € given away: within 50 €, the assistant's call; over 5 €, the manager's.
    const within = fires('price-mismatch', draft([{ productId: T65, quantity: 10, expectedUnitPriceCents: 1850 }]));
    expect(within.data).toMatchObject({ concessionCents: 1000, managerDecides: false });
    const above = fires(
      'price-mismatch',
      draft([{ productId: T65, quantity: 10, expectedUnitPriceCents: 1850 }]),
      context({ terms: { ...TERMS, priceConcessionApprovalCents: 500 } }),
    );
    expect(above.data).toMatchObject({ concessionCents: 1000, managerDecides: true });
    // A customer who expects more than ours costs nothing to accept.
    const higher = fires('price-mismatch', draft([{ productId: T65, quantity: 10, expectedUnitPriceCents: 2050 }]));
    expect(higher.data).toMatchObject({ concessionCents: 0, managerDecides: false });
  });
});

rule('truck-capacity', () => {
  it('warns when sugar fills the truck by weight before the floor (25 pallets, 25,25 t)', () => {
    const f = fires('truck-capacity', draft([{ productId: CRISTAL, quantity: 1000 }]));
    expect(f).toMatchObject({ severity: 'warning', data: { pallets: 25, weightG: 25_250_000, binding: 'weight' } });
    expect(f.message.fr).toBe(
      "Chargement de 25 palettes et 25,25 t : au-delà de la charge utile de 24 t d'un camion selon vos CGV 2026 art. 7 ; prévoir un second véhicule ou scinder la commande.",
    );
  });
  it('warns on the floor for light goods past 33 pallets', () => {
    expect(fires('truck-capacity', draft([{ productId: CROISSANT, quantity: 34 * 2880 }]), context({ promotions: [] })).data).toMatchObject(
      { binding: 'pallets' },
    );
  });
  it('is silent just under the payload', () => silent('truck-capacity', draft([{ productId: CRISTAL, quantity: 950 }])));
});

rule('promotion-ended', () => {
  it('warns when the claimed promotion is over at the order date', () => {
    const f = fires('promotion-ended', draft([{ productId: T45, quantity: 5, promotionId: GALETTE.id }], { orderDate: '2026-01-26' }));
    expect(f).toMatchObject({ severity: 'warning', data: { to: '2026-01-25' } });
    expect(f.message.fr).toBe(
      'Ligne 1 (FAR-T45-S25) : la promotion « Saison des galettes des rois » a pris fin le dim. 25/01/2026 ; ligne au prix normal.',
    );
  });
  it('is silent on its last day', () =>
    silent('promotion-ended', draft([{ productId: T45, quantity: 5, promotionId: GALETTE.id }], { orderDate: '2026-01-25' })));
});

rule('not-listed', () => {
  const listed = context({ agreement: { ...ctx.agreement, assortmentProductIds: [T65] } });
  it('asks approval for a product outside the agreed assortment', () =>
    expect(fires('not-listed', draft([{ productId: GLACE, quantity: 2 }]), listed).severity).toBe('approval'));
  it('is silent on a listed product, or when the customer has no assortment', () => {
    silent('not-listed', draft([{ productId: T65, quantity: 2 }]), listed);
    silent('not-listed', draft([{ productId: GLACE, quantity: 2 }]));
  });
});

rule('availability', () => {
  const stock = (onHand: number, receipt: number) => ({
    stockByWarehouse: [{ warehouseId: 1, onHand, reserved: 0 }],
    lots: [],
    receipts: receipt ? [{ warehouseId: 1, date: '2026-01-20', quantity: receipt }] : [],
    reservations: [],
    shelfLifeDays: 270,
  });
  const withStock = (onHand: number, receipt = 0) =>
    context({
      availability: availabilityContext({
        minRemainingShelfLifePct: null,
        products: [
          { productId: T65, substituteIds: [T45], ...stock(onHand, receipt) },
          { productId: T45, substituteIds: [], ...stock(30, 0) },
        ],
      }),
    });
  it('warns with the shortfall, the earliest complete date and the substitutes in stock', () => {
    const f = fires('availability', draft([{ productId: T65, quantity: 12 }]), withStock(8, 20));
    expect(f.severity).toBe('warning');
    expect(f.data).toMatchObject({ promisable: 8, shortfall: 4, earliestCompleteDate: '2026-01-20', substitutes: ['FAR-T45-S25:30'] });
    expect(f.message.fr).toBe(
      'Ligne 1 (FAR-T65-S25) : 8 sacs disponibles le ven. 16/01/2026 sur 12 sacs, il manque 4 sacs ; complet le mar. 20/01/2026 ; en stock en remplacement : FAR-T45-S25 (30).',
    );
    expect(f.message.en).toContain('short by 4 sacks; complete on Tue, 20/01/2026');
  });
  it('asks approval when no planned receipt ever completes the line; lines of one product share the stock', () => {
    const found = findings(
      'availability',
      draft([
        { productId: T65, quantity: 5 },
        { productId: T65, quantity: 5 },
      ]),
      withStock(8),
    );
    expect(found.map((f) => [f.lineIndex, f.severity, f.data.shortfall])).toEqual([[1, 'approval', 2]]);
  });
  it('is silent when the stock serves the line, or without stock in the context', () => {
    silent('availability', draft([{ productId: T65, quantity: 8 }]), withStock(8));
    silent('availability', draft([{ productId: T65, quantity: 800 }]));
  });
});

describe('check', () => {
  it('lists what blocks first', () => {
    const found = check(
      draft([
        { productId: T65, quantity: 10 },
        { productId: null, code: 'X', quantity: 1 },
      ]),
      price(
        draft([
          { productId: T65, quantity: 10 },
          { productId: null, code: 'X', quantity: 1 },
        ]),
        ctx,
      ),
      ctx,
    );
    expect(found.map((f) => f.severity)).toEqual(['block', 'approval', 'info']);
  });
  it('has a firing case and a near miss for every rule id', () => {
    expect([...tested].sort()).toEqual([...RULE_IDS].sort());
  });
});
