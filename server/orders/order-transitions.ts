import type { Db } from '../db/database.ts';
import { queueAcknowledgement } from '../documents/order-acknowledgement.ts';
import { setOrderLinesStatus } from './orders.repository.ts';
import { type Actor, recordTransition, startTransition } from './transition.ts';

// The transitions that change nothing but the order itself. Release, ship and deliver move goods and live in
// server/deliveries/.

/** Confirming promises the requested date unless a date was already promised. */
export async function confirmOrder(db: Db, orderId: number, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const promise = (o: { promisedDate: string | null; requestedDate: string | null }) => o.promisedDate ?? o.requestedDate;
    const t = await startTransition(trx, orderId, 'confirm', (o) => ({ promisedDate: promise(o) }));
    await recordTransition(trx, t, actor, { before: { promisedDate: t.order.promisedDate }, after: { promisedDate: promise(t.order) } });
    await queueAcknowledgement(trx, orderId, actor);
  });
}

export async function closeOrder(db: Db, orderId: number, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const t = await startTransition(trx, orderId, 'close');
    await recordTransition(trx, t, actor);
  });
}

/** Cancelling is only possible before release, so no stock is reserved yet and none has to be given back. */
export async function cancelOrder(db: Db, orderId: number, actor: Actor, reason: string | null): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const t = await startTransition(trx, orderId, 'cancel');
    await setOrderLinesStatus(trx, orderId, 'cancelled');
    await recordTransition(trx, t, actor, { note: reason });
  });
}
