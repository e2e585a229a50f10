import type { client } from '../helpers/test-app.ts';

type Client = ReturnType<typeof client>;
export type ClosedOrder = { id: number; lines: { id: number; productCode: string; quantity: number }[]; deliveries: { id: number }[] };

/** A customer's last delivered order, as the API shows it: what scenario 9's customer complains of. */
export async function lastClosedOrder(api: Client, customerId: number): Promise<ClosedOrder> {
  const orders = (await api.get(`/api/orders?customerId=${customerId}&status=closed`)).json().items as { id: number }[];
  const details = await Promise.all(orders.map(async (o) => (await api.get(`/api/orders/${o.id}`)).json()));
  return details.sort((a, b) => String(b.promisedDate).localeCompare(String(a.promisedDate)))[0];
}

/** Au Pain Doré's three torn sacks of T55 on that order's delivery. */
export function tornSacks(customerId: number, order: ClosedOrder) {
  const line = order.lines.find((l) => l.productCode === 'FAR-T55-S25')!;
  return {
    customerId,
    orderId: order.id,
    deliveryId: order.deliveries[0].id,
    lines: [{ orderLineId: line.id, quantity: 3 }],
    reason: 'damaged-packaging',
    description: 'Trois sacs de T55 arrivés déchirés, farine répandue dans le camion.',
    channel: 'phone',
    mood: 'annoyed',
    reservesMade: true,
  };
}
