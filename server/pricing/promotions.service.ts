import { isIsoDate } from '../../core/calendar/dates.ts';
import type { Typology } from '../../core/customers/customer.ts';
import type { Static } from '@sinclair/typebox';
import type { PromotionMechanism } from '../../core/pricing/pricing.types.ts';
import { isCustomerEligible } from '../../core/pricing/promotions.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { existingProductIds } from '../catalog/products.repository.ts';
import { findCustomer } from '../customers/customers.repository.ts';
import type { Db, DbOrTrx } from '../db/database.ts';
import { type FieldError, notFound } from '../errors.ts';
import { conflict, rejectInvalid } from '../http/field-errors.ts';
import type { MechanismInput, PromotionInput, PromotionSchema } from '../../core/pricing/pricing.schemas.ts';
import * as repo from './promotions.repository.ts';

/** core's Promotion (writable arrays) with its last change. */
export type PromotionView = Static<typeof PromotionSchema>;

function toMechanism(r: repo.PromotionRow): PromotionMechanism {
  if (r.mechanismKind === 'free-goods') return { kind: 'free-goods', buy: r.buyQuantity ?? 1, free: r.freeQuantity ?? 0 };
  if (r.mechanismKind === 'tier') return { kind: 'tier', forcedMinQuantity: r.forcedMinQuantity ?? 1 };
  return {
    kind: 'percent',
    discountBp: r.discountBp ?? 0,
    minQuantityPerLine: r.minQuantityPerLine ?? 0,
    ...(r.minPalletsPerLine === null ? {} : { minPalletsPerLine: r.minPalletsPerLine }),
  };
}

/** core's Promotion: an empty list of customers or typologies means "not restricted by it" (null). */
export function toPromotion(r: repo.PromotionRow): PromotionView {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    pitchFr: r.pitchFr,
    ...(r.pitchEn ? { pitchEn: r.pitchEn } : {}),
    from: r.dateFrom,
    to: r.dateTo,
    customerIds: r.customerIds.length ? r.customerIds : null,
    typologies: r.typologies ? (r.typologies.split(',') as Typology[]) : null,
    productIds: r.productIds,
    mechanism: toMechanism(r),
    updatedAt: r.updatedAt,
  };
}

function mechanismErrors(m: MechanismInput): FieldError[] {
  const need = (field: keyof MechanismInput): FieldError[] =>
    m[field] === undefined
      ? [{ path: `mechanism.${field}`, code: 'required', params: {}, message: `is required for a ${m.kind} promotion` }]
      : [];
  const forbid = (fields: (keyof MechanismInput)[]): FieldError[] =>
    fields
      .filter((f) => m[f] !== undefined)
      .map((f) => ({
        path: `mechanism.${f}`,
        code: 'not-for-mechanism',
        params: { kind: m.kind },
        message: `does not apply to a ${m.kind} promotion`,
      }));
  if (m.kind === 'percent') {
    return [
      ...need('discountBp'),
      ...(m.discountBp === 0
        ? [
            {
              path: 'mechanism.discountBp',
              code: 'out-of-range' as const,
              params: { comparison: '>', limit: 0 },
              message: 'must be above 0',
            },
          ]
        : []),
      ...forbid(['buy', 'free', 'forcedMinQuantity']),
    ];
  }
  if (m.kind === 'free-goods')
    return [...need('buy'), ...need('free'), ...forbid(['discountBp', 'minQuantityPerLine', 'minPalletsPerLine', 'forcedMinQuantity'])];
  return [...need('forcedMinQuantity'), ...forbid(['discountBp', 'minQuantityPerLine', 'minPalletsPerLine', 'buy', 'free'])];
}

