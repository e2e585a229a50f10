import type { SupplyFlags } from '../../core/risks/options.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findCustomer } from '../customers/customers.repository.ts';
import type { Db, DbOrTrx } from '../db/database.ts';
import { AppError, type FieldError, notFound } from '../errors.ts';
import { requestRiskScan } from '../risks/risk-scheduler.ts';
import { findSupplySettings, upsertSupplySettings } from './availability.repository.ts';
import type { CustomerSupplySettingsTable } from './availability.table.ts';

/** What a customer accepts when stock is short (EDIFACT 4493 flags) and the shelf life he wants left at delivery. */
export type SupplySettings = SupplyFlags & { customerId: number; minRemainingShelfLifePct: number | null; updatedAt: string | null };
export type SupplySettingsPatch = Partial<Omit<SupplySettings, 'customerId' | 'updatedAt'>>;

/**
 * A customer without settings has agreed to nothing yet: every option of a risk call needs his word on the call,
 * and no lot is refused for its age.
 */
export function toSupplySettings(customerId: number, row: CustomerSupplySettingsTable | undefined): SupplySettings {
  return {
    customerId,
    minRemainingShelfLifePct: row?.minRemainingShelfLifePct ?? null,
    shipComplete: row?.shipComplete === 1,
    acceptsBackorders: row?.acceptsBackorders === 1,
    acceptsPartial: row?.acceptsPartial === 1,
    acceptsSubstitutes: row?.acceptsSubstitutes === 1,
    cancelIfLateDays: row?.cancelIfLateDays ?? null,
    updatedAt: row?.updatedAt ?? null,
  };
}

async function existing(db: DbOrTrx, customerId: number) {
  if (!(await findCustomer(db, customerId))) throw notFound('Customer', customerId);
  return toSupplySettings(customerId, await findSupplySettings(db, customerId));
}

export const getSupplySettings = existing;

/**
 * Changes the fields given, nothing else, in one transaction with its audit event. "Ship complete only" (SC) and a
 * partial delivery of either kind (BK, SP) contradict each other: refused with the fields named. The risk scan runs
 * again, as the minimum shelf life changes which lots the customer can be served from.
 */
export async function patchSupplySettings(
  db: Db,
  customerId: number,
  patch: SupplySettingsPatch,
  userId: number,
  now: Date,
): Promise<SupplySettings> {
  const saved = await db.transaction().execute(async (trx) => {
    const before = await existing(trx, customerId);
    const after = { ...before, ...patch };
    const errors: FieldError[] = [];
    if (after.shipComplete) {
      if (after.acceptsBackorders)
        errors.push({
          path: 'body.acceptsBackorders',
          code: 'ship-complete',
          params: {},
          message: 'cannot be accepted with ship complete only',
        });
      if (after.acceptsPartial)
        errors.push({
          path: 'body.acceptsPartial',
          code: 'ship-complete',
          params: {},
          message: 'cannot be accepted with ship complete only',
        });
    }
    if (errors.length) throw new AppError('UNPROCESSABLE', 'Ship complete only (SC) excludes a partial delivery (BK, SP).', errors);
    const at = now.toISOString();
    const values = {
      minRemainingShelfLifePct: after.minRemainingShelfLifePct,
      shipComplete: after.shipComplete ? 1 : 0,
      acceptsBackorders: after.acceptsBackorders ? 1 : 0,
      acceptsPartial: after.acceptsPartial ? 1 : 0,
      acceptsSubstitutes: after.acceptsSubstitutes ? 1 : 0,
      cancelIfLateDays: after.cancelIfLateDays,
      updatedBy: userId,
      updatedAt: at,
    };
    await upsertSupplySettings(trx, customerId, values);
    const { updatedAt: _b, ...was } = before;
    await recordAudit(trx, {
      entityType: 'customer_supply_settings',
      entityId: customerId,
      action: 'update',
      userId,
      before: was,
      after: { ...was, ...patch },
      at: now.toISOString(),
    });
    return { ...after, updatedAt: at };
  });
  requestRiskScan();
  return saved;
}
