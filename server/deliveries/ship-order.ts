import { packagingEquivalents } from '../../core/catalog/packaging.ts';
import { parisNow } from '../../core/calendar/dates.ts';
import { nextCounter } from '../db/counters.ts';
import type { Db, Trx } from '../db/database.ts';
import { insertDocument } from '../documents/documents.repository.ts';
import { storeFile } from '../documents/file-store.ts';
import { AppError } from '../errors.ts';
import { listOrderLineRows } from '../orders/orders.repository.ts';
import { type Actor, recordTransition, type StartedTransition, startTransition } from '../orders/transition.ts';
import { adjustStock, findCompany, findShipToParties, isDeliveryNoteNumberTaken, listDeliveryLineRows, listDeliveryRows, updateDelivery } from './deliveries.repository.ts';
import { renderDeliveryNote } from './delivery-note.pdf.ts';

/** `BL-YYYYMM-NNNNN`, the month of shipping in Paris. */
export function deliveryNoteNumber(seq: number, now: Date): string {
  const { date } = parisNow(now);
  return `BL-${date.slice(0, 4)}${date.slice(5, 7)}-${String(seq).padStart(5, '0')}`;
}

async function chooseNoteNumber(trx: Trx, given: string | undefined, now: Date): Promise<string> {
  if (given === undefined) return deliveryNoteNumber(await nextCounter(trx, 'delivery-note'), now);
  if (await isDeliveryNoteNumberTaken(trx, given)) {
    throw new AppError('CONFLICT', `Delivery note number ${given} is already used.`, [{ path: 'body.deliveryNoteNumber', message: 'is already used by another delivery' }]);
  }
  return given;
}

async function writeDeliveryNote(trx: Trx, t: StartedTransition, delivery: Awaited<ReturnType<typeof listDeliveryRows>>[number], noteNumber: string, dataDir: string, actor: Actor) {
  const [company, parties, orderLines, deliveryLines] = await Promise.all([
    findCompany(trx),
    findShipToParties(trx, t.order.customerId, t.order.deliveryPointId),
    listOrderLineRows(trx, t.order.id),
    listDeliveryLineRows(trx, [delivery.id]),
  ]);
  if (!company) throw new AppError('UNPROCESSABLE', 'The company identity is not set up: a delivery note cannot be printed without it.');
  const packOf = new Map(orderLines.map((l) => [l.id, l]));
  const pdf = await renderDeliveryNote({
    company,
    customer: parties.customer,
    deliveryPoint: parties.point,
    deliveryNoteNumber: noteNumber,
    deliveryNumber: delivery.number,
    shippedOn: parisNow(new Date(t.at)).date,
    plannedDate: delivery.plannedDate,
    warehouseName: delivery.warehouseName,
    orderNumber: t.order.number,
    customerRef: t.order.customerRef,
    lines: deliveryLines.map((l) => {
      const pack = packOf.get(l.orderLineId)!;
      return { code: l.productCode, name: l.productName, quantity: l.quantity, saleUnit: l.saleUnit, pallets: packagingEquivalents(l.quantity, pack).pallets, weightG: l.quantity * pack.grossWeightG };
    }),
    totals: { pallets: delivery.palletsCenti / 100, weightG: delivery.weightG },
  });
  const stored = await storeFile(dataDir, pdf);
  const documentId = await insertDocument(trx, {
    kind: 'delivery_note',
    filename: `${noteNumber}.pdf`,
    mimeType: 'application/pdf',
    ...stored,
    orderId: t.order.id,
    createdBy: actor.id,
    createdAt: t.at,
  });
  return { documentId, deliveryLines };
}

/**
 * Shipping: the goods leave the warehouse (on hand and reserved both go down by what is shipped), the delivery gets
 * its note number and the note itself is printed and filed. The PDF file is written before the commit; if the
 * transaction then fails, the content-addressed file is an orphan that no row points to, never a wrong document.
 */
export async function shipOrder(db: Db, orderId: number, actor: Actor, options: { deliveryNoteNumber?: string; dataDir: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const t = await startTransition(trx, orderId, 'ship');
    const delivery = (await listDeliveryRows(trx, orderId)).find((d) => d.status === 'planned');
    if (!delivery) throw new AppError('CONFLICT', `Order ${t.order.number} has no planned delivery to ship.`);
    const now = new Date(t.at);
    const noteNumber = await chooseNoteNumber(trx, options.deliveryNoteNumber, now);
    const { documentId, deliveryLines } = await writeDeliveryNote(trx, t, delivery, noteNumber, options.dataDir, actor);
    for (const l of deliveryLines) {
      await adjustStock(trx, { warehouseId: delivery.warehouseId, productId: l.productId }, { onHand: -l.quantity, reserved: -l.quantity });
    }
    await updateDelivery(trx, delivery.id, { status: 'shipped', deliveryNoteNumber: noteNumber, shippedAt: t.at, documentId });
    await recordTransition(trx, t, actor, {
      after: { deliveryId: delivery.id, deliveryNoteNumber: noteNumber, documentId, shipped: deliveryLines.map((l) => ({ productId: l.productId, quantity: l.quantity })) },
    });
  });
}
