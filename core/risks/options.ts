import { addDays, daysBetween, type IsoDate } from '../calendar/dates.ts';
import { penalty, type PenaltyClause, type PenaltyFrame, type PenaltyLine } from '../penalties/penalty.ts';

// What the assistant can offer the customer when a line will not be delivered as promised, each with its new dates,
// its price and penalty effects and the exact changes to the order, ranked: what the customer's supply settings
// (EDIFACT 4493: SC, BK, SP, IS, CD) accept first, then the cheapest in penalty, then in price.

export const RISK_OPTION_KINDS = ['substitute', 'partial-backorder', 'partial-cancel', 'postpone', 'other-warehouse', 'split'] as const;
export type RiskOptionKind = (typeof RISK_OPTION_KINDS)[number];

/** What the customer accepts when stock is short (customer settings, or the EDI order where it says so). */
export type SupplyFlags = {
  /** SC: ship complete only. */
  shipComplete: boolean;
  /** BK: partial, the rest as a backorder. */
  acceptsBackorders: boolean;
  /** SP: partial, the rest cancelled. */
  acceptsPartial: boolean;
  /** IS: substitutes allowed. */
  acceptsSubstitutes: boolean;
  /** CD: cancel if not delivered within this many days of the promised date; null: no limit. */
  cancelIfLateDays: number | null;
};

/** The delivery requirement codes (EDIFACT 4493) an order may state for itself. */
export const DELIVERY_REQUIREMENTS = ['SC', 'BK', 'SP', 'IS', 'CD'] as const;
export type DeliveryRequirement = (typeof DELIVERY_REQUIREMENTS)[number];

export const isDeliveryRequirement = (code: string | null | undefined): code is DeliveryRequirement =>
  DELIVERY_REQUIREMENTS.includes(code as DeliveryRequirement);

/**
 * What the customer accepts for this order: his settings, overridden by what his EDI order itself states (4493):
 * the order speaks for the case at hand. SC ship complete (no partial of either kind), BK partial with the rest as
 * a backorder (not cancelled), SP partial with the rest cancelled (no backorder), IS substitutes allowed, CD cancel
 * if not delivered on the date (no later delivery). A code the desk does not know leaves the settings as they are.
 */
export function supplyFlagsFor(customer: SupplyFlags, requirement: string | null): SupplyFlags {
  switch (isDeliveryRequirement(requirement) ? requirement : null) {
    case 'SC':
      return { ...customer, shipComplete: true, acceptsBackorders: false, acceptsPartial: false };
    case 'BK':
      return { ...customer, shipComplete: false, acceptsBackorders: true, acceptsPartial: false };
    case 'SP':
      return { ...customer, shipComplete: false, acceptsBackorders: false, acceptsPartial: true };
    case 'IS':
      return { ...customer, acceptsSubstitutes: true };
    case 'CD':
      return { ...customer, cancelIfLateDays: 0 };
    default:
      return customer;
  }
}

export type OptionLine = {
  lineId: number;
  productId: number;
  productCode: string;
  category: string | null;
  quantity: number;
  unitPriceCents: number;
};

/** A substitute of the short product: what can be promised of it on the date, and the customer's price for it. */
export type SubstituteOffer = {
  productId: number;
  productCode: string;
  productName: string;
  promisable: number;
  unitPriceCents: number | null;
  vatRateBp: number;
};

export type RiskOptionsContext = {
  promisedDate: IsoDate;
  /** The order's open lines. */
  lines: readonly OptionLine[];
  flags: SupplyFlags;
  /** The first date the whole line can be promised; null when no receipt gets there. */
  earliestCompleteDate: IsoDate | null;
  substitutes: readonly SubstituteOffer[];
  /** A released order leaves from one warehouse: the others that could serve the whole line on the date. */
  currentWarehouseId: number | null;
  /** `place`: how the customer knows the site (its name and town), never our code. */
  warehouses: readonly { warehouseId: number; code: string; place: string; promisable: number }[];
  clause: PenaltyClause | null;
  frame: PenaltyFrame;
  typology: string;
};

export type RiskForOptions = { orderLineId: number | null; shortfall: number };

/** One precise change to the order; applied in this order, in one transaction. */
export type OrderChange =
  | { type: 'set-line-quantity'; lineId: number; from: number; to: number }
  | { type: 'cancel-line'; lineId: number }
  | { type: 'add-line'; productId: number; quantity: number; unitPriceCents: number; vatRateBp: number; substituteForLineId: number }
  | { type: 'backorder'; lineId: number; quantity: number; date: IsoDate }
  | { type: 'set-promised-date'; from: IsoDate; to: IsoDate }
  | { type: 'set-warehouse'; lineId: number; from: number; to: number }
  /** The line keeps `keep` for its date; the rest becomes a line of its own leaving on `date`, in a second delivery. */
  | { type: 'split-line'; lineId: number; from: number; keep: number; date: IsoDate };

