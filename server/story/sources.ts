import { calls } from './sources/calls.repository.ts';
import { complaints } from './sources/complaints.repository.ts';
import { deliveriesDelivered, deliveriesShipped } from './sources/deliveries.repository.ts';
import { ediProblems } from './sources/edi.repository.ts';
import type { TimelineSource } from './sources/keyset.ts';
import { notes } from './sources/notes.repository.ts';
import { orderEvents } from './sources/orders.repository.ts';
import { risksDetected, risksResolved } from './sources/risks.repository.ts';
import { satisfaction } from './sources/satisfaction.repository.ts';

/** Every source of the customer's story. A new kind is one source file and one entry here (and its kind in core). */
export const TIMELINE_SOURCES: readonly TimelineSource[] = [
  orderEvents,
  deliveriesShipped,
  deliveriesDelivered,
  complaints,
  risksDetected,
  risksResolved,
  notes,
  calls,
  satisfaction,
  ediProblems,
];
