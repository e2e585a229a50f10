import type { Static } from '@sinclair/typebox';
import { isIsoDate, parisNow } from '../../core/calendar/dates.ts';
import { TYPOLOGIES } from '../../core/customers/customer.ts';
import type { Typology } from '../../core/customers/customer-enums.ts';
import { DEFAULT_CLAIM_TERMS } from '../../core/terms/claim-terms.ts';
import type { Terms } from '../../core/terms/terms.types.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { existingProductIds } from '../catalog/products.repository.ts';
import { findCustomer } from '../customers/customers.repository.ts';
import type { Db, DbOrTrx, Trx } from '../db/database.ts';
import type { FieldError } from '../errors.ts';
import { notFound } from '../errors.ts';
import { rejectInvalid } from '../http/field-errors.ts';
import {
  baseTerms,
  customerTermsValues,
  mergeTerms,
  termsOverrides,
  toCustomerTermsInput,
  toTypologyTerms,
  typologyValues,
} from './terms.mapping.ts';
import * as repo from './terms.repository.ts';
import { listClaimTerms, replaceClaimTerms } from './claim-terms.repository.ts';
import { toClaimTerms } from './claim-terms.ts';
import type { ClaimTermsTable } from './terms.table.ts';
import type {
  AssortmentInput,
  CustomerTermsInput,
  CustomerTermsSchema,
  TermsOfSaleInput,
  TypologyTermsInput,
} from '../../core/terms/terms.schemas.ts';

export type TermsOfSale = TermsOfSaleInput & { id: number; updatedAt: string };

/** A version with its table per typology, each with its claim terms (the CGV's usual figures where it says none). */
function toTermsOfSale(row: repo.TermsOfSaleRow, typologies: repo.TypologyTermsRow[], claims: ClaimTermsTable[]): TermsOfSale {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    validFrom: row.validFrom,
    validTo: row.validTo,
    articles: JSON.parse(row.articlesJson) as TermsOfSale['articles'],
    typologies: typologies
      .filter((t) => t.termsId === row.id)
      .map((t) => {
        const claim = claims.find((c) => c.termsId === row.id && c.typology === t.typology);
        return { ...toTypologyTerms(t), claims: claim ? toClaimTerms(claim) : DEFAULT_CLAIM_TERMS[t.typology as Typology] };
      })
      .sort((a, b) => TYPOLOGIES.indexOf(a.typology) - TYPOLOGIES.indexOf(b.typology)),
    updatedAt: row.updatedAt,
  };
}

/** Every version of the CGV, the newest first, each with its table of parameters per typology. */
export async function listTermsOfSale(db: DbOrTrx): Promise<TermsOfSale[]> {
  const versions = await repo.listTermsOfSale(db);
  const ids = versions.map((v) => v.id);
  const [typologies, claims] = await Promise.all([repo.listTypologyTerms(db, ids), listClaimTerms(db, ids)]);
  return versions.map((v) => toTermsOfSale(v, typologies, claims));
}

function surchargeErrors(path: string, surcharges: TypologyTermsInput['surcharges']): FieldError[] {
  return surcharges.flatMap((s, j) => [
    ...(!s.weekdays?.length && !s.dates?.length
      ? [{ path: `${path}.${j}`, code: 'required' as const, params: {}, message: 'give the weekdays or the dates it applies to' }]
      : []),
    ...(s.dates ?? []).flatMap((d, k) =>
      isIsoDate(d)
        ? []
        : [{ path: `${path}.${j}.dates.${k}`, code: 'not-a-date' as const, params: { value: d }, message: `${d} is not a date` }],
    ),
  ]);
}

function termsOfSaleErrors(input: TermsOfSaleInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!isIsoDate(input.validFrom))
    errors.push({ path: 'validFrom', code: 'not-a-date', params: { value: input.validFrom }, message: `${input.validFrom} is not a date` });
  if (input.validTo !== null && !isIsoDate(input.validTo))
    errors.push({ path: 'validTo', code: 'not-a-date', params: { value: input.validTo }, message: `${input.validTo} is not a date` });
  else if (input.validTo !== null && input.validTo < input.validFrom)
    errors.push({ path: 'validTo', code: 'before-start', params: { after: 'validFrom' }, message: 'must not be before validFrom' });
  const seen = new Set<string>();
  input.typologies.forEach((t, i) => {
    if (seen.has(t.typology))
      errors.push({ path: `typologies.${i}.typology`, code: 'duplicate', params: {}, message: `${t.typology} is given twice` });
    seen.add(t.typology);
    if (t.franco?.measure === 'pallets' && t.franco.threshold > t.truck.maxPallets) {
      errors.push({
        path: `typologies.${i}.franco.threshold`,
        code: 'out-of-range',
        params: { comparison: '<=', limit: t.truck.maxPallets },
        message: `a franco of ${t.franco.threshold} pallets cannot exceed the truck's ${t.truck.maxPallets}`,
      });
    }
    if (t.minOrderPallets !== null && t.minOrderPallets > t.truck.maxPallets) {
      errors.push({
        path: `typologies.${i}.minOrderPallets`,
        code: 'out-of-range',
        params: { comparison: '<=', limit: t.truck.maxPallets },
        message: `cannot exceed the truck's ${t.truck.maxPallets} pallets`,
      });
    }
    errors.push(...surchargeErrors(`typologies.${i}.surcharges`, t.surcharges));
  });
  for (const typology of TYPOLOGIES)
    if (!seen.has(typology))
      errors.push({ path: 'typologies', code: 'required', params: {}, message: `the terms of ${typology} are missing` });
  return errors;
}

