import type { ComplaintChannel, ComplaintReason, Mood } from '../../../core/complaints/complaint.ts';
import type { ComplaintInput } from '../../../core/complaints/complaints.schemas.ts';
import type { OrderDetail } from '../api/types.ts';

/** What the assistant types, as the fields hold it (quantities as typed, by order line). */
export type ComplaintForm = {
  reason: ComplaintReason | '';
  description: string;
  channel: ComplaintChannel;
  mood: Mood | '';
  reserves: 'yes' | 'no' | 'unknown';
  quantities: Record<number, string>;
};

export const emptyComplaintForm = (): ComplaintForm => ({
  reason: '',
  description: '',
  channel: 'phone',
  mood: '',
  reserves: 'unknown',
  quantities: {},
});

/** A line the customer may complain of: what he received of it, on the delivery named or on the whole order. */
export type ClaimableLine = { orderLineId: number; productCode: string; productName: string; saleUnit: string; received: number };

export function claimableLines(order: OrderDetail, deliveryId: number | null): ClaimableLine[] {
  if (deliveryId !== null) {
    const delivery = order.deliveries.find((d) => d.id === deliveryId);
    return (delivery?.lines ?? []).map((l) => ({
      orderLineId: l.orderLineId,
      productCode: l.productCode,
      productName: l.productName,
      saleUnit: l.saleUnit,
      received: l.deliveredQuantity ?? l.quantity,
    }));
  }
  return order.lines.map((l) => ({
    orderLineId: l.id,
    productCode: l.productCode,
    productName: l.productName,
    saleUnit: l.saleUnit,
    received: l.deliveredQuantity ?? l.quantity,
  }));
}

/**
 * The request POST /api/complaints takes: the lines with a quantity typed (a blank or zero is a line not concerned);
 * an unchosen reason or a quantity that is not a number goes as it is, for the server to point at the field.
 */
export function complaintBody(
  form: ComplaintForm,
  on: { customerId: number; orderId: number | null; deliveryId: number | null },
): ComplaintInput {
  const lines = Object.entries(form.quantities)
    .map(([orderLineId, typed]) => ({ orderLineId: Number(orderLineId), quantity: Number(typed.trim()) }))
    .filter((l) => l.quantity !== 0);
  return {
    customerId: on.customerId,
    ...(on.orderId !== null ? { orderId: on.orderId } : {}),
    ...(on.deliveryId !== null ? { deliveryId: on.deliveryId } : {}),
    ...(lines.length ? { lines } : {}),
    reason: form.reason as ComplaintReason,
    description: form.description,
    channel: form.channel,
    ...(form.mood ? { mood: form.mood } : {}),
    reservesMade: form.reserves === 'unknown' ? null : form.reserves === 'yes',
  };
}
