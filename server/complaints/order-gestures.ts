import type { PricedCharge } from '../../core/pricing/pricing.types.ts';
import type { DbOrTrx } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { applyGesture, releaseGestures } from './complaints.repository.ts';

/**
 * Binds to an order the complaint gestures its charges take off (in the transaction that confirms or changes it),
 * and gives back those it no longer takes: a gesture is taken once, by the first order confirmed with it. Another
 * draft priced with it meanwhile is refused at its confirmation, to be saved again (re-priced without it).
 */
export async function bindOrderGestures(trx: DbOrTrx, order: { id: number; number: string }, charges: readonly PricedCharge[], at: string) {
  await releaseGestures(trx, order.id);
  for (const id of new Set(charges.flatMap((c) => (c.kind === 'gesture' && c.gestureId !== undefined ? [c.gestureId] : []))))
    if (!(await applyGesture(trx, id, order.id, at)))
      throw new AppError(
        'CONFLICT',
        `Order ${order.number}: its commercial gesture was taken off another order meanwhile; save the order again to price it without.`,
      );
}
