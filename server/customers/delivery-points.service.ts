import type { DeliveryPoint } from '../../core/customers/customer.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { conflict, rejectInvalid } from '../http/field-errors.ts';
import type { Db } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { deliveryPointRuleErrors } from './customer.rules.ts';
import { deliveryPointValues, toDeliveryPoint } from './customer.mapping.ts';
import { assertGlnsFree, glnTakenMeanwhile } from './gln.ts';
import * as repo from './customers.repository.ts';
import type { DeliveryPointInput } from '../../core/customers/customers.schemas.ts';

async function checkPoint(db: Db, input: DeliveryPointInput, point: { id: number | null; customerId: number }): Promise<void> {
  rejectInvalid(deliveryPointRuleErrors(input));
  const clash = await repo.findDeliveryPointByCode(db, input.code);
  if (clash && clash.id !== point.id) throw conflict('body.code', input.code, `Delivery point code ${input.code} is already used`);
  await assertGlnsFree(db, [
    { path: 'body.gln', gln: input.gln, taker: { kind: 'delivery-point', deliveryPointId: point.id, customerId: point.customerId } },
  ]);
}

export async function createDeliveryPoint(
  db: Db,
  customerId: number,
  input: DeliveryPointInput,
  userId: number,
  now: Date,
): Promise<DeliveryPoint> {
  if (!(await repo.findCustomer(db, customerId))) throw notFound('Customer', customerId);
  await checkPoint(db, input, { id: null, customerId });
  return db
    .transaction()
    .execute(async (trx) => {
      // A customer's first ship-to is its default whatever the form said: orders need one to propose.
      const isFirst = (await repo.listDeliveryPoints(trx, customerId)).length === 0;
      const id = await repo.insertDeliveryPoint(trx, deliveryPointValues(customerId, input, isFirst || !!input.isDefault));
      if (input.isDefault) await repo.clearOtherDefaults(trx, customerId, id);
      const created = toDeliveryPoint((await repo.findDeliveryPoint(trx, id))!);
      await recordAudit(trx, {
        entityType: 'delivery_point',
        entityId: id,
        action: 'create',
        userId,
        after: created,
        at: now.toISOString(),
      });
      return created;
    })
    .catch(glnTakenMeanwhile(() => checkPoint(db, input, { id: null, customerId })));
}

/** A full replacement; the default flag cannot be cleared here, only moved by making another point the default. */
export async function updateDeliveryPoint(
  db: Db,
  id: number,
  input: DeliveryPointInput,
  userId: number,
  now: Date,
): Promise<DeliveryPoint> {
  const beforeRow = await repo.findDeliveryPoint(db, id);
  if (!beforeRow) throw notFound('Delivery point', id);
  const point = { id, customerId: beforeRow.customerId };
  await checkPoint(db, input, point);
  return db
    .transaction()
    .execute(async (trx) => {
      const isDefault = beforeRow.isDefault === 1 || !!input.isDefault;
      const { customerId: _same, ...changes } = deliveryPointValues(beforeRow.customerId, input, isDefault);
      await repo.updateDeliveryPoint(trx, id, changes);
      if (input.isDefault) await repo.clearOtherDefaults(trx, beforeRow.customerId, id);
      const after = toDeliveryPoint((await repo.findDeliveryPoint(trx, id))!);
      await recordAudit(trx, {
        entityType: 'delivery_point',
        entityId: id,
        action: 'update',
        userId,
        before: toDeliveryPoint(beforeRow),
        after,
        at: now.toISOString(),
      });
      return after;
    })
    .catch(glnTakenMeanwhile(() => checkPoint(db, input, point)));
}
