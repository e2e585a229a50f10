/**
 * What became of an email of the outbox: waiting to be tried (again), sent, or given up with its error; or, for a
 * customer who takes his documents on paper (fax), left for the desk to print: never sent, never failed.
 */
export const OUTBOX_STATUSES = ['pending', 'sent', 'failed', 'print'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
