import type { ColumnType, Generated } from 'kysely';

export type TasksTable = {
  id: Generated<number>;
  customerId: number | null;
  kind: string;
  dedupeKey: string | null;
  titleFr: string;
  titleEn: string;
  reasonFr: string;
  reasonEn: string;
  priority: number;
  dueDate: string | null;
  estimatedMinutes: number | null;
  assigneeId: number | null;
  status: string;
  orderId: number | null;
  productId: number | null;
  deliveryPointId: number | null;
  /** The complaint the task is about (answer it, settle it). */
  complaintId: ColumnType<number | null, number | null | undefined, number | null>;
  dataJson: string | null;
  createdAt: string;
  updatedAt: string;
  doneAt: string | null;
  doneBy: number | null;
};
