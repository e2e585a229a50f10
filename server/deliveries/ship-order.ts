import type { TimelineNote } from '../../core/shared/error-codes.ts';
import { packagingEquivalents } from '../../core/catalog/packaging.ts';
import { parisNow } from '../../core/calendar/dates.ts';
import { nextCounter } from '../orders/counters.repository.ts';
import type { Db, Trx } from '../db/database.ts';
import { insertDocument } from '../documents/documents.repository.ts';
import { fileStoreOf, storeFile } from '../documents/file-store.ts';
import { completeDocumentJob, insertDocumentJob } from '../documents/document-jobs.repository.ts';
import { DONE_ELSEWHERE } from '../documents/done-elsewhere.ts';
import { AppError } from '../errors.ts';
import { queueEdiOutbound } from '../edi/outbound.ts';
import { findOrderRow, listOrderLineRows, updateOrderStatus } from '../orders/orders.repository.ts';
import { type Actor, recordTransition, type StartedTransition, startTransition } from '../orders/transition.ts';
import { shipFromStock } from './choose-warehouse.ts';
import { type PickedLot } from '../../core/stock/lot-picking.ts';
import { lotPicker, recordShippedLots } from './ship-lots.ts';
import {
  findCompany,
  findShipToParties,
  isDeliveryNoteNumberTaken,
  listDeliveryLineRows,
  listDeliveryRows,
  listShippedLots,
  updateDelivery,
} from './deliveries.repository.ts';
import { lockStockLevel, setStockLevel } from '../stock/stock.repository.ts';
import { renderDeliveryNote } from './delivery-note.pdf.ts';

/** `BL-YYYYMM-NNNNN`, the month of shipping in Paris. */
export function deliveryNoteNumber(seq: number, now: Date): string {
  const { date } = parisNow(now);
  return `BL-${date.slice(0, 4)}${date.slice(5, 7)}-${String(seq).padStart(5, '0')}`;
}

async function chooseNoteNumber(trx: Trx, given: string | undefined, now: Date): Promise<string> {
  if (given === undefined) return deliveryNoteNumber(await nextCounter(trx, 'delivery-note'), now);
  if (await isDeliveryNoteNumberTaken(trx, given)) {
    throw new AppError('CONFLICT', `Delivery note number ${given} is already used.`, [
      { path: 'body.deliveryNoteNumber', code: 'taken', params: { value: given }, message: 'is already used by another delivery' },
    ]);
  }
  return given;
}

/**
 * Produces the delivery note a shipment queued (the document worker runs it after the commit): prints it from the
 * committed rows — the delivery, its lines and the lots that left — then in one transaction files it, marks the job
 * done and points the delivery at it. Null when another worker finished the job meanwhile: nothing is filed.
 */
export async function produceDeliveryNote(
  db: Db,
  job: { id: number; orderId: number; deliveryId: number | null; createdBy: number | null; createdAt: string },
  now: string,
): Promise<{ documentId: number } | null> {
  const [order, deliveries, company, orderLines] = await Promise.all([
    findOrderRow(db, job.orderId),
    listDeliveryRows(db, job.orderId),
    findCompany(db),
    listOrderLineRows(db, job.orderId),
  ]);
  const delivery = deliveries.find((d) => d.id === job.deliveryId);
  if (!order || !delivery?.deliveryNoteNumber) throw new Error(`Delivery note job ${job.id}: its shipped delivery is gone`);
  if (!company) throw new AppError('UNPROCESSABLE', 'The company identity is not set up: a delivery note cannot be printed without it.');
  const [parties, deliveryLines] = await Promise.all([
    findShipToParties(db, order.customerId, order.deliveryPointId),
    listDeliveryLineRows(db, [delivery.id]),
  ]);
  const lots = new Map<number, Awaited<ReturnType<typeof listShippedLots>>>();
  for (const p of await listShippedLots(
    db,
    deliveryLines.map((l) => l.id),
  ))
    lots.set(p.deliveryLineId, [...(lots.get(p.deliveryLineId) ?? []), p]);
  const packOf = new Map(orderLines.map((l) => [l.id, l]));
  const noteNumber = delivery.deliveryNoteNumber;
  const pdf = await renderDeliveryNote({
    company,
    customer: parties.customer,
    deliveryPoint: parties.point,
    deliveryNoteNumber: noteNumber,
    deliveryNumber: delivery.number,
    shippedOn: parisNow(new Date(delivery.shippedAt ?? job.createdAt)).date,
    plannedDate: delivery.plannedDate,
    warehouseName: delivery.warehouseName,
    orderNumber: order.number,
    customerRef: order.customerRef,
    lines: deliveryLines.map((l) => {
      const pack = packOf.get(l.orderLineId)!;
      const shipped = (lots.get(l.id) ?? []).map((p) => ({ lot: p.lot, bestBefore: p.bestBefore, quantity: p.quantity }));
      return {
        code: l.productCode,
        name: l.productName,
        quantity: l.quantity,
        saleUnit: l.saleUnit,
        pallets: packagingEquivalents(l.quantity, pack).pallets,
        weightG: l.quantity * pack.grossWeightG,
        lots: shipped,
      };
    }),
    totals: { pallets: delivery.palletsCenti / 100, weightG: delivery.weightG },
  });
  const stored = await storeFile(fileStoreOf(db), pdf);
  return db
    .transaction()
    .execute(async (trx) => {
      const documentId = await insertDocument(trx, {
        kind: DELIVERY_NOTE_KIND,
        filename: `${noteNumber}.pdf`,
        mimeType: 'application/pdf',
        ...stored,
        orderId: job.orderId,
        createdBy: job.createdBy,
        createdAt: job.createdAt,
      });
      if (!(await completeDocumentJob(trx, job.id, documentId, now))) throw DONE_ELSEWHERE;
      await updateDelivery(trx, delivery.id, { documentId });
      return { documentId };
    })
    .catch((err: unknown) => {
      if (err === DONE_ELSEWHERE) return null;
      throw err;
    });
}