export type RiskOption = {
  kind: RiskOptionKind;
  /** Identifies the option among its kind: the substitute's product, the warehouse. */
  productId?: number;
  warehouseId?: number;
  label: { fr: string; en: string };
  /** By the customer's supply settings; an option outside them needs his explicit consent on the call. */
  accepted: boolean;
  /** A substitute the settings do not allow: offered, but the customer must approve it. */
  needsApproval: boolean;
  newDates: { delivery: IsoDate; backorder?: IsoDate; secondDelivery?: IsoDate };
  /** What the order's value changes by (negative: the customer pays less). */
  priceEffectCents: number;
  penaltyEffect: { claimableCents: number; capCents: number | null };
  changes: OrderChange[];
};

const KIND_ORDER: Record<RiskOptionKind, number> = {
  'other-warehouse': 0,
  substitute: 1,
  split: 2,
  'partial-backorder': 3,
  postpone: 4,
  'partial-cancel': 5,
};

/** Same option, whatever else it carries: the kind and the product or warehouse that tells it apart. */
export function sameOption(
  a: { kind: string; productId?: number; warehouseId?: number },
  b: { kind: string; productId?: number; warehouseId?: number },
): boolean {
  return a.kind === b.kind && (a.productId ?? null) === (b.productId ?? null) && (a.warehouseId ?? null) === (b.warehouseId ?? null);
}

export function riskOptions(risk: RiskForOptions, ctx: RiskOptionsContext): RiskOption[] {
  const line = ctx.lines.find((l) => l.lineId === risk.orderLineId);
  if (!line || risk.shortfall <= 0) return [];
  const shortfall = Math.min(line.quantity, Math.floor(risk.shortfall));
  const available = line.quantity - shortfall;
  const date = ctx.promisedDate;
  const f = ctx.flags;

  /** The penalty if the order arrives on `deliveredDate` with `missing` units of the line short. */
  const penaltyOf = (deliveredDate: IsoDate, missing: number) => {
    const lines: PenaltyLine[] = ctx.lines.map((l) => ({
      productCode: l.productCode,
      category: l.category,
      orderedQuantity: l.quantity,
      unitPriceCents: l.unitPriceCents,
      expectedQuantity: l.quantity,
      deliveredQuantity: l.lineId === line.lineId ? l.quantity - missing : l.quantity,
    }));
    const e = penalty({ promisedDate: date, deliveredDate, lines }, ctx.clause, ctx.frame, ctx.typology);
    return { claimableCents: e.claimableCents, capCents: e.legalCapCents };
  };
  const reduce = (to: number): OrderChange =>
    to === 0 ? { type: 'cancel-line', lineId: line.lineId } : { type: 'set-line-quantity', lineId: line.lineId, from: line.quantity, to };

  const options: RiskOption[] = [];
  for (const s of ctx.substitutes) {
    if (s.unitPriceCents === null || s.promisable < shortfall) continue;
    options.push({
      kind: 'substitute',
      productId: s.productId,
      label: {
        fr: `Remplacer ${shortfall} par ${s.productCode} ${s.productName}`,
        en: `Replace ${shortfall} with ${s.productCode} ${s.productName}`,
      },
      accepted: f.acceptsSubstitutes,
      needsApproval: !f.acceptsSubstitutes,
      newDates: { delivery: date },
      priceEffectCents: shortfall * (s.unitPriceCents - line.unitPriceCents),
      penaltyEffect: penaltyOf(date, 0),
      changes: [
        reduce(available),
        {
          type: 'add-line',
          productId: s.productId,
          quantity: shortfall,
          unitPriceCents: s.unitPriceCents,
          vatRateBp: s.vatRateBp,
          substituteForLineId: line.lineId,
        },
      ],
    });
  }
  if (available > 0 && ctx.earliestCompleteDate) {
    const later = ctx.earliestCompleteDate > date ? ctx.earliestCompleteDate : addDays(date, 1);
    options.push({
      kind: 'partial-backorder',
      label: {
        fr: `Livrer ${available} à la date, ${shortfall} en reliquat`,
        en: `Deliver ${available} on the date, ${shortfall} as a backorder`,
      },
      accepted: f.acceptsBackorders && !f.shipComplete,
      needsApproval: false,
      newDates: { delivery: date, backorder: later },
      priceEffectCents: 0,
      penaltyEffect: penaltyOf(date, shortfall),
      changes: [reduce(available), { type: 'backorder', lineId: line.lineId, quantity: shortfall, date: later }],
    });
  }
  if (available > 0 && ctx.earliestCompleteDate) {
    // The same two dates as a backorder, but one order: the rest leaves in a second delivery of it, no -R order.
    const later = ctx.earliestCompleteDate > date ? ctx.earliestCompleteDate : addDays(date, 1);
    options.push({
      kind: 'split',
      label: {
        fr: `Livrer ${available} à la date, ${shortfall} dans une 2e livraison`,
        en: `Deliver ${available} on the date, ${shortfall} in a second delivery`,
      },
      accepted: f.acceptsBackorders && !f.shipComplete,
      needsApproval: false,
      newDates: { delivery: date, secondDelivery: later },
      priceEffectCents: 0,
      penaltyEffect: penaltyOf(date, shortfall),
      changes: [{ type: 'split-line', lineId: line.lineId, from: line.quantity, keep: available, date: later }],
    });
  }
  if (available > 0) {
    options.push({
      kind: 'partial-cancel',
      label: { fr: `Livrer ${available} à la date, annuler ${shortfall}`, en: `Deliver ${available} on the date, cancel ${shortfall}` },
      accepted: f.acceptsPartial && !f.shipComplete,
      needsApproval: false,
      newDates: { delivery: date },
      priceEffectCents: -shortfall * line.unitPriceCents,
      penaltyEffect: penaltyOf(date, shortfall),
      changes: [reduce(available)],
    });
  }
  if (ctx.earliestCompleteDate && ctx.earliestCompleteDate > date) {
    const to = ctx.earliestCompleteDate;
    const late = daysBetween(date, to);
    options.push({
      kind: 'postpone',
      label: { fr: `Livrer toute la commande complète, ${late} j plus tard`, en: `Deliver the whole order complete, ${late} d later` },
      accepted: f.cancelIfLateDays === null || late <= f.cancelIfLateDays,
      needsApproval: false,
      newDates: { delivery: to },
      priceEffectCents: 0,
      penaltyEffect: penaltyOf(to, 0),
      changes: [{ type: 'set-promised-date', from: date, to }],
    });
  }
  if (ctx.currentWarehouseId !== null) {
    for (const w of ctx.warehouses) {
      if (w.warehouseId === ctx.currentWarehouseId || w.promisable < line.quantity) continue;
      options.push({
        kind: 'other-warehouse',
        warehouseId: w.warehouseId,
        label: { fr: `Livrer depuis notre site ${w.place}`, en: `Deliver from our site ${w.place}` },
        accepted: true,
        needsApproval: false,
        newDates: { delivery: date },
        priceEffectCents: 0,
        penaltyEffect: penaltyOf(date, 0),
        changes: [{ type: 'set-warehouse', lineId: line.lineId, from: ctx.currentWarehouseId, to: w.warehouseId }],
      });
    }
  }
  return options.sort(
    (a, b) =>
      Number(b.accepted) - Number(a.accepted) ||
      a.penaltyEffect.claimableCents - b.penaltyEffect.claimableCents ||
      Math.abs(a.priceEffectCents) - Math.abs(b.priceEffectCents) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind],
  );
}

