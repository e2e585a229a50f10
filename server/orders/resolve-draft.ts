import { type IsoDate, isIsoDate } from '../../core/calendar/dates.ts';
import type { Product } from '../../core/catalog/product.ts';
import type { Channel, Customer, DeliveryPoint } from '../../core/customers/customer.ts';
import { MAX_LINE_QUANTITY } from '../../core/orders/order-limits.ts';
import type { OrderDraft } from '../../core/orders/order-draft.types.ts';
import type { RulesContext } from '../../core/orders/rules-context.types.ts';
import { rules, type RulesResult } from '../../core/orders/rules.ts';
import type { OrderTotals } from '../../core/orders/totals.ts';
import type { PricedCharge } from '../../core/pricing/pricing.types.ts';
import type { DbOrTrx } from '../db/database.ts';
import { AppError, type FieldError } from '../errors.ts';
import { findProductsByGtins, findProductsByIds } from '../catalog/products.repository.ts';
import { toProduct } from '../catalog/products.service.ts';
import { toCustomer, toDeliveryPoint } from '../customers/customer.mapping.ts';
import { findCustomer, listDeliveryPoints } from '../customers/customers.repository.ts';
import { listCustomerCodes } from './order-context.repository.ts';
import { type CustomerCodeRef, earliestDateFor } from './order-context.ts';
import { orderRulesContext } from './order-rules.ts';

export type OrderLineInput = {
  productId?: number;
  gtin?: string;
  customerCode?: string;
  quantity: number;
  /** EDI PRI: checked by price-mismatch. */
  expectedUnitPriceCents?: number;
  /** EDI: the buyer's line number (LIN), answered by the ORDRSP. */
  customerLineNo?: number;
  /** EDI: our sale units in one unit he ordered in (a case), when more than one: the ORDRSP answers in his unit. */
  customerUnitFactor?: number;
};

/**
 * What a stored line carries that an edit does not type again: the customer's code, what he asked by EDI (price,
 * line number, quantity) and the price the desk agreed. It follows the product to the edited line.
 */
export type CarriedLine = {
  productId: number;
  customerCode: string | null;
  expectedUnitPriceCents: number | null;
  agreedUnitPriceCents: number | null;
  customerLineNo: number | null;
  orderedQuantity: number | null;
  customerUnitFactor?: number | null;
};
export type OrderInput = {
  customerId: number;
  deliveryPointId?: number;
  requestedDate?: string;
  customerRef?: string;
  channel: Channel;
  note?: string;
  lines: OrderLineInput[];
  /** What the customer's EDI order states for a shortage (EDIFACT 4493); not part of the API body. */
  deliveryRequirement?: string | null;
};

export type ResolvedLine = {
  product: Product;
  customerCode: string | null;
  /** In our sale units: a customer code's unit factor is already applied. */
  quantity: number;
  unitPriceCents: number;
  netCents: number;
  vatRateBp: number;
  promotionId: number | null;
  freeQuantity: number;
  expectedUnitPriceCents: number | null;
  agreedUnitPriceCents: number | null;
  customerLineNo: number | null;
  /** What the customer asked by EDI, in our sale units; null for an order not taken by EDI. */
  orderedQuantity: number | null;
  /** EDI: our sale units in one unit he ordered in; null: he ordered in ours. */
  customerUnitFactor: number | null;
};

export type ResolvedDraft = {
  customer: Customer;
  deliveryPoint: DeliveryPoint;
  requestedDate: IsoDate | null;
  customerRef: string | null;
  channel: Channel;
  note: string | null;
  lines: ResolvedLine[];
  charges: PricedCharge[];
  totals: OrderTotals;
  /** What the rules said, on the context they read: findings and suggestions refer to `lines` by index. */
  rules: RulesResult;
  context: RulesContext;
};

/** A stored order being edited: its prices follow the day it was taken, and it is not its own open order. */
export type ResolveOptions = { orderDate?: IsoDate; excludeOrderId?: number; now: Date; carried?: readonly CarriedLine[] };

const unprocessable = (errors: FieldError[]) =>
  new AppError('UNPROCESSABLE', `The order cannot be taken: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`, errors);

export const unknownCustomer = (id: number) =>
  unprocessable([{ path: 'body.customerId', code: 'not-found', params: { entity: 'customer', id }, message: `no customer with id ${id}` }]);

const REFERENCES = ['productId', 'gtin', 'customerCode'] as const;

const sortByPath = (errors: FieldError[]) => errors.sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));

/** What resolving a draft reads of a customer: loaded for one order by `resolveDraft`, or once for many (EDI intake). */
export type DraftSources = {
  customer: Customer;
  deliveryPoints: readonly DeliveryPoint[];
  /** At least the products the lines name, by id, by GTIN or through the customer's codes. */
  products: ReadonlyMap<number, Product>;
  customerCodes: readonly CustomerCodeRef[];
};

/** A line matched to its product, in our sale units. */
export type MatchedLine = { index: number; product: Product; customerCode: string | null; quantity: number };

