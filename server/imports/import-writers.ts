import { type GlnTaker, glnTakenMessage } from '../../core/customers/gln.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import * as priceLists from '../catalog/price-lists.repository.ts';
import * as products from '../catalog/products.repository.ts';
import { productValues, toProduct } from '../catalog/products.service.ts';
import type { ProductInput } from '../../core/catalog/catalog.schemas.ts';
import { customerValues, deliveryPointValues, toCustomer } from '../customers/customer.mapping.ts';
import * as customers from '../customers/customers.repository.ts';
import { type GlnIndex, glnClashIn, loadGlnIndex } from '../customers/gln.ts';
import * as stock from '../stock/stock.repository.ts';
import { creditWriter } from './credit-writer.ts';
import { customerRows, type CustomerRow } from './customer-rows.ts';
import type { ImportKindName } from '../../core/imports/import-kinds.ts';
import type { ImportWriter } from './import-writer.ts';
import { type PriceRow, priceListRows } from './price-list-rows.ts';
import { productRows } from './product-rows.ts';
import { receiptWriter } from './receipt-writer.ts';
import type { CellIssue } from './row-reader.ts';
import { type StockRow, stockRows } from './stock-rows.ts';

/** `what` in English for the reason; its kebab-case is the entity the screen names. */
const unknown = (column: string, what: string, code: string): CellIssue[] => [
  { column, code: 'not-found', params: { entity: what.replace(/ /g, '-'), id: code }, reason: `no ${what} with code ${code}` },
];

const productWriter: ImportWriter<ProductInput, Awaited<ReturnType<typeof products.productKeys>>> = {
  spec: productRows,
  load: products.productKeys,
  check(p, refs) {
    const holder = p.gtin ? refs.codeByGtin.get(p.gtin) : undefined;
    if (holder && holder !== p.code)
      return [
        {
          column: 'gtin',
          code: 'taken' as const,
          params: { value: p.gtin ?? null },
          reason: `GTIN ${p.gtin} is already the product ${holder}'s`,
        },
      ];
    if (p.gtin) refs.codeByGtin.set(p.gtin, p.code);
    return [];
  },
  async write(trx, p, _refs, ctx) {
    const before = await products.findProductByCode(trx, p.code);
    const values = productValues(p, ctx.now);
    let id: number;
    if (before) {
      // An empty status cell keeps the product's status: a price update must not revive a discontinued product.
      const { createdAt: _keep, ...changes } = values;
      await products.updateProduct(trx, before.id, p.status ? changes : { ...changes, status: before.status });
      id = before.id;
    } else {
      id = await products.insertProduct(trx, values);
    }
    const after = toProduct((await products.findProduct(trx, id))!);
    await recordAudit(trx, {
      entityType: 'product',
      entityId: id,
      action: 'import',
      userId: ctx.userId,
      before: before ? toProduct(before) : undefined,
      after,
      notes: ctx.notes,
      at: ctx.now,
    });
  },
};

type CustomerRefs = {
  priceListIds: Map<string, number>;
  keys: Awaited<ReturnType<typeof customers.customerKeys>>;
  glns: GlnIndex;
  /** GLNs given by the rows checked so far, with the customer code of each: one file cannot give a GLN twice. */
  glnsInFile: Map<string, string>;
};

const customerWriter: ImportWriter<CustomerRow, CustomerRefs> = {
  spec: customerRows,
  load: async (db) => ({
    priceListIds: await priceLists.priceListIdsByCode(db),
    keys: await customers.customerKeys(db),
    glns: await loadGlnIndex(db),
    glnsInFile: new Map(),
  }),
  check({ customer, priceListCode }, refs) {
    const issues = priceListCode && !refs.priceListIds.has(priceListCode) ? unknown('priceListCode', 'price list', priceListCode) : [];
    const point = refs.keys.pointByCode.get(customer.deliveryPoints[0].code);
    const owner = refs.keys.idByCode.get(customer.code) ?? null;
    if (point && point.customerId !== owner)
      issues.push({
        column: 'deliveryPointCode',
        code: 'taken',
        params: { value: point.code },
        reason: `delivery point ${point.code} belongs to another customer`,
      });
    const claims: [string, string | null | undefined, GlnTaker][] = [
      ['gln', customer.gln, { kind: 'customer', customerId: owner }],
      [
        'deliveryPointGln',
        customer.deliveryPoints[0].gln,
        { kind: 'delivery-point', deliveryPointId: point?.id ?? null, customerId: owner },
      ],
    ];
    for (const [column, gln, taker] of claims) {
      if (!gln) continue;
      const holder = glnClashIn(refs.glns, gln, taker);
      const earlier = refs.glnsInFile.get(gln);
      if (holder) issues.push({ column, code: 'taken', params: { value: gln }, reason: glnTakenMessage(gln, holder) });
      else if (earlier)
        issues.push({
          column,
          code: 'duplicate',
          params: {},
          reason: `GLN ${gln} is already given to customer ${earlier} in this file: a GLN names one party`,
        });
    }
    if (!issues.length) for (const [, gln] of claims) if (gln) refs.glnsInFile.set(gln, customer.code);
    return issues;
  },
  async write(trx, { customer, priceListCode }, refs, ctx) {
    const before = await customers.findCustomerByCode(trx, customer.code);
    const values = customerValues({ ...customer, priceListId: priceListCode ? refs.priceListIds.get(priceListCode)! : null }, ctx.now);
    let id: number;
    if (before) {
      // The file knows nothing of the assistant in charge: keep her.
      const { createdAt: _keep, assistantUserId: _assistant, ...changes } = values;
      await customers.updateCustomer(trx, before.id, changes);
      id = before.id;
    } else {
      id = await customers.insertCustomer(trx, values);
    }
    const pointValues = deliveryPointValues(id, customer.deliveryPoints[0], true);
    const point = await customers.findDeliveryPointByCode(trx, pointValues.code);
    const pointId = point ? point.id : await customers.insertDeliveryPoint(trx, pointValues);
    if (point) await customers.updateDeliveryPoint(trx, point.id, pointValues);
    await customers.clearOtherDefaults(trx, id, pointId);
    const after = toCustomer((await customers.findCustomer(trx, id))!);
    await recordAudit(trx, {
      entityType: 'customer',
      entityId: id,
      action: 'import',
      userId: ctx.userId,
      before: before ? toCustomer(before) : undefined,
      after,
      notes: ctx.notes,
      at: ctx.now,
    });
  },
};