async function checkPromotion(db: DbOrTrx, input: PromotionInput, exceptId: number | null): Promise<void> {
  const errors: FieldError[] = [];
  if (!isIsoDate(input.from))
    errors.push({ path: 'from', code: 'not-a-date', params: { value: input.from }, message: `${input.from} is not a date` });
  if (!isIsoDate(input.to))
    errors.push({ path: 'to', code: 'not-a-date', params: { value: input.to }, message: `${input.to} is not a date` });
  else if (input.to < input.from)
    errors.push({ path: 'to', code: 'before-start', params: { after: 'from' }, message: 'must not be before from' });
  errors.push(...mechanismErrors(input.mechanism));
  const [products, customers] = await Promise.all([
    existingProductIds(db, input.productIds),
    repo.existingCustomerIds(db, input.customerIds ?? []),
  ]);
  input.productIds.forEach((id, i) => {
    if (!products.has(id))
      errors.push({ path: `productIds.${i}`, code: 'not-found', params: { entity: 'product', id }, message: `no product ${id}` });
  });
  (input.customerIds ?? []).forEach((id, i) => {
    if (!customers.has(id))
      errors.push({ path: `customerIds.${i}`, code: 'not-found', params: { entity: 'customer', id }, message: `no customer ${id}` });
  });
  rejectInvalid(errors);
  const clash = await repo.findPromotionByCode(db, input.code);
  if (clash && clash.id !== exceptId) throw conflict('body.code', input.code, `Promotion code ${input.code} is already used`);
}

function promotionValues(input: PromotionInput, userId: number, now: Date): repo.PromotionValues {
  const m = input.mechanism;
  return {
    code: input.code,
    name: input.name,
    pitchFr: input.pitchFr,
    pitchEn: input.pitchEn?.trim() || null,
    dateFrom: input.from,
    dateTo: input.to,
    typologies: input.typologies?.length ? input.typologies.join(',') : null,
    mechanismKind: m.kind,
    discountBp: m.discountBp ?? null,
    minQuantityPerLine: m.kind === 'percent' ? (m.minQuantityPerLine ?? 0) : null,
    minPalletsPerLine: m.minPalletsPerLine ?? null,
    buyQuantity: m.buy ?? null,
    freeQuantity: m.free ?? null,
    forcedMinQuantity: m.forcedMinQuantity ?? null,
    updatedBy: userId,
    updatedAt: now.toISOString(),
  };
}

/** Promotions, newest first; `on` keeps those running that day, `customerId` those open to that customer. */
export async function listPromotions(db: DbOrTrx, filter: { on?: string; customerId?: number }): Promise<PromotionView[]> {
  const rows = await repo.listPromotions(db, filter.on ? { overlapping: { from: filter.on, to: filter.on } } : {});
  let list = rows.map(toPromotion);
  if (filter.customerId !== undefined) {
    const customer = await findCustomer(db, filter.customerId);
    if (!customer) throw notFound('Customer', filter.customerId);
    list = list.filter((p) => isCustomerEligible(p, { id: customer.id, typology: customer.typology as Typology }));
  }
  return list;
}

export async function getPromotion(db: DbOrTrx, id: number): Promise<PromotionView> {
  const row = await repo.findPromotion(db, id);
  if (!row) throw notFound('Promotion', id);
  return toPromotion(row);
}

export async function createPromotion(db: Db, input: PromotionInput, userId: number, now: Date): Promise<PromotionView> {
  await checkPromotion(db, input, null);
  return db.transaction().execute(async (trx) => {
    const id = await repo.insertPromotion(trx, promotionValues(input, userId, now));
    await repo.replacePromotionLinks(trx, id, input.productIds, input.customerIds ?? []);
    const created = await getPromotion(trx, id);
    await recordAudit(trx, { entityType: 'promotion', entityId: id, action: 'create', userId, after: created, at: now.toISOString() });
    return created;
  });
}

export async function updatePromotion(db: Db, id: number, input: PromotionInput, userId: number, now: Date): Promise<PromotionView> {
  const before = await getPromotion(db, id);
  await checkPromotion(db, input, id);
  return db.transaction().execute(async (trx) => {
    await repo.updatePromotion(trx, id, promotionValues(input, userId, now));
    await repo.replacePromotionLinks(trx, id, input.productIds, input.customerIds ?? []);
    const after = await getPromotion(trx, id);
    await recordAudit(trx, { entityType: 'promotion', entityId: id, action: 'update', userId, before, after, at: now.toISOString() });
    return after;
  });
}
