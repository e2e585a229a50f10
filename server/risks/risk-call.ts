import { price } from '../../core/pricing/price.ts';
import { riskOptions, type RiskOption, type RiskOptionsContext, supplyFlagsFor } from '../../core/risks/options.ts';
import { availability } from '../../core/stock/availability.ts';
import { type AvailabilityPayload, availabilityContext } from '../../core/stock/availability-context.ts';
import { pickWarehouse } from '../../core/stock/warehouse-choice.ts';
import type { DbOrTrx } from '../db/database.ts';
import { chooseOrderRecipient } from '../mail/order-contact.ts';
import { findOrderRow, listOrderLineRows, type OrderLineRow, type OrderRow } from '../orders/orders.repository.ts';
import { findClauseRow, findCustomerForPenalty } from '../penalties/penalties.repository.ts';
import { FRAME, toClause } from '../penalties/penalty-estimates.ts';
import { loadAvailabilityInput } from '../stock/availability-input.ts';
import { findSupplySettings } from '../stock/availability.repository.ts';
import { toSupplySettings } from '../stock/supply-settings.ts';
import { loadRulesContext } from '../terms/rules-context.ts';
import type { RiskRow } from './risks.repository.ts';
import { listPlannedLinesOfOrder } from '../deliveries/deliveries.repository.ts';
import { listWarehousesById } from '../stock/stock.repository.ts';
import { warehousePlace } from '../../core/stock/warehouse-place.ts';
import { penaltyCategories } from '../catalog/products.repository.ts';
import { findCustomerReach, listContactsById } from '../customers/customers.repository.ts';

// What the call screen needs of a risk: the options Carnet can offer (core/risks/options), the customer's contacts
// with the order contact first, and the situation and a script in two languages. Read in the caller's transaction
// when resolving, so the option applied is the one computed on the same data.

/** The warehouse that serves (or would serve) the line. */
export type ServingWarehouse = { id: number; code: string; name: string };
export type RiskCallContext = {
  order: OrderRow;
  lines: OrderLineRow[];
  options: RiskOption[];
  optionsContext: RiskOptionsContext | null;
  warehouse: ServingWarehouse | null;
};

/** What this order's planned deliveries hold is its own: seen from the order, it is available, not reserved. */
export function withoutOwnReservations(
  payload: AvailabilityPayload,
  held: readonly { warehouseId: number; productId: number; quantity: number }[],
): AvailabilityPayload {
  if (held.length === 0) return payload;
  return {
    ...payload,
    products: payload.products.map((p) => ({
      ...p,
      stockByWarehouse: p.stockByWarehouse.map((s) => ({
        ...s,
        reserved: Math.max(
          0,
          s.reserved -
            held.filter((h) => h.productId === p.productId && h.warehouseId === s.warehouseId).reduce((n, h) => n + h.quantity, 0),
        ),
      })),
    })),
  };
}

export async function loadRiskOptions(db: DbOrTrx, risk: RiskRow, now: Date): Promise<RiskCallContext> {
  const order = (await findOrderRow(db, risk.orderId))!;
  const lines = await listOrderLineRows(db, risk.orderId);
  const line = lines.find((l) => l.id === risk.orderLineId);
  const date = order.promisedDate ?? order.requestedDate;
  if (!line || !date || risk.shortfall <= 0) return { order, lines, options: [], optionsContext: null, warehouse: null };

  const [settings, clauseRow, customer, held, payload, warehouseRows] = await Promise.all([
    findSupplySettings(db, order.customerId),
    findClauseRow(db, order.customerId),
    findCustomerForPenalty(db, order.customerId),
    listPlannedLinesOfOrder(db, order.id),
    loadAvailabilityInput(db, [line.productId], order.customerId, { excludeOrderId: order.id }),
    listWarehousesById(db),
  ]);
  const avail = availabilityContext(withoutOwnReservations(payload, held));
  const lineDate = line.plannedDate ?? date;
  const own = availability(line.productId, lineDate, avail.byProduct.get(line.productId)!);
  // Where the line leaves from: its delivery once released, the warehouse a decision bound it to, else the one
  // release would choose by the same rule.
  const servedFrom =
    held.find((h) => h.orderLineId === line.id)?.warehouseId ??
    line.warehouseId ??
    pickWarehouse(
      line.quantity,
      own.byWarehouse.map((w) => ({ warehouseId: w.warehouseId, available: w.promisable })),
    );
  const warehouse = warehouseRows.find((w) => w.id === servedFrom) ?? null;
  const substituteIds = [...(avail.substitutes.get(line.productId) ?? [])];
  const shortfall = Math.min(line.quantity, risk.shortfall);
  // The substitutes at the customer's own prices, for the quantity that would replace the missing one.
  const rules = substituteIds.length
    ? await loadRulesContext(db, { customerId: order.customerId, deliveryPointId: order.deliveryPointId, productIds: substituteIds, now })
    : null;
  const priced = rules
    ? price(
        {
          lines: substituteIds.map((productId) => ({ productId, quantity: shortfall })),
          deliveryPointId: order.deliveryPointId,
          requestedDate: lineDate,
        },
        rules,
      )
    : null;
  const substitutes = substituteIds.flatMap((id, i) => {
    const product = rules?.products.get(id);
    if (!product) return [];
    const pl = priced!.lines[i];
    return [
      {
        productId: id,
        productCode: product.code,
        productName: product.name,
        promisable: availability(id, lineDate, avail.byProduct.get(id)!).promisable,
        unitPriceCents: pl.unitPriceCents,
        vatRateBp: pl.vatRateBp,
      },
    ];
  });
  const penaltyLines = lines.filter((l) => l.status === 'open');
  const categories = await penaltyCategories(
    db,
    penaltyLines.map((l) => l.productId),
  );
  const optionsContext: RiskOptionsContext = {
    promisedDate: lineDate,
    lines: penaltyLines.map((l) => ({
      lineId: l.id,
      productId: l.productId,
      productCode: l.productCode,
      category: categories.get(l.productId) ?? null,
      quantity: l.quantity,
      unitPriceCents: l.unitPriceCents,
    })),
    flags: supplyFlagsFor(toSupplySettings(order.customerId, settings), order.deliveryRequirement),
    earliestCompleteDate: own.earliestCompleteDate(line.quantity),
    substitutes,
    currentWarehouseId: servedFrom,
    warehouses: own.byWarehouse.map((w) => {
      const row = warehouseRows.find((r) => r.id === w.warehouseId);
      return {
        warehouseId: w.warehouseId,
        code: row?.code ?? String(w.warehouseId),
        place: row ? warehousePlace(row) : String(w.warehouseId),
        promisable: w.promisable,
      };
    }),
    clause: clauseRow ? toClause(clauseRow) : null,
    frame: FRAME,
    typology: customer?.typology ?? '',
  };
  return {
    order,
    lines,
    options: riskOptions({ orderLineId: line.id, shortfall: risk.shortfall }, optionsContext),
    optionsContext,
    warehouse,
  };
}

