// A complaint's lists of values, apart so that the schemas can name them without importing the types they shape.

/** Why the customer complains: the trade's usual reasons, in the order the desk meets them. */
export const COMPLAINT_REASONS = [
  'damaged-packaging',
  'missing-quantity',
  'wrong-product',
  'quality-defect',
  'foreign-body',
  'short-best-before',
  'cold-chain',
  'late-delivery',
  'invoice-error',
  'other',
] as const;
export type ComplaintReason = (typeof COMPLAINT_REASONS)[number];

/** How the complaint reached the desk. */
export const COMPLAINT_CHANNELS = ['phone', 'email', 'fax', 'portal', 'visit'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

/** The customer's mood as the assistant heard it: what whoever calls next should know. */
export const MOODS = ['pleased', 'calm', 'worried', 'annoyed', 'angry'] as const;
export type Mood = (typeof MOODS)[number];

/** open → answered → resolved or refused → closed. */
export const COMPLAINT_STATUSES = ['open', 'answered', 'resolved', 'refused', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** Whose queue a complaint waits in: the desk's, or the quality manager's (a defect that may concern a whole lot). */
export const COMPLAINT_QUEUES = ['desk', 'quality'] as const;
export type ComplaintQueue = (typeof COMPLAINT_QUEUES)[number];

/**
 * Damage seen when the goods arrive: the consignee must write reserves on the delivery note and confirm them within
 * days (C. com. L133-3 for the carrier). Every other reason is a defect found later, with a deadline of its own.
 */
const VISIBLE_AT_DELIVERY: ReadonlySet<ComplaintReason> = new Set([
  'damaged-packaging',
  'missing-quantity',
  'wrong-product',
  'short-best-before',
]);
export const isVisibleAtDelivery = (reason: ComplaintReason): boolean => VISIBLE_AT_DELIVERY.has(reason);

/** A defect of the product itself: it may concern every delivery of the lot, so quality looks at it. */
const QUALITY: ReadonlySet<ComplaintReason> = new Set(['quality-defect', 'foreign-body', 'cold-chain']);
export const queueFor = (reason: ComplaintReason): ComplaintQueue => (QUALITY.has(reason) ? 'quality' : 'desk');

const NEXT: Record<ComplaintStatus, readonly ComplaintStatus[]> = {
  open: ['answered', 'resolved', 'refused'],
  answered: ['resolved', 'refused'],
  resolved: ['closed'],
  refused: ['closed'],
  closed: [],
};

/** Whether a complaint may move from one status to another (an answer and a resolution may come on the same call). */
export const canMove = (from: ComplaintStatus, to: ComplaintStatus): boolean => NEXT[from].includes(to);