export const DELIVERY_NOTE_KIND = 'delivery_note';

/**
 * Shipping: every planned delivery of the order due first leaves its warehouse (on hand and reserved both go down by what is
 * shipped), gets its own note number and its own printed, filed delivery note; a part split off to a later date
 * (a risk decided as "split across deliveries") waits, and the order stays released until it too has left. A given note number serves only an
 * order leaving from one warehouse. On hand never goes below zero: goods that leave without being on hand (a
 * wrong count, a shortage at release) bring it to zero, and the timeline says so. Each delivery note is
 * queued in the transaction and printed after the commit by the document worker (produceDeliveryNote).
 */
export async function shipOrder(
  db: Db,
  orderId: number,
  actor: Actor,
  options: { deliveryNoteNumber?: string; dataDir: string },
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const started = await startTransition(trx, orderId, 'ship', now);
    const pending = (await listDeliveryRows(trx, orderId)).filter((d) => d.status === 'planned');
    if (pending.length === 0) throw new AppError('CONFLICT', `Order ${started.order.number} has no planned delivery to ship.`);
    // A part split off to a later date leaves then, in its own delivery: the order stays released until it has.
    const first = pending.reduce((min, d) => ((d.plannedDate ?? '') < min ? (d.plannedDate ?? '') : min), pending[0].plannedDate ?? '');
    const planned = pending.filter((d) => (d.plannedDate ?? '') === first);
    const later = pending.filter((d) => !planned.includes(d));
    if (later.length) await updateOrderStatus(trx, orderId, 'shipped', { status: 'released', updatedAt: started.at });
    const t: StartedTransition = later.length ? { ...started, to: 'released' } : started;
    if (options.deliveryNoteNumber !== undefined && planned.length > 1) {
      const message = `leaves from ${planned.length} warehouses: each delivery note gets its own number, so leave it empty`;
      throw new AppError('UNPROCESSABLE', `Order ${t.order.number} ${message}.`, [
        { path: 'body.deliveryNoteNumber', code: 'several-warehouses', params: { count: planned.length }, message },
      ]);
    }
    const shipped = [];
    const missing: TimelineNote[] = [];
    for (const delivery of planned) {
      const noteNumber = await chooseNoteNumber(trx, options.deliveryNoteNumber, now);
      const deliveryLines = await listDeliveryLineRows(trx, [delivery.id]);
      const picker = await lotPicker(trx, {
        warehouseId: delivery.warehouseId,
        customerId: t.order.customerId,
        productIds: [...new Set(deliveryLines.map((l) => l.productId))],
        deliveryDate: delivery.plannedDate ?? parisNow(now).date,
      });
      const lots = new Map<number, PickedLot[]>();
      for (const l of deliveryLines) {
        const at = { warehouseId: delivery.warehouseId, productId: l.productId };
        const level = await lockStockLevel(trx, at, t.at);
        const picked = picker.pick(l, level?.onHand ?? 0);
        lots.set(l.id, picked);
        await recordShippedLots(trx, { ...at, deliveryLineId: l.id }, picked, t.at);
        const taken = shipFromStock(level, l.quantity);
        await setStockLevel(trx, at, { onHand: taken.onHand, reserved: taken.reserved }, t.at);
        if (taken.missing > 0)
          missing.push({
            code: 'shipped-beyond-stock',
            params: { product: l.productCode, missing: taken.missing, warehouse: delivery.warehouseCode },
          });
        for (const p of picked.filter((x) => x.belowMinShelfLife))
          missing.push({ code: 'shipped-short-life', params: { product: l.productCode, lot: p.lot, bestBefore: p.bestBefore } });
      }
      // Its delivery note is printed after the commit by the document worker (produceDeliveryNote).
      await updateDelivery(trx, delivery.id, { status: 'shipped', deliveryNoteNumber: noteNumber, shippedAt: t.at });
      await insertDocumentJob(trx, { kind: DELIVERY_NOTE_KIND, orderId, deliveryId: delivery.id, createdBy: actor.id, at: t.at });
      shipped.push({
        deliveryId: delivery.id,
        deliveryNoteNumber: noteNumber,
        shipped: deliveryLines.map((l) => ({
          productId: l.productId,
          quantity: l.quantity,
          lots: (lots.get(l.id) ?? []).map((p) => ({ lot: p.lot, bestBefore: p.bestBefore, quantity: p.quantity })),
        })),
      });
    }
    if (later.length)
      missing.push({
        code: 'still-to-leave',
        params: { deliveries: later.map((d) => d.number).join(', '), dates: later.map((d) => d.plannedDate).join(', ') },
      });
    await recordTransition(trx, t, actor, { after: { deliveries: shipped }, notes: missing });
    await queueEdiOutbound(trx, orderId, 'desadv', t.at);
  });
}