export async function listRiskContacts(db: DbOrTrx, customerId: number) {
  const [customer, contacts] = await Promise.all([findCustomerReach(db, customerId), listContactsById(db, customerId)]);
  const recipient = chooseOrderRecipient(customer, contacts);
  const first = recipient?.reason === 'order-contact' ? contacts.find((c) => c.name === recipient.name) : undefined;
  const ordered = first ? [first, ...contacts.filter((c) => c !== first)] : contacts;
  return { customerPhone: customer.phone, contacts: ordered.map((c) => ({ ...c, isOrderContact: c === first })) };
}

const fmtDate = (d: string, lang: 'fr' | 'en') =>
  new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(
    new Date(`${d}T00:00:00Z`),
  );

/** The situation in two lines, and what to say, in both languages. */
export function situation(
  risk: RiskRow,
  order: OrderRow,
  options: RiskOption[],
  contactName: string | null,
  warehouse: ServingWarehouse | null = null,
) {
  const unit = (risk.saleUnit ?? '').toLowerCase();
  const product = `${risk.productCode ?? ''} ${risk.productName ?? ''}`.trim();
  const ref = order.customerRef ? ` (réf. ${order.customerRef})` : '';
  const refEn = order.customerRef ? ` (ref. ${order.customerRef})` : '';
  const d = { fr: fmtDate(risk.promisedDate, 'fr'), en: fmtDate(risk.promisedDate, 'en') };
  const why =
    risk.cause === 'receipt-late'
      ? {
          fr: `La réception ${risk.receiptRef ?? ''} prévue à temps a glissé.`,
          en: `Receipt ${risk.receiptRef ?? ''} planned in time has slipped.`,
        }
      : risk.cause === 'production-shortfall'
        ? {
            fr: `La production ${risk.receiptRef ?? ''} est réduite par une baisse de production : elle ne couvre plus la ligne.`,
            en: `Production run ${risk.receiptRef ?? ''} is cut by a production shortfall: it no longer covers the line.`,
          }
        : risk.cause === 'stock-shortfall'
          ? warehouse
            ? {
                fr: `Le stock de l'entrepôt ${warehouse.code} ne couvre pas la ligne à la date promise.`,
                en: `Stock at warehouse ${warehouse.code} does not cover the line on the promised date.`,
              }
            : { fr: 'Le stock ne couvre pas la ligne à la date promise.', en: 'Stock does not cover the line on the promised date.' }
          : risk.cause === 'truck-capacity'
            ? { fr: 'La commande dépasse la capacité d’un camion.', en: 'The order is more than one truck carries.' }
            : { fr: 'Aucun rendez-vous n’est pris chez le client.', en: 'No delivery appointment is booked.' };
  const what =
    risk.shortfall > 0
      ? {
          fr: `Commande ${order.number}${ref} du ${d.fr} : il manquera ${risk.shortfall} ${unit} de ${product}.`,
          en: `Order ${order.number}${refEn} for ${d.en}: ${risk.shortfall} ${unit} of ${product} will be missing.`,
        }
      : { fr: `Commande ${order.number}${ref} du ${d.fr}.`, en: `Order ${order.number}${refEn} for ${d.en}.` };
  const offers = options.filter((o) => o.accepted).slice(0, 2);
  const hello = {
    fr: `Bonjour${contactName ? ` ${contactName}` : ''}, je vous appelle au sujet de votre commande ${order.number} livrable ${d.fr}.`,
    en: `Hello${contactName ? ` ${contactName}` : ''}, I am calling about your order ${order.number} due ${d.en}.`,
  };
  const script = {
    fr: [
      hello.fr,
      what.fr.replace(/^Commande [^:]+: /, '').replace(/^il/, 'Il'),
      offers.length ? `Nous pouvons vous proposer : ${offers.map((o) => o.label.fr).join(', ou ')}.` : 'Quelle solution vous arrange ?',
      'Que préférez-vous ?',
    ],
    en: [
      hello.en,
      what.en.replace(/^Order [^:]+: /, ''),
      offers.length ? `We can offer: ${offers.map((o) => o.label.en).join(', or ')}.` : 'What would suit you?',
      'Which do you prefer?',
    ],
  };
  return { situation: { fr: [what.fr, why.fr], en: [what.en, why.en] }, script };
}
