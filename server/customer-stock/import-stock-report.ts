import { parisNow } from '../../core/calendar/dates.ts';
import { listCustomerCodes } from '../orders/order-context.repository.ts';
import { findCustomer, listDeliveryPoints } from '../customers/customers.repository.ts';
import type { Db, DbOrTrx } from '../db/database.ts';
import { findDocumentPublicId, insertDocument } from '../documents/documents.repository.ts';
import { storeFile } from '../documents/file-store.ts';
import { notFound } from '../errors.ts';
import { INT32_MAX } from '../../core/shared/schemas.ts';
import type { ImportMode } from '../../core/imports/import-kinds.ts';
import type { ImportIssue } from '../../core/imports/imports.schemas.ts';
import { checkRows, refusedImport } from '../imports/imports.service.ts';
import { readTable } from '../imports/read-table.ts';
import type { CellIssue } from '../imports/row-reader.ts';
import { cellsByColumn } from '../imports/table.ts';
import { recordStockReport } from './customer-stock.service.ts';
import { type StockReportRow, stockReportRows } from './stock-report-rows.ts';
import { listProductIdentifiers } from './customer-stock.repository.ts';

export type StockReportImport = {
  kind: 'customer-stock';
  mode: ImportMode;
  totalRows: number;
  validRows: number;
  written: number;
  errors: ImportIssue[];
  /** The reports written (one per delivery point and date of the file) and the raw file's document. */
  reportIds: number[];
  /** The file as filed, by its public id (GET /api/documents/{id}). */
  documentId: string | null;
};

type Resolved = { deliveryPointId: number; productId: number; onHand: number; date: string };

/** What a row's codes can name for this customer: its delivery points by code or GLN, products by code, GTIN or its own code. */
async function loadRefs(db: DbOrTrx, customerId: number) {
  const [points, products, codes] = await Promise.all([
    listDeliveryPoints(db, customerId),
    listProductIdentifiers(db),
    listCustomerCodes(db, customerId),
  ]);
  const point = new Map<string, number>();
  for (const p of points) {
    point.set(p.code.toUpperCase(), p.id);
    if (p.gln) point.set(p.gln, p.id);
  }
  const product = new Map<string, { id: number; factor: number }>();
  for (const p of products) {
    product.set(p.code.toUpperCase(), { id: p.id, factor: 1 });
    for (const g of [p.gtin, p.caseGtin]) if (g) product.set(g, { id: p.id, factor: 1 });
  }
  // The customer's own codes last: they are what its files use, and win over a clash with one of our codes.
  for (const c of codes) product.set(c.code.toUpperCase(), { id: c.productId, factor: c.unitFactor });
  return { point, product };
}

/**
 * Imports a customer's stock report file (CSV ";" or ",", or .xlsx): one row per delivery point and product, with
 * its on-hand quantity and, optionally, the date (else today), the customer's average daily sales and the expected
 * promotion uplift. Modes as the other imports: `validate` writes nothing; `commit` refuses the whole file (422) for
 * one bad row; `commit-valid` writes the good rows. The raw file is stored as a document before the reports that
 * point to it, in the same transaction.
 */
