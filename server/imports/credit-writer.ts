import { recordAudit } from '../audit/audit.repository.ts';
import { customerKeys } from '../customers/customers.repository.ts';
import { creditDates, findCredit, upsertCredit } from '../terms/terms.repository.ts';
import type { ImportWriter } from './import-writer.ts';
import { type CreditRow, creditRows } from './credit-rows.ts';
import type { CellIssue } from './row-reader.ts';

type Refs = { customerIds: Map<string, number>; asOf: Map<number, string> };

const creditView = (c: { unpaidBalanceCents: number; overdueCents: number; asOf: string }) => ({
  unpaidBalanceCents: Number(c.unpaidBalanceCents),
  overdueCents: Number(c.overdueCents),
  asOf: c.asOf,
});

/** The import kind `customer-credit`: the accounting's open and overdue amounts per customer, audited. */
export const creditWriter: ImportWriter<CreditRow, Refs> = {
  spec: creditRows,
  load: async (db) => ({ customerIds: (await customerKeys(db)).idByCode, asOf: await creditDates(db) }),
  check(r, refs): CellIssue[] {
    const customerId = refs.customerIds.get(r.customerCode);
    if (customerId === undefined)
      return [
        {
          column: 'customerCode',
          code: 'not-found',
          params: { entity: 'customer', id: r.customerCode },
          reason: `no customer with code ${r.customerCode}`,
        },
      ];
    const held = refs.asOf.get(customerId);
    // A late file (last month's balance sent again) would put older figures over newer ones.
    if (held !== undefined && r.asOf < held)
      return [
        {
          column: 'asOf',
          code: 'out-of-range',
          params: { comparison: '>=', limit: held },
          reason: `Carnet already holds this customer's figures as of ${held}`,
        },
      ];
    return [];
  },
  async write(trx, r, refs, ctx) {
    const customerId = refs.customerIds.get(r.customerCode)!;
    const before = await findCredit(trx, customerId);
    const after = { customerId, unpaidBalanceCents: r.unpaidBalanceCents, overdueCents: r.overdueCents, asOf: r.asOf };
    await upsertCredit(trx, after);
    await recordAudit(trx, {
      entityType: 'customer_credit',
      entityId: customerId,
      action: 'import',
      userId: ctx.userId,
      before: before ? creditView(before) : undefined,
      after: creditView(after),
      notes: ctx.notes,
      at: ctx.now,
    });
  },
};
