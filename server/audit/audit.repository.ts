import type { Insertable } from 'kysely';
import type { TimelineNote } from '../../core/shared/error-codes.ts';
import type { DbOrTrx } from '../db/database.ts';
import { insertRows } from '../db/insert-rows.ts';
import type { AuditEventsTable } from './audit.table.ts';
import { bumpMasterDataStamp, MASTER_DATA } from './master-data.repository.ts';

export type AuditInput = {
  entityType:
    | 'order'
    | 'customer'
    | 'delivery_point'
    | 'contact'
    | 'customer_note'
    | 'product'
    | 'customer_product_code'
    | 'warehouse'
    | 'stock_level'
    | 'stock_lot'
    | 'price_list'
    | 'import'
    | 'delivery'
    | 'penalty_clause'
    | 'penalty_notice'
    | 'force_majeure_period'
    | 'planned_receipt'
    | 'production_shortfall'
    | 'risk'
    | 'terms_of_sale'
    | 'customer_terms'
    | 'price_list_order_tiers'
    | 'customer_price'
    | 'customer_credit'
    | 'promotion'
    | 'customer_assortment'
    | 'customer_stock_report'
    | 'customer_vmi_settings'
    | 'customer_supply_settings'
    | 'task'
    | 'complaint'
    | 'satisfaction_interview'
    | 'call_script'
    | 'user'
    | 'call_rhythm'
    | 'day_assignment'
    | 'absence';
  entityId: number;
  orderId?: number | null;
  action: string;
  userId: number | null;
  before?: unknown;
  after?: unknown;
  /** A person's words (a reason), kept as typed. */
  note?: string | null;
  /** What the server notes, coded: the web words it in the user's language. */
  notes?: readonly TimelineNote[];
  /** When it happened: the use case's now (its clock's, ISO), never the machine's own. */
  at: string;
};

/** The row an audit event is stored as. */
export function auditRow(event: AuditInput): Insertable<AuditEventsTable> {
  return {
    entityType: event.entityType,
    entityId: event.entityId,
    orderId: event.orderId ?? null,
    action: event.action,
    userId: event.userId,
    at: event.at,
    beforeJson: event.before === undefined ? null : JSON.stringify(event.before),
    afterJson: event.after === undefined ? null : JSON.stringify(event.after),
    note: event.note ?? null,
    notesJson: event.notes?.length ? JSON.stringify(event.notes) : null,
  };
}

/** Who changed what, when, before and after: written in the same transaction as the change itself. */
export async function recordAudit(db: DbOrTrx, event: AuditInput): Promise<void> {
  await db.insertInto('auditEvents').values(auditRow(event)).execute();
  if (MASTER_DATA.has(event.entityType)) await bumpMasterDataStamp(db);
}

/** Many events in as few statements as the engine's bound-value limit allows (a batch of EDI orders). */
export async function recordAudits(db: DbOrTrx, rows: readonly Insertable<AuditEventsTable>[]): Promise<void> {
  await insertRows(db, 'auditEvents', rows);
  if (rows.some((r) => MASTER_DATA.has(r.entityType))) await bumpMasterDataStamp(db);
}

export type AuditEvent = {
  id: number;
  at: string;
  entityType: string;
  entityId: number;
  action: string;
  userId: number | null;
  userName: string | null;
  before: unknown;
  after: unknown;
  note: string | null;
  notes: TimelineNote[];
};

export async function listAuditEvents(
  db: DbOrTrx,
  by: { orderId?: number; entityType?: string; entityId?: number },
): Promise<AuditEvent[]> {
  let q = db
    .selectFrom('auditEvents')
    .leftJoin('users', 'users.id', 'auditEvents.userId')
    .select([
      'auditEvents.id',
      'auditEvents.at',
      'auditEvents.entityType',
      'auditEvents.entityId',
      'auditEvents.action',
      'auditEvents.userId',
      'users.name as userName',
      'auditEvents.beforeJson',
      'auditEvents.afterJson',
      'auditEvents.note',
      'auditEvents.notesJson',
    ])
    .orderBy('auditEvents.at')
    .orderBy('auditEvents.id');
  if (by.orderId !== undefined) q = q.where('auditEvents.orderId', '=', by.orderId);
  if (by.entityType !== undefined) q = q.where('auditEvents.entityType', '=', by.entityType);
  if (by.entityId !== undefined) q = q.where('auditEvents.entityId', '=', by.entityId);
  const rows = await q.execute();
  return rows.map(({ beforeJson, afterJson, notesJson, ...r }) => ({
    ...r,
    before: beforeJson ? (JSON.parse(beforeJson) as unknown) : null,
    after: afterJson ? (JSON.parse(afterJson) as unknown) : null,
    notes: notesJson ? (JSON.parse(notesJson) as TimelineNote[]) : [],
  }));
}
