import type { DbOrTrx } from '../../db/database.ts';
import { belowBound, type Bound, type TimelineSource } from './keyset.ts';

function readRisks(db: DbOrTrx, customerId: number, column: 'detectedAt' | 'resolvedAt', bound: Bound | null, limit: number) {
  return db
    .selectFrom('risks')
    .innerJoin('orders', 'orders.id', 'risks.orderId')
    .select([
      'risks.id',
      `risks.${column} as at`,
      'risks.cause',
      'risks.shortfall',
      'risks.resolutionOption',
      'orders.id as orderId',
      'orders.number as orderNumber',
    ])
    .where('risks.customerId', '=', customerId)
    .where(`risks.${column}`, 'is not', null)
    .where(belowBound(`risks.${column}`, 'risks.id', bound))
    .orderBy(`risks.${column}`, 'desc')
    .orderBy('risks.id', 'desc')
    .limit(limit)
    .execute();
}

/** The kind of option the customer chose (the stored option is its JSON identity); null: none was applied. */
function optionKind(stored: string | null): string | null {
  return stored ? (JSON.parse(stored) as { kind: string }).kind : null;
}

const source = (kind: 'risk-detected' | 'risk-resolved', column: 'detectedAt' | 'resolvedAt'): TimelineSource => ({
  kind,
  async read(db, customerId, bound, limit) {
    const rows = await readRisks(db, customerId, column, bound, limit);
    return rows.map((r) => ({
      kind,
      id: r.id,
      at: r.at!,
      ref: { type: 'risk' as const, id: r.id },
      params: {
        orderId: r.orderId,
        orderNumber: r.orderNumber,
        cause: r.cause,
        shortfall: r.shortfall,
        option: optionKind(r.resolutionOption),
      },
    }));
  },
});

/** A risk on one of his orders, when the scan found it. */
export const risksDetected = source('risk-detected', 'detectedAt');
/** The customer's decision on it (the option applied), when it was taken. */
export const risksResolved = source('risk-resolved', 'resolvedAt');
