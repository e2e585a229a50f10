import { price } from '../../core/pricing/price.ts';
import { riskOptions, type RiskOption, type RiskOptionsContext, type SupplyFlags } from '../../core/risks/options.ts';
import { availability } from '../../core/stock/availability.ts';
import { availabilityContext } from '../../core/stock/availability-context.ts';
import type { DbOrTrx } from '../db/database.ts';
import { chooseOrderRecipient } from '../mail/order-contact.ts';
import { findOrderRow, listOrderLineRows, type OrderLineRow, type OrderRow } from '../orders/orders.repository.ts';
import { findClauseRow, findCustomerForPenalty } from '../penalties/penalties.repository.ts';
import { FRAME, toClause } from '../penalties/penalty-estimates.ts';
import { loadAvailabilityInput } from '../stock/availability-input.ts';
import { findSupplySettings } from '../stock/availability.repository.ts';
import { loadRulesContext } from '../terms/rules-context.ts';
import type { RiskRow } from './risks.repository.ts';

// What the call screen needs of a risk: the options Carnet can offer (core/risks/options), the customer's contacts
// with the order contact first, and the situation and a script in two languages. Read in the caller's transaction
// when resolving, so the option applied is the one computed on the same data.

const NO_FLAGS: SupplyFlags = { shipComplete: false, acceptsBackorders: false, acceptsPartial: false, acceptsSubstitutes: false, cancelIfLateDays: null };

export type RiskCallContext = { order: OrderRow; lines: OrderLineRow[]; options: RiskOption[]; optionsContext: RiskOptionsContext | null };

export async function loadRiskOptions(db: DbOrTrx, risk: RiskRow, now: Date): Promise<RiskCallContext> {
  const order = (await findOrderRow(db, risk.orderId))!;
  const lines = await listOrderLineRows(db, risk.orderId);
  const line = lines.find((l) => l.id === risk.orderLineId);
  const date = order.promisedDate ?? order.requestedDate;
  if (!line || !date || risk.shortfall <= 0) return { order, lines, options: [], optionsContext: null };

  const [settings, clauseRow, customer, payload] = await Promise.all([
    findSupplySettings(db, order.customerId),
    findClauseRow(db, order.customerId),
    findCustomerForPenalty(db, order.customerId),
    loadAvailabilityInput(db, [line.productId], order.customerId, { excludeOrderId: order.id }),
  ]);
  const avail = availabilityContext(payload);
  const own = availability(line.productId, date, avail.byProduct.get(line.productId)!);
  const substituteIds = [...(avail.substitutes.get(line.productId) ?? [])];
  const shortfall = Math.min(line.quantity, risk.shortfall);
  // The substitutes at the customer's own prices, for the quantity that would replace the missing one.
  const rules = substituteIds.length
    ? await loadRulesContext(db, { customerId: order.customerId, deliveryPointId: order.deliveryPointId, productIds: substituteIds, now })
    : null;
  const priced = rules ? price({ lines: substituteIds.map((productId) => ({ productId, quantity: shortfall })), deliveryPointId: order.deliveryPointId, requestedDate: date }, rules) : null;
  const substitutes = substituteIds.flatMap((id, i) => {
    const product = rules?.products.get(id);
    if (!product) return [];
    const pl = priced!.lines[i];
    return [{ productId: id, productCode: product.code, productName: product.name, promisable: availability(id, date, avail.byProduct.get(id)!).promisable, unitPriceCents: pl.unitPriceCents, vatRateBp: pl.vatRateBp }];
  });
  const penaltyLines = lines.filter((l) => l.status === 'open');
  const categories = new Map((await db.selectFrom('products').select(['id', 'penaltyCategory']).where('id', 'in', penaltyLines.map((l) => l.productId)).execute()).map((p) => [p.id, p.penaltyCategory]));
  const flags: SupplyFlags = settings
    ? { shipComplete: settings.shipComplete === 1, acceptsBackorders: settings.acceptsBackorders === 1, acceptsPartial: settings.acceptsPartial === 1, acceptsSubstitutes: settings.acceptsSubstitutes === 1, cancelIfLateDays: settings.cancelIfLateDays }
    : NO_FLAGS;
  const optionsContext: RiskOptionsContext = {
    promisedDate: date,
    lines: penaltyLines.map((l) => ({ lineId: l.id, productId: l.productId, productCode: l.productCode, category: categories.get(l.productId) ?? null, quantity: l.quantity, unitPriceCents: l.unitPriceCents })),
    flags,
    earliestCompleteDate: own.earliestCompleteDate(line.quantity),
    substitutes,
    // The warehouse is chosen at release from whichever holds the goods (the scan counts them all): a released
    // order's warehouse change is not offered yet.
    currentWarehouseId: null,
    warehouses: [],
    clause: clauseRow ? toClause(clauseRow) : null,
    frame: FRAME,
    typology: customer?.typology ?? '',
  };
  return { order, lines, options: riskOptions({ orderLineId: line.id, shortfall: risk.shortfall }, optionsContext), optionsContext };
}

