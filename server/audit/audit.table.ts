import type { Generated } from 'kysely';

export type AuditEventsTable = {
  id: Generated<number>;
  entityType: string;
  entityId: number;
  orderId: number | null;
  action: string;
  userId: number | null;
  at: string;
  beforeJson: string | null;
  afterJson: string | null;
  note: string | null;
  /** What the server noted, as `TimelineNote[]` in JSON (core/shared/error-codes.ts); null before codes existed. */
  notesJson: string | null;
};
