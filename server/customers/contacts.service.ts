import type { Contact } from '../../core/customers/customer.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Db } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { contactValues, toContact } from './customer.mapping.ts';
import * as repo from './customers.repository.ts';
import type { ContactInput } from '../../core/customers/customers.schemas.ts';

export async function createContact(db: Db, customerId: number, input: ContactInput, userId: number, now: Date): Promise<Contact> {
  if (!(await repo.findCustomer(db, customerId))) throw notFound('Customer', customerId);
  return db.transaction().execute(async (trx) => {
    const id = await repo.insertContact(trx, contactValues(customerId, input));
    const created = toContact((await repo.findContact(trx, id))!);
    await recordAudit(trx, { entityType: 'contact', entityId: id, action: 'create', userId, after: created, at: now.toISOString() });
    return created;
  });
}

export async function updateContact(db: Db, id: number, input: ContactInput, userId: number, now: Date): Promise<Contact> {
  const before = await repo.findContact(db, id);
  if (!before) throw notFound('Contact', id);
  return db.transaction().execute(async (trx) => {
    const { customerId: _same, ...changes } = contactValues(before.customerId, input);
    await repo.updateContact(trx, id, changes);
    const after = toContact((await repo.findContact(trx, id))!);
    await recordAudit(trx, {
      entityType: 'contact',
      entityId: id,
      action: 'update',
      userId,
      before: toContact(before),
      after,
      at: now.toISOString(),
    });
    return after;
  });
}

export async function deleteContact(db: Db, id: number, userId: number, now: Date): Promise<void> {
  const before = await repo.findContact(db, id);
  if (!before) throw notFound('Contact', id);
  await db.transaction().execute(async (trx) => {
    await repo.deleteContact(trx, id);
    await recordAudit(trx, {
      entityType: 'contact',
      entityId: id,
      action: 'delete',
      userId,
      before: toContact(before),
      at: now.toISOString(),
    });
  });
}