export async function importStockReport(
  db: Db,
  request: { customerId: number; mode: ImportMode; bytes: Buffer; filename: string; userId: number; dataDir: string },
  now: Date,
): Promise<StockReportImport> {
  const customer = await findCustomer(db, request.customerId);
  if (!customer) throw notFound('Customer', request.customerId);
  const table = await readTable(request.bytes);
  const rows = cellsByColumn(table, stockReportRows.columns);
  const refs = await loadRefs(db, customer.id);
  const today = parisNow(now).date;
  const resolved = new Map<StockReportRow, Resolved>();
  const check = (r: StockReportRow): CellIssue[] => {
    const issues: CellIssue[] = [];
    const pointId = refs.point.get(r.deliveryPoint.toUpperCase());
    if (pointId === undefined)
      issues.push({
        column: 'deliveryPoint',
        code: 'not-found',
        params: { entity: 'delivery-point', id: r.deliveryPoint },
        reason: `${r.deliveryPoint} is neither the code nor the GLN of one of ${customer.code}'s delivery points`,
      });
    const product = refs.product.get(r.product.toUpperCase());
    if (!product)
      issues.push({
        column: 'product',
        code: 'not-found',
        params: { entity: 'product', id: r.product },
        reason: `${r.product} is neither one of our product codes or GTINs nor a product code of ${customer.code}`,
      });
    if (r.date !== null && r.date > today)
      issues.push({ column: 'date', code: 'in-future', params: { value: r.date }, reason: `${r.date} is in the future` });
    if (product && r.onHand * product.factor > INT32_MAX)
      issues.push({
        column: 'onHand',
        code: 'out-of-range',
        params: { comparison: '<=', limit: INT32_MAX },
        reason: `${r.onHand} × ${product.factor} (the code's unit factor) is too large`,
      });
    if (issues.length) return issues;
    // Two rows naming the same product differently (our code and the customer's) would be one line twice.
    const value = { deliveryPointId: pointId!, productId: product!.id, onHand: r.onHand * product!.factor, date: r.date ?? today };
    const key = `${value.deliveryPointId}:${value.productId}:${value.date}`;
    const twin = seen.get(key);
    if (twin)
      return [
        {
          column: 'product',
          code: 'duplicate',
          params: {},
          reason: `${r.product} is the same product as ${twin.product}, at the same delivery point and date`,
        },
      ];
    seen.set(key, r);
    resolved.set(r, value);
    return [];
  };
  const seen = new Map<string, StockReportRow>();
  const { good: kept, errors } = checkRows(rows, stockReportRows, check);
  const report: StockReportImport = {
    kind: 'customer-stock',
    mode: request.mode,
    totalRows: rows.length,
    validRows: kept.length,
    written: 0,
    errors,
    reportIds: [],
    documentId: null,
  };
  if (request.mode === 'validate') return report;
  if (request.mode === 'commit' && errors.length) throw refusedImport(errors, new Set(errors.map((e) => e.row)).size, report);
  if (!kept.length) return report;

  const stored = await storeFile(request.dataDir, request.bytes);
  const isXlsx = request.bytes.subarray(0, 2).toString('latin1') === 'PK';
  const groups = new Map<string, { deliveryPointId: number; date: string; rows: StockReportRow[] }>();
  for (const g of kept) {
    const r = resolved.get(g)!;
    const key = `${r.deliveryPointId}:${r.date}`;
    const group = groups.get(key) ?? { deliveryPointId: r.deliveryPointId, date: r.date, rows: [] };
    group.rows.push(g);
    groups.set(key, group);
  }
  return db.transaction().execute(async (trx) => {
    const documentId = await insertDocument(trx, {
      kind: 'customer-stock-report',
      filename: request.filename,
      mimeType: isXlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv',
      sha256: stored.sha256,
      sizeBytes: stored.sizeBytes,
      orderId: null,
      createdBy: request.userId,
      createdAt: now.toISOString(),
    });
    const reportIds: number[] = [];
    for (const group of groups.values()) {
      const { reportId } = await recordStockReport(
        trx,
        {
          customerId: customer.id,
          deliveryPointId: group.deliveryPointId,
          date: group.date,
          source: isXlsx ? 'xlsx' : 'csv',
          documentId,
          userId: request.userId,
          lines: group.rows.map((g) => {
            const r = resolved.get(g)!;
            return {
              productId: r.productId,
              onHand: r.onHand,
              averageDailySales: g.averageDailySalesCenti === null ? null : g.averageDailySalesCenti / 100,
              promoUpliftBp: g.promoUpliftBp,
            };
          }),
        },
        now,
      );
      reportIds.push(reportId);
    }
    return { ...report, written: kept.length, reportIds, documentId: await findDocumentPublicId(trx, documentId) };
  });
}