/** Creates the version named by its code, or replaces its period, articles and table: audited with before and after. */
export async function saveTermsOfSale(db: Db, input: TermsOfSaleInput, userId: number, now: Date): Promise<TermsOfSale> {
  rejectInvalid(termsOfSaleErrors(input));
  return db.transaction().execute(async (trx) => {
    const existing = await repo.findTermsOfSaleByCode(trx, input.code);
    const read = async (row: repo.TermsOfSaleRow) =>
      toTermsOfSale(row, await repo.listTypologyTerms(trx, [row.id]), await listClaimTerms(trx, [row.id]));
    const before = existing ? await read(existing) : undefined;
    const values = {
      code: input.code,
      name: input.name,
      validFrom: input.validFrom,
      validTo: input.validTo,
      articlesJson: JSON.stringify(input.articles),
      updatedBy: userId,
      updatedAt: now.toISOString(),
    };
    const id = existing ? existing.id : await repo.insertTermsOfSale(trx, values);
    if (existing) await repo.updateTermsOfSale(trx, id, values);
    await repo.replaceTypologyTerms(
      trx,
      id,
      input.typologies.map((t) => typologyValues(id, t)),
    );
    await replaceClaimTerms(
      trx,
      id,
      input.typologies.flatMap((t) => (t.claims ? [{ termsId: id, typology: t.typology, ...t.claims }] : [])),
    );
    const saved = await read((await repo.findTermsOfSaleByCode(trx, input.code))!);
    await recordAudit(trx, {
      entityType: 'terms_of_sale',
      entityId: id,
      action: existing ? 'update' : 'create',
      userId,
      before,
      after: saved,
      at: now.toISOString(),
    });
    return saved;
  });
}

/** The typology's CGV in force on a date (neutral terms when no version covers it), and that version's code. */
export async function typologyTermsOn(db: DbOrTrx, typology: string, date: string): Promise<{ code: string | null; terms: Terms }> {
  const version = await repo.findTermsOfSaleOn(db, date);
  const row = version && (await repo.findTypologyTerms(db, version.id, typology));
  return { code: version?.code ?? null, terms: baseTerms(version, row) };
}

/** The customer's terms: its typology's CGV merged with its own agreement (the agreement's fields win, whole). */
export async function customerTermsOn(db: DbOrTrx, customer: { id: number; typology: string }, date: string) {
  const [{ code, terms: base }, row] = await Promise.all([
    typologyTermsOn(db, customer.typology, date),
    repo.findCustomerTerms(db, customer.id),
  ]);
  const overrides = toCustomerTermsInput(row);
  return { code, base, overrides, effective: mergeTerms(base, termsOverrides(overrides, base)), updatedAt: row?.updatedAt ?? null };
}

/** Credit figures: limit (0 = none set), unpaid invoices from the ERP, open orders computed from the orders. */
export async function creditOf(db: DbOrTrx, customer: { id: number; creditLimitCents: number }, exceptOrderId?: number) {
  const [credit, openOrdersCents] = await Promise.all([
    repo.findCredit(db, customer.id),
    repo.openOrdersGrossCents(db, customer.id, exceptOrderId),
  ]);
  return {
    limitCents: customer.creditLimitCents > 0 ? Number(customer.creditLimitCents) : null,
    unpaidBalanceCents: Number(credit?.unpaidBalanceCents ?? 0),
    overdueCents: Number(credit?.overdueCents ?? 0),
    openOrdersCents,
    asOf: credit?.asOf ?? null,
  };
}

async function requireCustomer(db: DbOrTrx, customerId: number) {
  const customer = await findCustomer(db, customerId);
  if (!customer) throw notFound('Customer', customerId);
  return customer;
}