type PriceRefs = { listIds: Map<string, number>; namedInFile: Set<string>; productIds: Map<string, number> };

const priceListWriter: ImportWriter<PriceRow, PriceRefs> = {
  spec: priceListRows,
  load: async (db) => ({
    listIds: await priceLists.priceListIdsByCode(db),
    namedInFile: new Set(),
    productIds: (await products.productKeys(db)).idByCode,
  }),
  check(p, refs) {
    const issues = refs.productIds.has(p.productCode) ? [] : unknown('productCode', 'product', p.productCode);
    if (p.priceListName) refs.namedInFile.add(p.priceListCode);
    // A new list needs a name once in the file; a typo in a known list's code must not create a new list.
    if (!refs.listIds.has(p.priceListCode) && !refs.namedInFile.has(p.priceListCode)) {
      issues.push({
        column: 'priceListCode',
        code: 'not-found',
        params: { entity: 'price-list', id: p.priceListCode },
        reason: `no price list with code ${p.priceListCode}; give priceListName to create it`,
      });
    }
    return issues;
  },
  async write(trx, p, refs, ctx) {
    let priceListId = refs.listIds.get(p.priceListCode);
    if (priceListId === undefined) {
      priceListId = await priceLists.insertPriceList(trx, { code: p.priceListCode, name: p.priceListName ?? p.priceListCode });
      refs.listIds.set(p.priceListCode, priceListId);
    }
    const tier = { priceListId, productId: refs.productIds.get(p.productCode)!, minQuantity: p.minQuantity };
    const before = await priceLists.findPriceTier(trx, tier);
    await priceLists.upsertPriceTier(trx, { ...tier, unitPriceCents: p.unitPriceCents });
    await recordAudit(trx, {
      entityType: 'price_list',
      entityId: priceListId,
      action: 'import',
      userId: ctx.userId,
      before: before ? { productCode: p.productCode, minQuantity: p.minQuantity, unitPriceCents: before.unitPriceCents } : undefined,
      after: { productCode: p.productCode, minQuantity: p.minQuantity, unitPriceCents: p.unitPriceCents },
      notes: ctx.notes,
      at: ctx.now,
    });
  },
};

const stockWriter: ImportWriter<StockRow, { warehouseIds: Map<string, number>; productIds: Map<string, number> }> = {
  spec: stockRows,
  load: async (db) => ({ warehouseIds: await stock.warehouseIdsByCode(db), productIds: (await products.productKeys(db)).idByCode }),
  check(s, refs) {
    return [
      ...(refs.warehouseIds.has(s.warehouseCode) ? [] : unknown('warehouseCode', 'warehouse', s.warehouseCode)),
      ...(refs.productIds.has(s.productCode) ? [] : unknown('productCode', 'product', s.productCode)),
    ];
  },
  async write(trx, s, refs, ctx) {
    const warehouseId = refs.warehouseIds.get(s.warehouseCode)!;
    const productId = refs.productIds.get(s.productCode)!;
    const before = await stock.findStockLevel(trx, warehouseId, productId);
    await stock.upsertOnHand(trx, { warehouseId, productId, onHand: s.onHand, updatedAt: ctx.now });
    await recordAudit(trx, {
      entityType: 'stock_level',
      entityId: productId,
      action: 'import',
      userId: ctx.userId,
      before: before ? { warehouseId, onHand: before.onHand } : undefined,
      after: { warehouseId, onHand: s.onHand },
      notes: ctx.notes,
      at: ctx.now,
    });
  },
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind has its own row and reference types; callers use one writer whole
export const IMPORT_WRITERS: Record<ImportKindName, ImportWriter<any, any>> = {
  products: productWriter,
  customers: customerWriter,
  'price-lists': priceListWriter,
  'stock-levels': stockWriter,
  'planned-receipts': receiptWriter,
  'customer-credit': creditWriter,
};
