import { decodeCursor, mergePage, sourceBound } from '../../core/customers/timeline.ts';
import type { TimelinePage, TimelineQuery } from '../../core/customers/timeline.schemas.ts';
import { findCustomer } from '../customers/customers.repository.ts';
import type { DbOrTrx } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { rejectInvalid } from '../http/field-errors.ts';
import { TIMELINE_SOURCES } from './sources.ts';

/**
 * One page of the customer's story, newest first. Each source reads at most `limit` of its own below the cursor
 * (an index range, however long the history), and the page is the newest `limit` of them all.
 */
export async function customerTimeline(db: DbOrTrx, customerId: number, query: TimelineQuery): Promise<TimelinePage> {
  const cursor = query.before === undefined ? null : decodeCursor(query.before);
  if (query.before !== undefined && cursor === null)
    rejectInvalid(
      [{ path: 'before', code: 'pattern', params: {}, message: 'not a cursor of this timeline: pass the `next` of a page' }],
      'querystring',
    );
  if (!(await findCustomer(db, customerId))) throw notFound('Customer', customerId);
  const limit = query.limit ?? 30;
  const batches = await Promise.all(TIMELINE_SOURCES.map((s) => s.read(db, customerId, sourceBound(s.kind, cursor), limit + 1)));
  return mergePage(batches, limit);
}
