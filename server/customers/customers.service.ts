import type { Customer, CustomerDetail } from '../../core/customers/customer.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { conflict, rejectInvalid } from '../http/field-errors.ts';
import { findPriceList } from '../catalog/price-lists.repository.ts';
import type { Db, DbOrTrx } from '../db/database.ts';
import { invalid, notFound } from '../errors.ts';
import { customerRuleErrors } from './customer.rules.ts';
import { assertGlnsFree, glnTakenMeanwhile } from './gln.ts';
import { contactValues, customerValues, deliveryPointValues, toContact, toCustomer, toDeliveryPoint } from './customer.mapping.ts';
import * as repo from './customers.repository.ts';
import type { CustomerCreate, CustomerInput } from '../../core/customers/customers.schemas.ts';

export async function listCustomers(
  db: Db,
  filter: { q?: string; typology?: string; limit: number; offset: number },
): Promise<{ items: Customer[]; total: number }> {
  const { rows, total } = await repo.searchCustomers(db, filter);
  return { items: rows.map(toCustomer), total };
}

/** The account with its ship-tos (default first) and its people; also what the order entry screen loads. */
export async function getCustomerDetail(db: DbOrTrx, id: number): Promise<CustomerDetail> {
  const row = await repo.findCustomer(db, id);
  if (!row) throw notFound('Customer', id);
  const [points, contacts] = await Promise.all([repo.listDeliveryPoints(db, id), repo.listContacts(db, id)]);
  return { ...toCustomer(row), deliveryPoints: points.map(toDeliveryPoint), contacts: contacts.map(toContact) };
}

/**
 * References the schema cannot see: the price list and the assistant must exist, the code must be free, and so
 * must the GLNs of the account and of the ship-tos it arrives with (core/customers/gln.ts).
 */
async function checkCustomer(
  db: Db,
  input: CustomerInput & Pick<CustomerCreate, 'deliveryPoints'>,
  exceptId: number | null,
): Promise<void> {
  if (input.priceListId && !(await findPriceList(db, input.priceListId)))
    throw invalid('body.priceListId', 'not-found', { entity: 'price-list', id: input.priceListId }, `no price list ${input.priceListId}`);
  if (input.assistantUserId && !(await repo.isStaffUser(db, input.assistantUserId)))
    throw invalid(
      'body.assistantUserId',
      'not-found',
      { entity: 'user', id: input.assistantUserId },
      `no staff user ${input.assistantUserId}`,
    );
  const clash = await repo.findCustomerByCode(db, input.code);
  if (clash && clash.id !== exceptId) throw conflict('body.code', input.code, `Customer code ${input.code} is already used`);
  await assertGlnsFree(db, [
    { path: 'body.gln', gln: input.gln, taker: { kind: 'customer', customerId: exceptId } },
    ...(input.deliveryPoints ?? []).map((dp, i) => ({
      path: `body.deliveryPoints.${i}.gln`,
      gln: dp.gln,
      taker: { kind: 'delivery-point' as const, deliveryPointId: null, customerId: null },
    })),
  ]);
}

export async function createCustomer(db: Db, input: CustomerCreate, userId: number, now: Date): Promise<CustomerDetail> {
  rejectInvalid(customerRuleErrors(input));
  await checkCustomer(db, input, null);
  const points = input.deliveryPoints ?? [];
  for (const [i, dp] of points.entries()) {
    if (await repo.findDeliveryPointByCode(db, dp.code))
      throw conflict(`body.deliveryPoints.${i}.code`, dp.code, `Delivery point code ${dp.code} is already used`);
  }
  // Without an explicit choice the first ship-to is the default: an order always has one to propose.
  const defaultIndex = Math.max(
    0,
    points.findIndex((dp) => dp.isDefault),
  );
  return db
    .transaction()
    .execute(async (trx) => {
      const id = await repo.insertCustomer(trx, customerValues(input, now.toISOString()));
      for (const [i, dp] of points.entries()) await repo.insertDeliveryPoint(trx, deliveryPointValues(id, dp, i === defaultIndex));
      for (const contact of input.contacts ?? []) await repo.insertContact(trx, contactValues(id, contact));
      const created = await getCustomerDetail(trx, id);
      await recordAudit(trx, { entityType: 'customer', entityId: id, action: 'create', userId, after: created, at: now.toISOString() });
      return created;
    })
    .catch(glnTakenMeanwhile(() => checkCustomer(db, input, null)));
}

export async function updateCustomer(db: Db, id: number, input: CustomerInput, userId: number, now: Date): Promise<CustomerDetail> {
  const before = await repo.findCustomer(db, id);
  if (!before) throw notFound('Customer', id);
  rejectInvalid(customerRuleErrors(input));
  await checkCustomer(db, input, id);
  return db
    .transaction()
    .execute(async (trx) => {
      const { createdAt: _keep, ...changes } = customerValues(input, now.toISOString());
      await repo.updateCustomer(trx, id, changes);
      const after = await getCustomerDetail(trx, id);
      const { deliveryPoints: _p, contacts: _c, ...account } = after;
      await recordAudit(trx, {
        entityType: 'customer',
        entityId: id,
        action: 'update',
        userId,
        before: toCustomer(before),
        after: account,
        at: now.toISOString(),
      });
      return after;
    })
    .catch(glnTakenMeanwhile(() => checkCustomer(db, input, id)));
}
