import type { Trx } from '../db/database.ts';
import { typologyValues } from '../terms/terms.mapping.ts';
import type { TypologyTermsInput } from '../../core/terms/terms.schemas.ts';
import demo from './demo-data.json' with { type: 'json' };

type Shift = (date: string | null) => string | null;

/**
 * The commercial rules of the demo: the CGV 2026 per typology, each price list's order-level tiers, the season's
 * promotions, the customers' unpaid invoices and the retail centrals' agreed assortments. The CGV follows the price
 * lists (whole years); promotions move with the history, so the galette promotion runs today.
 */
export async function seedCommercial(
  trx: Trx,
  options: { shiftDate: Shift; shiftYearDate: Shift; nowIso: string; today: string },
): Promise<void> {
  const c = demo.commercial;
  const ids = async (table: 'products' | 'customers' | 'priceLists') =>
    new Map((await trx.selectFrom(table).select(['id', 'code']).execute()).map((r) => [r.code, r.id]));
  const [products, customers, priceLists] = await Promise.all([ids('products'), ids('customers'), ids('priceLists')]);

  const terms = await trx
    .insertInto('termsOfSale')
    .values({
      code: c.terms.code,
      name: c.terms.name,
      validFrom: options.shiftYearDate(c.terms.validFrom)!,
      validTo: options.shiftYearDate(c.terms.validTo),
      articlesJson: JSON.stringify(c.terms.articles),
      updatedBy: null,
      updatedAt: options.nowIso,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // The demo's table is the API's shape: stored the way PUT /api/terms stores it.
  await trx
    .insertInto('termsOfSaleTypologies')
    .values(c.terms.typologies.map((t) => typologyValues(terms.id, t as TypologyTermsInput)))
    .execute();

  for (const tier of c.orderTiers) {
    const priceListId = priceLists.get(tier.priceList)!;
    await trx
      .insertInto('priceListOrderTiers')
      .values({ priceListId, measure: tier.measure, families: tier.families.join(','), updatedAt: options.nowIso })
      .execute();
    await trx
      .insertInto('priceListOrderTierSteps')
      .values(tier.steps.map((s) => ({ priceListId, minValue: s.min, discountBp: s.discountBp })))
      .execute();
  }

  for (const p of c.promotions) {
    const m: { discountBp?: number; minQuantityPerLine?: number; minPalletsPerLine?: number; buy?: number; free?: number } = p.mechanism;
    const row = await trx
      .insertInto('promotions')
      .values({
        code: p.code,
        name: p.name,
        pitchFr: p.pitchFr,
        pitchEn: p.pitchEn,
        dateFrom: options.shiftDate(p.from)!,
        dateTo: options.shiftDate(p.to)!,
        typologies: p.typologies.join(','),
        mechanismKind: p.mechanism.kind,
        discountBp: m.discountBp ?? null,
        minQuantityPerLine: m.minQuantityPerLine ?? null,
        minPalletsPerLine: m.minPalletsPerLine ?? null,
        buyQuantity: m.buy ?? null,
        freeQuantity: m.free ?? null,
        forcedMinQuantity: null,
        updatedBy: null,
        updatedAt: options.nowIso,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('promotionProducts')
      .values(p.products.map((code) => ({ promotionId: row.id, productId: products.get(code)! })))
      .execute();
  }

  await trx
    .insertInto('customerCredit')
    .values(
      c.credit.map((x) => ({
        customerId: customers.get(x.customer)!,
        unpaidBalanceCents: x.unpaidBalanceCents,
        overdueCents: x.overdueCents,
        asOf: options.today,
      })),
    )
    .execute();

  for (const a of c.assortments) {
    const customerId = customers.get(a.customer)!;
    await trx.insertInto('customerAssortments').values({ customerId, restricted: 1, updatedAt: options.nowIso }).execute();
    await trx
      .insertInto('customerAssortmentProducts')
      .values(a.products.map((code) => ({ customerId, productId: products.get(code)! })))
      .execute();
  }
}