function shapeErrorsOf(input: OrderInput): void {
  const shapeErrors: FieldError[] = [];
  input.lines.forEach((line, i) => {
    const given = REFERENCES.filter((k) => line[k] !== undefined);
    if (given.length !== 1)
      shapeErrors.push({
        path: `body.lines.${i}`,
        code: 'one-product-reference',
        params: { given: given.length },
        message: `give exactly one of productId, gtin or customerCode (got ${given.length})`,
      });
  });
  if (shapeErrors.length) throw new AppError('VALIDATION', shapeErrors.map((e) => `${e.path}: ${e.message}`).join('; '), shapeErrors);
}

/**
 * Turns what was typed (or received) into priced lines against the customer's master data, or refuses it naming
 * every faulty field. Reads only: the caller writes the result in its own transaction.
 */
export async function resolveDraft(db: DbOrTrx, input: OrderInput, options: ResolveOptions): Promise<ResolvedDraft> {
  shapeErrorsOf(input);
  const customer = await findCustomer(db, input.customerId);
  if (!customer) throw unknownCustomer(input.customerId);

  const ids = [...new Set(input.lines.flatMap((l) => (l.productId === undefined ? [] : [l.productId])))];
  const gtins = [...new Set(input.lines.flatMap((l) => (l.gtin === undefined ? [] : [l.gtin])))];
  const codes = [...new Set(input.lines.flatMap((l) => (l.customerCode === undefined ? [] : [l.customerCode])))];
  const [pointRows, byIdRows, byGtinRows, codeRows] = await Promise.all([
    listDeliveryPoints(db, customer.id),
    findProductsByIds(db, ids),
    findProductsByGtins(db, gtins),
    listCustomerCodes(db, customer.id, codes),
  ]);
  const codedRows = await findProductsByIds(
    db,
    codeRows.map((c) => c.productId).filter((id) => !byIdRows.some((p) => p.id === id)),
  );
  const sources: DraftSources = {
    customer: toCustomer(customer),
    deliveryPoints: pointRows.map(toDeliveryPoint),
    products: new Map([...byIdRows, ...byGtinRows, ...codedRows].map((r) => [r.id, toProduct(r)])),
    customerCodes: codeRows,
  };
  const { deliveryPoint, matched } = matchDraft(sources, input);

  const now = options.now;
  const context = await orderRulesContext(db, {
    customer,
    deliveryPoint,
    products: new Map(matched.map((m) => [m.product.id, m.product])),
    now,
    orderDate: options.orderDate,
    excludeOrderId: options.excludeOrderId,
    withAvailability: true,
    takesGestures: input.channel !== 'edi',
  });
  return priceDraft(sources.customer, input, deliveryPoint, matched, context, { orderDate: options.orderDate, carried: options.carried });
}

/** The delivery point and the lines' products, or the 422 naming every line and field that matches nothing. Pure. */
export function matchDraft(sources: DraftSources, input: OrderInput): { deliveryPoint: DeliveryPoint; matched: MatchedLine[] } {
  shapeErrorsOf(input);
  const { customer, products } = sources;
  const errors: FieldError[] = [];
  const points = sources.deliveryPoints;
  const deliveryPoint =
    input.deliveryPointId === undefined
      ? (points.find((p) => p.isDefault) ?? points[0])
      : points.find((p) => p.id === input.deliveryPointId);
  if (!deliveryPoint) {
    errors.push(
      input.deliveryPointId === undefined
        ? {
            path: 'body.deliveryPointId',
            code: 'no-delivery-point',
            params: { customer: customer.code },
            message: `customer ${customer.code} has no delivery point`,
          }
        : {
            path: 'body.deliveryPointId',
            code: 'not-found',
            params: { entity: 'delivery-point', id: input.deliveryPointId },
            message: `delivery point ${input.deliveryPointId} is not one of customer ${customer.code}'s`,
          },
    );
  }
  if (input.requestedDate !== undefined && !isIsoDate(input.requestedDate))
    errors.push({
      path: 'body.requestedDate',
      code: 'not-a-date',
      params: { value: input.requestedDate },
      message: `${input.requestedDate} is not a date`,
    });

  const byGtin = new Map<string, Product>();
  if (input.lines.some((l) => l.gtin !== undefined))
    for (const p of products.values()) for (const g of [p.gtin, p.caseGtin]) if (g) byGtin.set(g, p);
  const byCode = new Map(sources.customerCodes.map((c) => [c.code, c]));

  const matched: MatchedLine[] = [];
  input.lines.forEach((line, i) => {
    if (line.productId !== undefined) {
      const product = products.get(line.productId);
      if (product) matched.push({ index: i, product, customerCode: null, quantity: line.quantity });
      else
        errors.push({
          path: `body.lines.${i}.productId`,
          code: 'not-found',
          params: { entity: 'product', id: line.productId },
          message: `no product with id ${line.productId}`,
        });
    } else if (line.gtin !== undefined) {
      const product = byGtin.get(line.gtin);
      if (product) matched.push({ index: i, product, customerCode: null, quantity: line.quantity });
      else
        errors.push({
          path: `body.lines.${i}.gtin`,
          code: 'not-found',
          params: { entity: 'product', id: line.gtin },
          message: `no product has GTIN ${line.gtin}`,
        });
    } else if (line.customerCode !== undefined) {
      const code = byCode.get(line.customerCode);
      const product = code && products.get(code.productId);
      if (!code || !product)
        errors.push({
          path: `body.lines.${i}.customerCode`,
          code: 'not-found',
          params: { entity: 'customer-product-code', id: line.customerCode },
          message: `${line.customerCode} is not a product code of customer ${customer.code}`,
        });
      else if (line.quantity * code.unitFactor > MAX_LINE_QUANTITY) {
        errors.push({
          path: `body.lines.${i}.quantity`,
          code: 'out-of-range',
          params: { comparison: '<=', limit: MAX_LINE_QUANTITY },
          message: `${line.quantity} × ${code.unitFactor} (the unit factor of ${code.code}) is more than ${MAX_LINE_QUANTITY} on one line`,
        });
      } else matched.push({ index: i, product, customerCode: code.code, quantity: line.quantity * code.unitFactor });
    }
  });

  if (errors.length) throw unprocessable(sortByPath(errors));
  return { deliveryPoint: deliveryPoint!, matched };
}

