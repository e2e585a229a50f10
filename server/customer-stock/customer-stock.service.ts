import type { IsoDate } from '../../core/calendar/dates.ts';
import { packagingEquivalents } from '../../core/catalog/packaging.ts';
import type { Channel } from '../../core/customers/customer.ts';
import type { StockReportSource } from '../../core/customer-stock/customer-stock.types.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findCustomer, findDeliveryPoint } from '../customers/customers.repository.ts';
import type { Db, DbOrTrx } from '../db/database.ts';
import { AppError, notFound } from '../errors.ts';
import type { OrderDetail } from '../../core/orders/orders.schemas.ts';
import { getOrderDetail } from '../orders/orders.service.ts';
import { createOrder } from '../orders/save-order.ts';
import type { Actor } from '../orders/transition.ts';
import { insertStockLines, insertStockReport, saveVmiSettings } from './customer-stock.repository.ts';
import { refreshLowStockTasks } from './low-stock-tasks.ts';
import { loadStockPicture, type PointPicture, type ProductPicture, vmiSettingsOf, type VmiSettings } from './stock-picture.ts';

const round = (n: number | null, digits: number) => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits);

function figures(p: ProductPicture) {
  return {
    productId: p.product.id,
    productCode: p.product.code,
    productName: p.product.name,
    saleUnit: p.product.saleUnit,
    reportDate: p.reportDate,
    onHand: p.onHand,
    dailyUse: round(p.dailyUse, 2)!,
    baseDailyUse: round(p.use.perDay, 2)!,
    dailyUseMethod: p.use.method,
    coverDays: round(p.coverNow, 1),
    leadTimeDays: p.leadTimeDays,
  };
}

export type CustomerStockItem = ReturnType<typeof figures> & {
  deliveryPointId: number;
  deliveryPointCode: string;
  deliveryPointName: string;
  source: string;
  averageDailySales: number | null;
  promoUpliftBp: number | null;
  belowLeadTimeCover: boolean;
};

/** The latest stock per delivery point and product, with its daily use and days of cover. */
export async function getCustomerStock(
  db: DbOrTrx,
  customerId: number,
  now: Date,
): Promise<{ customerId: number; settings: VmiSettings; items: CustomerStockItem[] }> {
  const picture = await loadStockPicture(db, customerId, now);
  const items = picture.points.flatMap((pt) =>
    pt.products.map((p) => ({
      ...figures(p),
      deliveryPointId: pt.point.id,
      deliveryPointCode: pt.point.code,
      deliveryPointName: pt.point.name,
      source: p.source,
      averageDailySales: p.averageDailySales,
      promoUpliftBp: p.promoUpliftBp,
      belowLeadTimeCover: p.coverNow !== null && p.coverNow < p.leadTimeDays,
    })),
  );
  return { customerId, settings: picture.settings, items };
}

export type OrderProposal = {
  customerId: number;
  deliveryPointId: number | null;
  deliveryPointCode: string | null;
  deliveryPointName: string | null;
  deliveryDate: IsoDate | null;
  targetCoverDays: number;
  enabled: boolean;
  lines: ReturnType<typeof proposalLine>[];
};

function proposalLine(p: ProductPicture) {
  return {
    ...figures(p),
    onOrder: p.onOrder,
    promoUpliftBp: p.promoUpliftBp,
    coverAtDelivery: round(p.coverAtDelivery, 1),
    coverAfterDelivery: round(p.coverAfterDelivery, 1),
    quantity: p.quantity,
    multiple: p.multiple,
    multipleSize: p.multipleSize,
    packaging: packagingEquivalents(p.quantity, p.product),
    skipped: p.skipped,
  };
}

/** The point asked for, else the default point that reported, else the first that did. */
function choosePoint(points: PointPicture[], deliveryPointId?: number): PointPicture | null {
  if (deliveryPointId !== undefined) return points.find((p) => p.point.id === deliveryPointId) ?? null;
  return points.find((p) => p.point.isDefault) ?? points[0] ?? null;
}

/** What to order for one delivery point to bring every reported product back to the target cover. */
export async function getOrderProposal(db: DbOrTrx, customerId: number, now: Date, deliveryPointId?: number): Promise<OrderProposal> {
  const picture = await loadStockPicture(db, customerId, now);
  if (deliveryPointId !== undefined && !(await pointOf(db, customerId, deliveryPointId))) {
    throw new AppError('UNPROCESSABLE', `Delivery point ${deliveryPointId} is not one of customer ${picture.customer.code}'s`, [
      {
        path: 'querystring.deliveryPointId',
        code: 'not-found',
        params: { entity: 'delivery-point', id: deliveryPointId },
        message: `not one of customer ${picture.customer.code}'s delivery points`,
      },
    ]);
  }
  const chosen = choosePoint(picture.points, deliveryPointId);
  return {
    customerId,
    deliveryPointId: chosen?.point.id ?? deliveryPointId ?? null,
    deliveryPointCode: chosen?.point.code ?? null,
    deliveryPointName: chosen?.point.name ?? null,
    deliveryDate: chosen?.deliveryDate ?? null,
    targetCoverDays: picture.settings.targetCoverDays,
    enabled: picture.settings.enabled,
    lines: chosen ? chosen.products.map(proposalLine) : [],
  };
}

