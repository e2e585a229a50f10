import { parisNow } from '../../core/calendar/dates.ts';
import { type AssortmentState, listedSince } from '../../core/terms/assortment-history.ts';
import { listAuditEvents, recordAudit } from '../audit/audit.repository.ts';
import { findProduct } from '../catalog/products.repository.ts';
import type { Db, DbOrTrx, Trx } from '../db/database.ts';
import { AppError, notFound } from '../errors.ts';
import { workbookOf } from '../http/excel.ts';
import * as repo from './terms.repository.ts';
import { getAssortment } from './terms.service.ts';

// A customer's agreed assortment changed one product at a time on the customer page (the whole list is replaced by
// PUT /assortment): each change audited with the list before and after, so the screen says since when and by whom.

const stateOf = (a: Awaited<ReturnType<typeof repo.findAssortment>>): AssortmentState => ({
  restricted: a.restricted,
  productIds: a.products.map((p) => p.productId),
});

async function change(
  trx: Trx,
  customerId: number,
  action: 'add-product' | 'remove-product',
  before: AssortmentState,
  userId: number,
  now: Date,
) {
  const after = await repo.findAssortment(trx, customerId);
  await recordAudit(trx, {
    entityType: 'customer_assortment',
    entityId: customerId,
    action,
    userId,
    before,
    after: stateOf(after),
    at: now.toISOString(),
  });
  return { customerId, ...after };
}

/** Lists a product for the customer: 404 for an unknown customer or product, 409 when it is listed already. */
export async function listProduct(db: Db, customerId: number, productId: number, userId: number, now: Date) {
  const current = await getAssortment(db, customerId);
  const product = await findProduct(db, productId);
  if (!product) throw notFound('Product', productId);
  if (current.products.some((p) => p.productId === productId))
    throw new AppError('CONFLICT', `${product.code} is in the customer's assortment already.`);
  return db.transaction().execute(async (trx) => {
    await repo.ensureAssortment(trx, customerId, now.toISOString());
    await repo.addAssortmentProduct(trx, customerId, productId, now.toISOString());
    return change(trx, customerId, 'add-product', stateOf(current), userId, now);
  });
}

/**
 * Takes a product out of the customer's assortment: 404 when it is not listed, 409 when it is the last product of a
 * restricted assortment (the customer could order nothing: open the assortment first).
 */
export async function unlistProduct(db: Db, customerId: number, productId: number, userId: number, now: Date) {
  const current = await getAssortment(db, customerId);
  const listed = current.products.find((p) => p.productId === productId);
  if (!listed) throw notFound('Assortment product', productId);
  if (current.restricted && current.products.length === 1)
    throw new AppError(
      'CONFLICT',
      `${listed.productCode} is the last product of a restricted assortment: the customer could order nothing. Open the assortment first.`,
    );
  return db.transaction().execute(async (trx) => {
    await repo.removeAssortmentProduct(trx, customerId, productId, now.toISOString());
    return change(trx, customerId, 'remove-product', stateOf(current), userId, now);
  });
}

/** Who changed the customer's assortment (the desk, a manager's answer to an EDI line), what and when, newest first. */
export async function assortmentHistory(db: DbOrTrx, customerId: number) {
  await getAssortment(db, customerId); // 404 for an unknown customer
  return (await listAuditEvents(db, { entityType: 'customer_assortment', entityId: customerId })).reverse();
}

/** The listed products as an Excel sheet, as the screen shows them: since when and by whom where the audit says. */
export async function assortmentWorkbook(db: DbOrTrx, customerId: number): Promise<Buffer> {
  const assortment = await getAssortment(db, customerId);
  const since = listedSince((await assortmentHistory(db, customerId)).reverse());
  return workbookOf({
    name: assortment.restricted ? 'Référencement' : 'Référencement (ouvert)',
    columns: [
      { header: 'Code article', key: 'productCode', width: 18 },
      { header: 'Article', key: 'productName', width: 50 },
      { header: 'Référencé le', key: 'at', width: 14 },
      { header: 'Par', key: 'by', width: 24 },
    ],
    rows: assortment.products.map((p) => {
      const listing = since.get(p.productId);
      return {
        productCode: p.productCode,
        productName: p.productName,
        at: listing ? parisNow(new Date(listing.at)).date : '',
        by: listing?.userName ?? '',
      };
    }),
  });
}
