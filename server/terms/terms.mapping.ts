import type { DeliverySurcharge, OrderMultiples, Terms, TermsArticles, TermsOverrides } from '../../core/terms/terms.types.ts';
import { DEFAULT_TRUCK } from '../../core/terms/terms.types.ts';
import type { Typology } from '../../core/customers/customer.ts';
import type { CustomerTermsRow, CustomerTermsValues, TermsOfSaleRow, TypologyTermsRow } from './terms.repository.ts';
import type { CustomerTermsInput, TypologyTermsInput } from '../../core/terms/terms.schemas.ts';

// Rows of the terms tables ↔ core's Terms and TermsOverrides. Nothing here reads the database.

const json = <T>(text: string | null, fallback: T): T => (text === null ? fallback : (JSON.parse(text) as T));

/** Terms when no version of the CGV covers the date, or it has no row for the typology: nothing is enforced. */
export const NO_TERMS: Terms = {
  reference: '—',
  articles: {},
  minOrderValueCents: null,
  minOrderPallets: null,
  minOrderSeverity: 'approval',
  franco: null,
  orderMultiples: { default: 'unit' },
  truck: { ...DEFAULT_TRUCK },
  priceMismatchToleranceCents: 0,
  priceConcessionApprovalCents: 0,
  creditCheck: false,
  surcharges: [],
};

export function toTypologyTerms(row: TypologyTermsRow): TypologyTermsInput {
  return {
    typology: row.typology as Typology,
    minOrderValueCents: row.minOrderValueCents,
    minOrderPallets: row.minOrderPallets,
    minOrderSeverity: row.minOrderSeverity as Terms['minOrderSeverity'],
    franco:
      row.francoMeasure === null
        ? null
        : {
            measure: row.francoMeasure as 'value' | 'pallets',
            threshold: Number(row.francoThreshold ?? 0),
            feeBelowCents: Number(row.francoFeeBelowCents ?? 0),
          },
    orderMultiples: json<OrderMultiples>(row.orderMultiplesJson, { default: 'unit' }),
    leadTimeDays: row.leadTimeDays,
    cutoffTime: row.cutoffTime,
    truck: { maxPallets: row.truckMaxPallets, maxWeightG: Number(row.truckMaxWeightG) },
    priceMismatchToleranceCents: row.priceMismatchToleranceCents,
    priceConcessionApprovalCents: Number(row.priceConcessionApprovalCents),
    creditCheck: row.creditCheck === 1,
    surcharges: json<DeliverySurcharge[]>(row.surchargesJson, []),
  };
}

export function typologyValues(termsId: number, t: TypologyTermsInput): TypologyTermsRow {
  return {
    termsId,
    typology: t.typology,
    minOrderValueCents: t.minOrderValueCents,
    minOrderPallets: t.minOrderPallets,
    minOrderSeverity: t.minOrderSeverity,
    francoMeasure: t.franco?.measure ?? null,
    francoThreshold: t.franco?.threshold ?? null,
    francoFeeBelowCents: t.franco?.feeBelowCents ?? null,
    orderMultiplesJson: JSON.stringify(t.orderMultiples),
    leadTimeDays: t.leadTimeDays,
    cutoffTime: t.cutoffTime,
    truckMaxPallets: t.truck.maxPallets,
    truckMaxWeightG: t.truck.maxWeightG,
    priceMismatchToleranceCents: t.priceMismatchToleranceCents,
    priceConcessionApprovalCents: t.priceConcessionApprovalCents,
    creditCheck: t.creditCheck ? 1 : 0,
    surchargesJson: JSON.stringify(t.surcharges),
  };
}

/** The CGV of one typology as the rules read them (lead time and cut-off live on the delivery point). */
export function baseTerms(version: TermsOfSaleRow | undefined, row: TypologyTermsRow | undefined): Terms {
  if (!version || !row) return NO_TERMS;
  const { typology: _t, leadTimeDays: _l, cutoffTime: _c, ...t } = toTypologyTerms(row);
  return { reference: version.name, articles: json<TermsArticles>(version.articlesJson, {}), ...t };
}