/**
 * What an option does to the order, change by change, as the confirmation says it to the assistant before she
 * applies it: which product's line goes from how many to how many, what is added at what price, what leaves later
 * and when, the new date, the other site. Products by their code; sites as the customer knows them.
 */
export type OptionEffect =
  | { kind: 'quantity'; product: string; from: number; to: number }
  | { kind: 'cancel-line'; product: string; quantity: number }
  | { kind: 'add-line'; product: string; quantity: number; unitPriceCents: number }
  | { kind: 'backorder'; product: string; quantity: number; date: IsoDate }
  | { kind: 'second-delivery'; product: string; quantity: number; keep: number; date: IsoDate }
  | { kind: 'date'; from: IsoDate; to: IsoDate }
  | { kind: 'warehouse'; product: string; from: string; to: string };

export function optionEffects(changes: readonly OrderChange[], ctx: Pick<RiskOptionsContext, 'lines' | 'substitutes' | 'warehouses'>) {
  const line = (id: number) => ctx.lines.find((l) => l.lineId === id);
  const code = (id: number) => line(id)?.productCode ?? String(id);
  const place = (id: number) => ctx.warehouses.find((w) => w.warehouseId === id)?.place ?? String(id);
  return changes.map((c): OptionEffect => {
    switch (c.type) {
      case 'set-line-quantity':
        return { kind: 'quantity', product: code(c.lineId), from: c.from, to: c.to };
      case 'cancel-line':
        return { kind: 'cancel-line', product: code(c.lineId), quantity: line(c.lineId)?.quantity ?? 0 };
      case 'add-line': {
        const s = ctx.substitutes.find((x) => x.productId === c.productId);
        return {
          kind: 'add-line',
          product: s ? `${s.productCode} ${s.productName}` : String(c.productId),
          quantity: c.quantity,
          unitPriceCents: c.unitPriceCents,
        };
      }
      case 'backorder':
        return { kind: 'backorder', product: code(c.lineId), quantity: c.quantity, date: c.date };
      case 'split-line':
        return { kind: 'second-delivery', product: code(c.lineId), quantity: c.from - c.keep, keep: c.keep, date: c.date };
      case 'set-promised-date':
        return { kind: 'date', from: c.from, to: c.to };
      case 'set-warehouse':
        return { kind: 'warehouse', product: code(c.lineId), from: place(c.from), to: place(c.to) };
    }
  });
}
