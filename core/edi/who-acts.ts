import type { QueueAnswer } from './edi.schemas.ts';

/**
 * Who must act on a finding of a waiting EDI message, and what they may do from the queue:
 * - `desk`: the order desk (assistant or manager) fixes it here: a code to map, a delivery point to choose, a
 *   price to answer within what the terms let the desk concede.
 * - `manager`: a decision the desk escalates: an approval (outside the assortment, below the minimum, over the
 *   credit limit…), a block to override, a price concession above the threshold.
 * - `null`: nothing to do (information).
 */
export type Actor = 'desk' | 'manager';

export type QueueFindingFacts = { source: 'mapping' | 'rules'; kind: string; severity: string; data: unknown };

export function whoActs(f: QueueFindingFacts): Actor | null {
  if (f.source === 'mapping') return 'desk';
  if (f.kind === 'price-mismatch') return (f.data as { managerDecides?: boolean } | null)?.managerDecides ? 'manager' : 'desk';
  if (f.severity === 'approval' || f.severity === 'block') return 'manager';
  if (f.severity === 'info') return null;
  return 'desk';
}

/**
 * What the queue offers a manager on a finding: approve it once; for `not-listed`, also list the product (the desk's
 * fixes are the mapping's and the price's own; a block is overridden from the order).
 */
export function queueAnswers(f: QueueFindingFacts): QueueAnswer[] {
  if (f.source !== 'rules' || f.severity !== 'approval' || f.kind === 'price-mismatch') return [];
  return f.kind === 'not-listed' ? ['approve-once', 'add-to-listing'] : ['approve-once'];
}