export async function listRiskContacts(db: DbOrTrx, customerId: number) {
  const [customer, contacts] = await Promise.all([
    db.selectFrom('customers').select(['email', 'phone']).where('id', '=', customerId).executeTakeFirstOrThrow(),
    db.selectFrom('contacts').select(['id', 'name', 'role', 'phone', 'email', 'preferredHours']).where('customerId', '=', customerId).orderBy('id').execute(),
  ]);
  const recipient = chooseOrderRecipient(customer, contacts);
  const first = recipient?.reason === 'order-contact' ? contacts.find((c) => c.name === recipient.name) : undefined;
  const ordered = first ? [first, ...contacts.filter((c) => c !== first)] : contacts;
  return { customerPhone: customer.phone, contacts: ordered.map((c) => ({ ...c, isOrderContact: c === first })) };
}

const fmtDate = (d: string, lang: 'fr' | 'en') =>
  new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(`${d}T00:00:00Z`));

/** The situation in two lines, and what to say, in both languages. */
export function situation(risk: RiskRow, order: OrderRow, options: RiskOption[], contactName: string | null) {
  const unit = (risk.saleUnit ?? '').toLowerCase();
  const product = `${risk.productCode ?? ''} ${risk.productName ?? ''}`.trim();
  const ref = order.customerRef ? ` (réf. ${order.customerRef})` : '';
  const refEn = order.customerRef ? ` (ref. ${order.customerRef})` : '';
  const d = { fr: fmtDate(risk.promisedDate, 'fr'), en: fmtDate(risk.promisedDate, 'en') };
  const why =
    risk.cause === 'receipt-late'
      ? { fr: `La réception ${risk.receiptRef ?? ''} prévue à temps a glissé.`, en: `Receipt ${risk.receiptRef ?? ''} planned in time has slipped.` }
      : risk.cause === 'stock-shortfall'
        ? { fr: 'Le stock ne couvre pas la ligne à la date promise.', en: 'Stock does not cover the line on the promised date.' }
        : risk.cause === 'truck-capacity'
          ? { fr: 'La commande dépasse la capacité d’un camion.', en: 'The order is more than one truck carries.' }
          : { fr: 'Aucun rendez-vous n’est pris chez le client.', en: 'No delivery appointment is booked.' };
  const what =
    risk.shortfall > 0
      ? { fr: `Commande ${order.number}${ref} du ${d.fr} : il manquera ${risk.shortfall} ${unit} de ${product}.`, en: `Order ${order.number}${refEn} for ${d.en}: ${risk.shortfall} ${unit} of ${product} will be missing.` }
      : { fr: `Commande ${order.number}${ref} du ${d.fr}.`, en: `Order ${order.number}${refEn} for ${d.en}.` };
  const offers = options.filter((o) => o.accepted).slice(0, 2);
  const hello = { fr: `Bonjour${contactName ? ` ${contactName}` : ''}, je vous appelle au sujet de votre commande ${order.number} livrable ${d.fr}.`, en: `Hello${contactName ? ` ${contactName}` : ''}, I am calling about your order ${order.number} due ${d.en}.` };
  const script = {
    fr: [hello.fr, what.fr.replace(/^Commande [^:]+: /, '').replace(/^il/, 'Il'), offers.length ? `Nous pouvons vous proposer : ${offers.map((o) => o.label.fr).join(', ou ')}.` : 'Quelle solution vous arrange ?', 'Que préférez-vous ?'],
    en: [hello.en, what.en.replace(/^Order [^:]+: /, ''), offers.length ? `We can offer: ${offers.map((o) => o.label.en).join(', or ')}.` : 'What would suit you?', 'Which do you prefer?'],
  };
  return { situation: { fr: [what.fr, why.fr], en: [what.en, why.en] }, script };
}

