import type { Bilingual } from '../shared/bilingual.ts';

export const TASK_STATUSES = ['open', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/**
 * A call or an action for an assistant: what raised it (`kind`, e.g. `low-customer-stock`), why, how urgent
 * (1 most), by when, how long, for whom, and the records it is about. The server builds it, the task list shows it.
 */
export type Task = {
  id: number;
  kind: string;
  customerId: number | null;
  customerCode: string | null;
  customerName: string | null;
  title: Bilingual;
  reason: Bilingual;
  priority: number;
  dueDate: string | null;
  estimatedMinutes: number | null;
  assigneeId: number | null;
  assigneeName: string | null;
  status: string;
  orderId: number | null;
  productId: number | null;
  productCode: string | null;
  deliveryPointId: number | null;
  createdAt: string;
  updatedAt: string;
  doneAt: string | null;
};
