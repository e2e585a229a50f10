import { parisNow } from '../../core/calendar/dates.ts';
import { contestDeadline, followUpDate } from '../../core/penalties/notice.ts';
import { LEGAL_FRAME } from '../../core/penalties/penalty.ts';
import { applyBasisPoints } from '../../core/shared/money.ts';
import type { Trx } from '../db/database.ts';
import type { DemoClock } from './demo-clock.ts';
import penalties from './demo-penalties.json' with { type: 'json' };

type Shift = { clock: DemoClock; nowIso: string };

/**
 * The demo's logistic penalties: each product's penalty category, the retail chains' clauses (and the wholesaler
 * SPD's, outside L441-17), the snow days as force majeure, and the six notices of the data set, dates moved by the
 * same shift as the rest of the demo. Scenario 6's notices (the snow days, the one more than a year old deducted from
 * a payment) are still to contest; the others are contested or settled as the data set tells.
 */
export async function seedPenalties(trx: Trx, { clock, nowIso }: Shift): Promise<void> {
  const { shiftDate: shift, shiftInstant } = clock;

  for (const [code, category] of Object.entries(penalties.productCategories)) {
    await trx.updateTable('products').set({ penaltyCategory: category }).where('code', '=', code).execute();
  }
  const customers = new Map((await trx.selectFrom('customers').select(['id', 'code']).execute()).map((c) => [c.code, c.id]));

  for (const { customer, ...clause } of penalties.clauses) {
    await trx
      .insertInto('penaltyClauses')
      .values({
        ...clause,
        customerId: customers.get(customer)!,
        backordersAccepted: clause.backordersAccepted ? 1 : 0,
        l441Applicable: clause.l441Applicable ? 1 : 0,
        updatedBy: null,
        updatedAt: nowIso,
      })
      .execute();
  }
  for (const p of penalties.forceMajeure) {
    await trx
      .insertInto('forceMajeurePeriods')
      .values({
        label: p.label,
        dateFrom: shift(p.from),
        dateTo: shift(p.to),
        categories: p.categories,
        description: p.description,
        createdAt: nowIso,
      })
      .execute();
  }

  const clauses = new Map(penalties.clauses.map((c) => [c.customer, c]));
  for (const n of penalties.notices) {
    const customerId = customers.get(n.customer)!;
    const order = n.orderCustomerRef
      ? await trx
          .selectFrom('orders')
          .select('id')
          .where('customerId', '=', customerId)
          .where('customerRef', '=', n.orderCustomerRef)
          .executeTakeFirst()
      : undefined;
    const delivery = order
      ? await trx.selectFrom('deliveries').select('id').where('orderId', '=', order.id).orderBy('id').executeTakeFirst()
      : undefined;
    const lines = order
      ? await trx
          .selectFrom('orderLines')
          .innerJoin('products', 'products.id', 'orderLines.productId')
          .select(['quantity', 'unitPriceCents'])
          .where('orderId', '=', order.id)
          .where('products.penaltyCategory', '=', n.category)
          .execute()
      : [];
    const categoryValue = order ? lines.reduce((s, l) => s + l.quantity * l.unitPriceCents, 0) : null;
    const receivedDate = parisNow(new Date(shiftInstant(n.receivedAt))).date;
    const clock = contestDeadline({ receivedDate }, clauses.get(n.customer) ?? null, LEGAL_FRAME);
    const contestedAt = n.contestedAt ? shiftInstant(n.contestedAt) : null;
    // "cap": the customer agreed to bring the notice down to the legal cap.
    const accepted =
      n.acceptedCents === 'cap'
        ? applyBasisPoints(categoryValue ?? 0, LEGAL_FRAME.capBp)
        : typeof n.acceptedCents === 'number'
          ? n.acceptedCents
          : null;
    const reminderDate =
      n.status === 'received'
        ? clock.reminderDate
        : n.status === 'contested'
          ? n.reminderDate
            ? shift(n.reminderDate)
            : followUpDate(contestedAt!.slice(0, 10))
          : null;
    await trx
      .insertInto('penaltyNotices')
      .values({
        reference: n.reference,
        customerId,
        orderId: order?.id ?? null,
        deliveryId: delivery?.id ?? null,
        externalOrderRef: n.externalOrderRef,
        receivedDate,
        failureDate: shift(n.failureDate),
        kind: n.kind,
        category: n.category,
        claimedCents: n.claimedCents,
        categoryOrderedValueCents: categoryValue,
        proofOfFailure: n.proofOfFailure ? 1 : 0,
        proofOfHarm: n.proofOfHarm ? 1 : 0,
        stockoutDocumented: n.stockoutDocumented ? 1 : 0,
        deductedFromInvoice: n.deductedFromInvoice ? 1 : 0,
        contractBasis: n.contractBasis,
        status: n.status,
        contestDeadline: clock.deadline,
        reminderDate,
        contestReason: n.contestReason,
        contestedAt,
        letterDocumentId: null,
        acceptedCents: accepted,
        settledAt: n.status === 'settled' ? shiftInstant(n.receivedAt) : null,
        settlementNote: n.settlementNote,
        createdBy: null,
        createdAt: shiftInstant(n.receivedAt),
        updatedAt: shiftInstant(n.receivedAt),
      })
      .execute();
  }
}