export type CustomerTermsView = Static<typeof CustomerTermsSchema>;

export async function getCustomerTerms(db: DbOrTrx, customerId: number, now: Date): Promise<CustomerTermsView> {
  const customer = await requireCustomer(db, customerId);
  const [terms, credit] = await Promise.all([customerTermsOn(db, customer, parisNow(now).date), creditOf(db, customer)]);
  return {
    customerId,
    typology: customer.typology as (typeof TYPOLOGIES)[number],
    termsCode: terms.code,
    overrides: terms.overrides,
    // core's Terms are readonly; the API's shape is the same, writable.
    base: terms.base,
    effective: terms.effective,
    credit,
    updatedAt: terms.updatedAt,
  };
}

/** Replaces the customer's overrides (absent or null = inherit): audited with before and after. */
export async function saveCustomerTerms(db: Db, customerId: number, input: CustomerTermsInput, userId: number, now: Date) {
  await requireCustomer(db, customerId);
  const errors: FieldError[] = input.surcharges ? surchargeErrors('surcharges', input.surcharges) : [];
  if (input.franco?.measure === 'pallets' && input.truckMaxPallets != null && input.franco.threshold > input.truckMaxPallets) {
    errors.push({
      path: 'franco.threshold',
      code: 'out-of-range',
      params: { comparison: '<=', limit: input.truckMaxPallets },
      message: `a franco of ${input.franco.threshold} pallets cannot exceed the truck's ${input.truckMaxPallets}`,
    });
  }
  rejectInvalid(errors);
  await db.transaction().execute(async (trx) => {
    const before = toCustomerTermsInput(await repo.findCustomerTerms(trx, customerId));
    await repo.upsertCustomerTerms(trx, customerId, customerTermsValues(input, userId, now.toISOString()));
    const after = toCustomerTermsInput(await repo.findCustomerTerms(trx, customerId));
    await recordAudit(trx, {
      entityType: 'customer_terms',
      entityId: customerId,
      action: 'update',
      userId,
      before,
      after,
      at: now.toISOString(),
    });
  });
  return getCustomerTerms(db, customerId, now);
}

export async function getAssortment(db: DbOrTrx, customerId: number) {
  await requireCustomer(db, customerId);
  return { customerId, ...(await repo.findAssortment(db, customerId)) };
}

/** The agreed assortment, replaced whole; a restricted one lists at least one product. Audited. */
export async function saveAssortment(db: Db, customerId: number, input: AssortmentInput, userId: number, now: Date) {
  await requireCustomer(db, customerId);
  const known = await existingProductIds(db, input.productIds);
  const errors: FieldError[] = input.productIds.flatMap((id, i) =>
    known.has(id) ? [] : [{ path: `productIds.${i}`, code: 'not-found', params: { entity: 'product', id }, message: `no product ${id}` }],
  );
  if (input.restricted && input.productIds.length === 0)
    errors.push({
      path: 'productIds',
      code: 'too-few',
      params: { limit: 1 },
      message: 'a restricted assortment lists at least one product',
    });
  rejectInvalid(errors);
  return db.transaction().execute(async (trx) => {
    const before = await repo.findAssortment(trx, customerId);
    await repo.replaceAssortment(trx, customerId, input.restricted, input.productIds, now.toISOString());
    const after = await repo.findAssortment(trx, customerId);
    const ids = (a: typeof before) => ({ restricted: a.restricted, productIds: a.products.map((p) => p.productId) });
    await recordAudit(trx, {
      entityType: 'customer_assortment',
      entityId: customerId,
      action: 'update',
      userId,
      before: ids(before),
      after: ids(after),
      at: now.toISOString(),
    });
    return { customerId, ...after };
  });
}

/**
 * One product joins the customer's restricted assortment: a manager's answer to a line outside it (`not-listed`),
 * so the customer's next orders of it pass. Audited like any change of the assortment. False when there was
 * nothing to add (an open assortment, or the product already listed).
 */
export async function addToAssortment(trx: Trx, customerId: number, productId: number, userId: number, now: Date): Promise<boolean> {
  const before = await repo.findAssortment(trx, customerId);
  const ids = before.products.map((p) => p.productId);
  if (!before.restricted || ids.includes(productId)) return false;
  await repo.addAssortmentProduct(trx, customerId, productId, now.toISOString());
  await recordAudit(trx, {
    entityType: 'customer_assortment',
    entityId: customerId,
    action: 'add-product',
    userId,
    before: { restricted: true, productIds: ids },
    after: { restricted: true, productIds: [...ids, productId] },
    at: now.toISOString(),
  });
  return true;
}
