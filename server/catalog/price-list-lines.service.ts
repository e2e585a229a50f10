import { priceLines } from '../../core/pricing/price-list.ts';
import { familyName } from '../../core/catalog/family-names.ts';
import type { PriceListLine, PriceListLineInput } from '../../core/pricing/pricing.schemas.ts';
import { listAuditEvents, recordAudit } from '../audit/audit.repository.ts';
import type { Db, DbOrTrx } from '../db/database.ts';
import { type FieldError, notFound } from '../errors.ts';
import { workbookOf } from '../http/excel.ts';
import { rejectInvalid } from '../http/field-errors.ts';
import { orderDiscountOf } from '../pricing/order-tiers.service.ts';
import * as repo from './price-lists.repository.ts';
import { findProduct } from './products.repository.ts';

// A product's line on a price list, edited on the desk: its price from one unit and its lower prices by quantity.
// Audited as 'price_list' (master data): the audit moves the stamp, so the rules cache prices the next order anew.

async function requireList(db: DbOrTrx, priceListId: number) {
  if (!(await repo.findPriceList(db, priceListId))) throw notFound('Price list', priceListId);
}

/** The line as it stands, null when the list has no price for the product. */
async function lineOf(db: DbOrTrx, priceListId: number, productId: number): Promise<PriceListLine | null> {
  const [line] = priceLines(await repo.listPriceListItems(db, priceListId, productId));
  return line ? { priceListId, ...line } : null;
}

/** Distinct thresholds, each a lower price than the one from one unit (a tier that costs more is a typing slip). */
function tierErrors(input: PriceListLineInput): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<number>();
  (input.tiers ?? []).forEach((tier, i) => {
    if (seen.has(tier.minQuantity))
      errors.push({
        path: `tiers.${i}.minQuantity`,
        code: 'duplicate',
        params: {},
        message: `the threshold ${tier.minQuantity} is given twice`,
      });
    seen.add(tier.minQuantity);
    if (tier.unitPriceCents > input.unitPriceCents)
      errors.push({
        path: `tiers.${i}.unitPriceCents`,
        code: 'out-of-range',
        params: { comparison: '<=', limit: input.unitPriceCents },
        message: `must not be above the price from one unit (${input.unitPriceCents})`,
      });
  });
  return errors;
}

/** Sets a product's line on a list (creates it when the list had none): audited with before and after. */
export async function saveLine(db: Db, priceListId: number, productId: number, input: PriceListLineInput, userId: number, now: Date) {
  await requireList(db, priceListId);
  if (!(await findProduct(db, productId))) throw notFound('Product', productId);
  rejectInvalid(tierErrors(input));
  const before = await lineOf(db, priceListId, productId);
  const tiers = [...(input.tiers ?? [])].sort((a, b) => a.minQuantity - b.minQuantity);
  return db.transaction().execute(async (trx) => {
    await repo.replaceLine(trx, priceListId, productId, [{ minQuantity: 1, unitPriceCents: input.unitPriceCents }, ...tiers]);
    const after = (await lineOf(trx, priceListId, productId))!;
    await recordAudit(trx, {
      entityType: 'price_list',
      entityId: priceListId,
      action: before ? 'update' : 'create',
      userId,
      before: before ?? undefined,
      after,
      at: now.toISOString(),
    });
    return after;
  });
}

/** Ends a product's line on a list: orders for it on this list are no longer priced (the rules say so). */
export async function deleteLine(db: Db, priceListId: number, productId: number, userId: number, now: Date): Promise<void> {
  await requireList(db, priceListId);
  const before = await lineOf(db, priceListId, productId);
  if (!before) throw notFound('Price list line', productId);
  await db.transaction().execute(async (trx) => {
    await repo.deleteLine(trx, priceListId, productId);
    await recordAudit(trx, { entityType: 'price_list', entityId: priceListId, action: 'delete', userId, before, at: now.toISOString() });
  });
}

/** Who changed the list's lines (on the desk or by an import), what and when, newest first. */
export async function priceListHistory(db: DbOrTrx, priceListId: number) {
  await requireList(db, priceListId);
  return (await listAuditEvents(db, { entityType: 'price_list', entityId: priceListId })).reverse();
}

/** The measure of an order-tier step as the sheet names its unit. */
const MEASURE_FR = { units: 'unités', cartons: 'cartons', pallets: 'palettes', weight: 'kg', value: '€ HT' } as const;

/**
 * The list as an Excel workbook, as the screen shows it: one row per product with its tiers in one column, and a
 * second sheet with the discount on the whole order (one row per step).
 */
export async function priceListWorkbook(db: DbOrTrx, priceListId: number): Promise<{ code: string; workbook: Buffer }> {
  const list = await repo.findPriceList(db, priceListId);
  if (!list) throw notFound('Price list', priceListId);
  const discount = await orderDiscountOf(db, priceListId);
  // Weights are kept in grams and values in cents: the sheet says kilograms and euros.
  const threshold = (min: number) => (discount?.measure === 'weight' ? min / 1000 : discount?.measure === 'value' ? min / 100 : min);
  const workbook = await workbookOf(
    {
      name: list.code,
      columns: [
        { header: 'Code article', key: 'productCode', width: 16 },
        { header: 'Article', key: 'productName', width: 50 },
        { header: 'Prix unitaire HT (€)', key: 'price', width: 18, style: { numFmt: '#,##0.00' } },
        { header: 'Paliers (dès quantité : prix €)', key: 'tiers', width: 40 },
      ],
      rows: priceLines(await repo.listPriceListItems(db, priceListId)).map((line) => ({
        productCode: line.productCode,
        productName: line.productName,
        price: line.unitPriceCents / 100,
        tiers: line.tiers.map((x) => `${x.minQuantity} : ${(x.unitPriceCents / 100).toFixed(2).replace('.', ',')}`).join(' ; '),
      })),
    },
    {
      name: 'Remise sur commande',
      columns: [
        { header: 'Dès', key: 'min', width: 12 },
        { header: 'Mesure', key: 'measure', width: 12 },
        { header: 'Remise (%)', key: 'rate', width: 12, style: { numFmt: '0.00' } },
        { header: 'Familles', key: 'families', width: 40 },
      ],
      rows: (discount?.steps ?? []).map((step) => ({
        min: threshold(step.min),
        measure: MEASURE_FR[discount!.measure],
        rate: step.discountBp / 100,
        families: discount!.families?.map((f) => familyName(f, 'fr')).join(', ') ?? 'Toutes',
      })),
    },
  );
  return { code: list.code, workbook };
}