async function pointOf(db: DbOrTrx, customerId: number, deliveryPointId: number) {
  const point = await findDeliveryPoint(db, deliveryPointId);
  return point?.customerId === customerId ? point : undefined;
}

/**
 * Turns the proposal into a draft order through the normal order creation (priced, its lines checked like any
 * order), for the proposal's delivery date. 409 when there is nothing to order.
 */
export async function createProposalDraft(
  db: Db,
  customerId: number,
  deliveryPointId: number | undefined,
  actor: Actor,
  now: Date,
): Promise<OrderDetail> {
  const proposal = await getOrderProposal(db, customerId, now, deliveryPointId);
  const lines = proposal.lines.filter((l) => l.quantity > 0);
  if (!lines.length || proposal.deliveryPointId === null)
    throw new AppError('CONFLICT', 'Every reported product is at or above its target cover: there is nothing to order.');
  const reportDate = lines
    .map((l) => l.reportDate)
    .sort()
    .at(-1)!;
  const id = await createOrder(
    db,
    {
      customerId,
      deliveryPointId: proposal.deliveryPointId,
      requestedDate: proposal.deliveryDate ?? undefined,
      channel: (await findCustomer(db, customerId))!.preferredChannel as Channel,
      // The order's own note, in French, shown on its page; neither the acknowledgement nor the delivery note
      // prints it. The timeline says it coded (below).
      note: `Proposition de réassort : stock client du ${reportDate.split('-').reverse().join('/')}, couverture cible ${proposal.targetCoverDays} j`,
      lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
    },
    actor,
    now,
    [{ code: 'restock-proposal', params: { reportDate, targetCoverDays: proposal.targetCoverDays } }],
  );
  return getOrderDetail(db, id, now);
}

export async function getVmiSettings(db: DbOrTrx, customerId: number): Promise<VmiSettings> {
  if (!(await findCustomer(db, customerId))) throw notFound('Customer', customerId);
  return vmiSettingsOf(db, customerId);
}

export async function putVmiSettings(
  db: Db,
  customerId: number,
  input: { enabled: boolean; targetCoverDays: number },
  userId: number,
  now: Date,
): Promise<VmiSettings> {
  const before = await getVmiSettings(db, customerId);
  await db.transaction().execute(async (trx) => {
    await saveVmiSettings(trx, {
      customerId,
      enabled: input.enabled ? 1 : 0,
      targetCoverDays: input.targetCoverDays,
      updatedBy: userId,
      updatedAt: now.toISOString(),
    });
    await recordAudit(trx, {
      entityType: 'customer_vmi_settings',
      entityId: customerId,
      action: 'update',
      userId,
      before,
      after: input,
      at: now.toISOString(),
    });
  });
  await refreshLowStockTasks(db, await loadStockPicture(db, customerId, now), now);
  return vmiSettingsOf(db, customerId);
}

export type StockReportInput = {
  customerId: number;
  deliveryPointId: number;
  date: IsoDate;
  source: StockReportSource;
  /** The raw file (CSV, workbook, INVRPT interchange) as stored in documents. */
  documentId: number | null;
  /** In our sale units. */
  lines: { productId: number; onHand: number; averageDailySales?: number | null; promoUpliftBp?: number | null }[];
  userId?: number | null;
};

/**
 * Records one stock report of a customer's delivery point and refreshes that point's low-stock task. The caller owns
 * the transaction (pass it as `db`): the EDI inbound calls this for each INVRPT, the file import for each
 * point and date of a file.
 */
export async function recordStockReport(db: DbOrTrx, input: StockReportInput, now: Date): Promise<{ reportId: number }> {
  const reportId = await insertStockReport(db, {
    customerId: input.customerId,
    deliveryPointId: input.deliveryPointId,
    reportDate: input.date,
    source: input.source,
    documentId: input.documentId,
    createdBy: input.userId ?? null,
    createdAt: now.toISOString(),
  });
  await insertStockLines(
    db,
    input.lines.map((l) => ({
      reportId,
      productId: l.productId,
      onHand: l.onHand,
      averageDailySalesCenti: l.averageDailySales == null ? null : Math.round(l.averageDailySales * 100),
      promoUpliftBp: l.promoUpliftBp ?? null,
    })),
  );
  await recordAudit(db, {
    entityType: 'customer_stock_report',
    entityId: reportId,
    action: 'create',
    userId: input.userId ?? null,
    after: {
      deliveryPointId: input.deliveryPointId,
      date: input.date,
      source: input.source,
      documentId: input.documentId,
      lines: input.lines.length,
    },
    at: now.toISOString(),
  });
  await refreshLowStockTasks(db, await loadStockPicture(db, input.customerId, now), now, [input.deliveryPointId]);
  return { reportId };
}