/** The stored overrides as the API shows them: every field present, null = inherited. */
export function toCustomerTermsInput(row: CustomerTermsRow | undefined): Required<CustomerTermsInput> {
  return {
    reference: row?.reference ?? null,
    articles: json<TermsArticles | null>(row?.articlesJson ?? null, null),
    minOrderValueCents: row?.minOrderValueCents ?? null,
    minOrderPallets: row?.minOrderPallets ?? null,
    minOrderSeverity: (row?.minOrderSeverity ?? null) as Terms['minOrderSeverity'] | null,
    franco:
      row?.francoMeasure == null
        ? null
        : {
            measure: row.francoMeasure as 'value' | 'pallets',
            threshold: Number(row.francoThreshold ?? 0),
            feeBelowCents: Number(row.francoFeeBelowCents ?? 0),
          },
    orderMultiples: json<Required<CustomerTermsInput>['orderMultiples']>(row?.orderMultiplesJson ?? null, null),
    truckMaxPallets: row?.truckMaxPallets ?? null,
    truckMaxWeightG: row?.truckMaxWeightG == null ? null : Number(row.truckMaxWeightG),
    priceMismatchToleranceCents: row?.priceMismatchToleranceCents ?? null,
    priceConcessionApprovalCents: row?.priceConcessionApprovalCents == null ? null : Number(row.priceConcessionApprovalCents),
    creditCheck: row?.creditCheck == null ? null : row.creditCheck === 1,
    surcharges: json<Required<CustomerTermsInput>['surcharges']>(row?.surchargesJson ?? null, null),
  };
}

export function customerTermsValues(input: CustomerTermsInput, userId: number | null, now: string): CustomerTermsValues {
  const opt = <T>(v: T | null | undefined) => (v === undefined ? null : v);
  return {
    reference: opt(input.reference),
    articlesJson: input.articles == null ? null : JSON.stringify(input.articles),
    minOrderValueCents: opt(input.minOrderValueCents),
    minOrderPallets: opt(input.minOrderPallets),
    minOrderSeverity: opt(input.minOrderSeverity),
    francoMeasure: input.franco?.measure ?? null,
    francoThreshold: input.franco?.threshold ?? null,
    francoFeeBelowCents: input.franco?.feeBelowCents ?? null,
    orderMultiplesJson: input.orderMultiples == null ? null : JSON.stringify(input.orderMultiples),
    truckMaxPallets: opt(input.truckMaxPallets),
    truckMaxWeightG: opt(input.truckMaxWeightG),
    priceMismatchToleranceCents: opt(input.priceMismatchToleranceCents),
    priceConcessionApprovalCents: opt(input.priceConcessionApprovalCents),
    creditCheck: input.creditCheck == null ? null : input.creditCheck ? 1 : 0,
    surchargesJson: input.surcharges == null ? null : JSON.stringify(input.surcharges),
    updatedBy: userId,
    updatedAt: now,
  };
}

/** core's TermsOverrides: only what the customer's agreement sets; the truck is completed from the base. */
export function termsOverrides(o: Required<CustomerTermsInput>, base: Terms): TermsOverrides {
  const out: { -readonly [K in keyof Terms]?: Terms[K] } = {};
  if (o.reference !== null) out.reference = o.reference;
  if (o.articles !== null) out.articles = o.articles;
  if (o.minOrderValueCents !== null) out.minOrderValueCents = o.minOrderValueCents;
  if (o.minOrderPallets !== null) out.minOrderPallets = o.minOrderPallets;
  if (o.minOrderSeverity !== null) out.minOrderSeverity = o.minOrderSeverity;
  if (o.franco !== null) out.franco = o.franco;
  if (o.orderMultiples !== null) out.orderMultiples = o.orderMultiples;
  if (o.truckMaxPallets !== null || o.truckMaxWeightG !== null) {
    out.truck = { maxPallets: o.truckMaxPallets ?? base.truck.maxPallets, maxWeightG: o.truckMaxWeightG ?? base.truck.maxWeightG };
  }
  if (o.priceMismatchToleranceCents !== null) out.priceMismatchToleranceCents = o.priceMismatchToleranceCents;
  if (o.priceConcessionApprovalCents !== null) out.priceConcessionApprovalCents = o.priceConcessionApprovalCents;
  if (o.creditCheck !== null) out.creditCheck = o.creditCheck;
  if (o.surcharges !== null) out.surcharges = o.surcharges;
  return out;
}

/** Whole-field replacement, as core's TermsOverrides means it: no deep merge surprises. */
export function mergeTerms(base: Terms, overrides: TermsOverrides): Terms {
  return { ...base, ...overrides };
}
