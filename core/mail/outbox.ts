/** What became of an email of the outbox: waiting to be tried (again), sent, or given up with its error. */
export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
