import type { Product, ProductStatus, SaleUnit, TemperatureClass } from '../../core/catalog/product.ts';
import { searchText } from '../../core/shared/search-text.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Db } from '../db/database.ts';
import { invalid, notFound } from '../errors.ts';
import { stockOfProduct } from '../stock/stock.service.ts';
import type { ProductInput } from '../../core/catalog/catalog.schemas.ts';
import { conflict, rejectInvalid } from '../http/field-errors.ts';
import { productRuleErrors } from './product.rules.ts';
import * as repo from './products.repository.ts';

export function toProduct(row: repo.ProductRow): Product {
  const { createdAt: _c, updatedAt: _u, searchText: _s, ...product } = row;
  return {
    ...product,
    saleUnit: row.saleUnit as SaleUnit,
    temperatureClass: row.temperatureClass as TemperatureClass,
    status: row.status as ProductStatus,
  };
}

/** The stored columns of a product as the API or an import describes it; creation time is the caller's to keep. */
export function productValues(input: ProductInput, now: string): repo.ProductValues {
  const { substituteIds: _s, ...fields } = input;
  return {
    ...fields,
    gtin: input.gtin ?? null,
    caseGtin: input.caseGtin ?? null,
    shelfLifeDays: input.shelfLifeDays ?? null,
    status: input.status ?? 'active',
    searchText: searchText(input.name, input.code),
    createdAt: now,
    updatedAt: now,
  };
}

export async function listProducts(db: Db, filter: { q?: string; status?: string; customerId?: number; limit: number; offset: number }) {
  const { rows, total } = await repo.searchProducts(db, filter);
  return { items: rows.map(toProduct), total };
}

export async function getProductDetail(db: Db, id: number) {
  const row = await repo.findProduct(db, id);
  if (!row) throw notFound('Product', id);
  const [substitutes, stock] = await Promise.all([repo.listSubstitutes(db, id), stockOfProduct(db, id)]);
  return { ...toProduct(row), substitutes, stock };
}

async function checkProduct(db: Db, input: ProductInput, exceptId: number | null): Promise<void> {
  rejectInvalid(productRuleErrors({ ...input, gtin: input.gtin ?? null, caseGtin: input.caseGtin ?? null }));
  const substituteIds = input.substituteIds ?? [];
  if (exceptId !== null && substituteIds.includes(exceptId))
    throw invalid('body.substituteIds', 'substitutes-itself', {}, 'a product cannot substitute itself');
  const known = await repo.existingProductIds(db, substituteIds);
  const unknown = substituteIds.find((id) => !known.has(id));
  if (unknown !== undefined)
    throw invalid(
      `body.substituteIds.${substituteIds.indexOf(unknown)}`,
      'not-found',
      { entity: 'product', id: unknown },
      `no product ${unknown}`,
    );
  const clash = await repo.findProductClash(db, { code: input.code, gtin: input.gtin ?? null }, exceptId);
  if (clash?.code === input.code) throw conflict('body.code', input.code, `Product code ${input.code} is already used`);
  if (clash) throw conflict('body.gtin', input.gtin ?? '', `GTIN ${input.gtin} is already the product ${clash.code}'s`);
}

export async function createProduct(db: Db, input: ProductInput, userId: number, now: Date): Promise<Product> {
  await checkProduct(db, input, null);
  return db.transaction().execute(async (trx) => {
    const id = await repo.insertProduct(trx, productValues(input, now.toISOString()));
    await repo.replaceSubstitutes(trx, id, input.substituteIds ?? []);
    const created = toProduct((await repo.findProduct(trx, id))!);
    await recordAudit(trx, {
      entityType: 'product',
      entityId: id,
      action: 'create',
      userId,
      after: { ...created, substituteIds: input.substituteIds ?? [] },
      at: now.toISOString(),
    });
    return created;
  });
}

/** A full replacement of the product's fields; its substitutes change only when the body lists them. */
export async function updateProduct(db: Db, id: number, input: ProductInput, userId: number, now: Date): Promise<Product> {
  const beforeRow = await repo.findProduct(db, id);
  if (!beforeRow) throw notFound('Product', id);
  await checkProduct(db, input, id);
  return db.transaction().execute(async (trx) => {
    const { createdAt: _keep, ...changes } = productValues(input, now.toISOString());
    await repo.updateProduct(trx, id, changes);
    if (input.substituteIds) await repo.replaceSubstitutes(trx, id, input.substituteIds);
    const after = toProduct((await repo.findProduct(trx, id))!);
    await recordAudit(trx, {
      entityType: 'product',
      entityId: id,
      action: 'update',
      userId,
      before: toProduct(beforeRow),
      after: { ...after, ...(input.substituteIds ? { substituteIds: input.substituteIds } : {}) },
      at: now.toISOString(),
    });
    return after;
  });
}
