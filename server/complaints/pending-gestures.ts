import type { PendingGestureList } from '../../core/complaints/complaints.schemas.ts';
import { findCustomer } from '../customers/customers.repository.ts';
import type { DbOrTrx } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { listOpenGestures } from './complaints.repository.ts';

/** The gestures the desk promised the customer and no order has taken off yet: she says so when he calls. */
export async function pendingGesturesOf(db: DbOrTrx, customerId: number): Promise<PendingGestureList> {
  if (!(await findCustomer(db, customerId))) throw notFound('Customer', customerId);
  return { items: await listOpenGestures(db, customerId) };
}
