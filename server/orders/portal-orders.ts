import type { SessionUser } from '../../core/auth/roles.ts';
import type { RuleId } from '../../core/orders/findings.types.ts';
import type { BuyerScope } from '../auth/buyer-scope.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { customerConfirmsPortalOrders } from '../auth/buyer-scope.repository.ts';
import { confirmOrder } from './confirm-order.ts';

/**
 * An order from the customer portal: the buyer's own company, one of the delivery points she orders for, and the
 * channel `portal` whatever the body says (held by server/auth/buyer-scope.ts before the handler runs).
 */
export const BUYER_ORDER_SCOPE: BuyerScope = {
  kind: 'body',
  field: 'customerId',
  deliveryPoint: 'deliveryPointId',
  set: { channel: 'portal' },
};

/** Findings that are ours, not the customer's: our credit assessment, and EDI price checks. */
const INTERNAL_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['credit-limit', 'price-mismatch'] as RuleId[]);

type WithFindings = { findings: { rule: RuleId; resolution: unknown }[] };

/** What a buyer sees of findings: never our credit assessment, nor who approved what and why. */
function customerFindings<T extends WithFindings>(answer: T): T {
  return {
    ...answer,
    findings: answer.findings.filter((f) => !INTERNAL_RULES.has(f.rule)).map((f) => ({ ...f, resolution: null })),
  };
}

/** The order as its buyer sees it: her findings only, and no desk action to offer. */
export const orderForBuyer = (payload: unknown): unknown => ({
  ...customerFindings(payload as WithFindings),
  availableActions: [],
});
export const quoteForBuyer = (payload: unknown): unknown => customerFindings(payload as WithFindings);

/**
 * A portal order confirms on its own when nothing needs us (no block, no approval) and its customer allows it;
 * otherwise it waits on the desk as a draft with its findings, like any other.
 */
export async function confirmFromPortal(db: Db, orderId: number, customerId: number, buyer: SessionUser, now: Date): Promise<void> {
  if (!(await customerConfirmsPortalOrders(db, customerId))) return;
  try {
    await confirmOrder(db, orderId, buyer, now);
  } catch (error) {
    if (error instanceof AppError && error.code === 'UNPROCESSABLE') return;
    throw error;
  }
}
