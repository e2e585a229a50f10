import type { Db } from '../db/database.ts';
import { setOrderLinesStatus } from './orders.repository.ts';
import { type Actor, recordTransition, startTransition } from './transition.ts';
import { releaseGestures } from '../complaints/complaints.repository.ts';

// The transitions that change nothing but the order itself. Release, ship and deliver move goods and live in
// server/deliveries/.

// Confirming runs the rules: it lives in confirm-order.ts.

export async function closeOrder(db: Db, orderId: number, actor: Actor, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const t = await startTransition(trx, orderId, 'close', now);
    await recordTransition(trx, t, actor);
  });
}

/** Cancelling is only possible before release, so no stock is reserved yet and none has to be given back. */
export async function cancelOrder(db: Db, orderId: number, actor: Actor, reason: string | null, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const t = await startTransition(trx, orderId, 'cancel', now);
    await setOrderLinesStatus(trx, orderId, 'cancelled');
    // A gesture taken off a cancelled order waits for the next one.
    await releaseGestures(trx, orderId);
    await recordTransition(trx, t, actor, { note: reason });
  });
}