/** Each stored line's carried data goes to the first edited line of the same product, once. */
function carryOver(matched: readonly { product: Product }[], carried: readonly CarriedLine[]): (CarriedLine | undefined)[] {
  const left = [...carried];
  return matched.map((m) => {
    const i = left.findIndex((c) => c.productId === m.product.id);
    return i < 0 ? undefined : left.splice(i, 1)[0];
  });
}

/**
 * Prices and checks the matched lines by the same rules the entry screen runs, on the customer's full commercial
 * context, or refuses a line nothing prices. Pure: the context was read by the caller, its `today` is the clock.
 */
export function priceDraft(
  customer: Customer,
  input: OrderInput,
  deliveryPoint: DeliveryPoint,
  matched: readonly MatchedLine[],
  context: RulesContext,
  options: { orderDate?: IsoDate; suggest?: boolean; carried?: readonly CarriedLine[] } = {},
): ResolvedDraft {
  const requestedDate = input.requestedDate ?? earliestDateFor(deliveryPoint, context.today);
  const kept = carryOver(matched, options.carried ?? []);
  const asked = matched.map((m, k) => {
    const line = input.lines[m.index];
    const expected = line.expectedUnitPriceCents ?? kept[k]?.expectedUnitPriceCents ?? null;
    const customerLineNo = line.customerLineNo ?? kept[k]?.customerLineNo ?? null;
    return {
      expected,
      // An agreed price answers one expected price: a new price from the customer asks again.
      agreed: kept[k] && kept[k].expectedUnitPriceCents === expected ? kept[k].agreedUnitPriceCents : null,
      customerCode: m.customerCode ?? kept[k]?.customerCode ?? null,
      customerLineNo,
      orderedQuantity: kept[k]?.orderedQuantity ?? (customerLineNo === null ? null : m.quantity),
      customerUnitFactor: line.customerUnitFactor ?? kept[k]?.customerUnitFactor ?? null,
    };
  });
  const draft: OrderDraft = {
    lines: matched.map((m, k) => ({
      productId: m.product.id,
      quantity: m.quantity,
      ...(asked[k].expected === null ? {} : { expectedUnitPriceCents: asked[k].expected }),
      ...(asked[k].agreed === null ? {} : { agreedUnitPriceCents: asked[k].agreed }),
    })),
    deliveryPointId: deliveryPoint.id,
    requestedDate,
    orderDate: options.orderDate,
  };
  const result = rules(draft, context, { suggest: options.suggest });
  const priced = result.priced;
  const errors: FieldError[] = [];
  matched.forEach((m, k) => {
    if (priced.lines[k].unitPriceCents === null) {
      errors.push({
        path: `body.lines.${m.index}`,
        code: 'no-price',
        params: { product: m.product.code, customer: customer.code },
        message: `${m.product.code} has no price for customer ${customer.code} (price list, agreement or promotion)`,
      });
    }
  });
  if (errors.length) throw unprocessable(sortByPath(errors));

  return {
    customer,
    deliveryPoint,
    requestedDate,
    customerRef: input.customerRef?.trim() || null,
    channel: input.channel,
    note: input.note?.trim() || null,
    charges: priced.charges,
    totals: priced.totals,
    rules: result,
    context,
    lines: matched.map((m, k) => ({
      product: m.product,
      customerCode: asked[k].customerCode,
      quantity: m.quantity,
      unitPriceCents: priced.lines[k].unitPriceCents!,
      netCents: priced.lines[k].netCents,
      vatRateBp: priced.lines[k].vatRateBp,
      promotionId: priced.lines[k].promotionId,
      freeQuantity: priced.lines[k].freeQuantity,
      expectedUnitPriceCents: asked[k].expected,
      agreedUnitPriceCents: asked[k].agreed,
      customerLineNo: asked[k].customerLineNo,
      orderedQuantity: asked[k].orderedQuantity,
      customerUnitFactor: asked[k].customerUnitFactor,
    })),
  };
}
