import type { ColumnType, Generated } from 'kysely';

/** A column with a database default: optional on insert. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export type OrdersTable = {
  id: Generated<number>;
  number: string;
  customerId: number;
  deliveryPointId: number;
  channel: string;
  customerRef: string | null;
  requestedDate: string | null;
  promisedDate: string | null;
  status: string;
  note: string | null;
  netCents: number;
  vatCents: number;
  grossCents: number;
  /** Pallet-equivalents × 100, kept as an integer. */
  palletsCenti: number;
  weightG: number;
  /** The charges the order was priced with (`StoredCharge[]` as JSON): shipping below franco, date surcharges. */
  chargesJson: Defaulted<string | null>;
  chargesNetCents: Defaulted<number>;
  backorderOfOrderId: number | null;
  /** The slot booked at the customer's warehouse (null: none booked yet); the risk scan flags a missing one. */
  appointmentAt: string | null;
  /** The EDIFACT 4493 code the customer's EDI order stated (SC, BK, SP, IS, CD); null: his settings apply. */
  deliveryRequirement: Defaulted<string | null>;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
};

export type OrderLinesTable = {
  id: Generated<number>;
  orderId: number;
  lineNo: number;
  productId: number;
  customerCode: string | null;
  quantity: number;
  unitPriceCents: number;
  netCents: number;
  vatRateBp: number;
  deliveredQuantity: number | null;
  status: string;
  backorderOfLineId: number | null;
  /** The promotion that priced the line, and the free goods it earned (delivered on top, invoiced at zero). */
  promotionId: Defaulted<number | null>;
  freeQuantity: Defaulted<number>;
  /** The warehouse release must use (a risk moved the line there); null: release chooses by the stock. */
  warehouseId: Defaulted<number | null>;
  /** The line leaves on this date in its own delivery (a split); null: on the order's promised date. */
  plannedDate: Defaulted<string | null>;
  /** EDI: the net unit price the customer expects (PRI), checked by price-mismatch on every run of the rules. */
  expectedUnitPriceCents: Defaulted<number | null>;
  /** The customer's price the desk accepted: the line is priced and invoiced at it. */
  agreedUnitPriceCents: Defaulted<number | null>;
  /** EDI: the buyer's line number (LIN) and the quantity he asked, in our sale units, for the ORDRSP. */
  customerLineNo: Defaulted<number | null>;
  orderedQuantity: Defaulted<number | null>;
  /** EDI: how many of our sale units make one unit the customer ordered in (a case); null: he ordered in ours. */
  customerUnitFactor: Defaulted<number | null>;
};

export type OrderFindingsTable = {
  id: Generated<number>;
  orderId: number;
  rule: string;
  severity: string;
  messageFr: string;
  messageEn: string;
  lineId: number | null;
  lineNo: number | null;
  dataJson: string;
  /** The manager who approved (approval) or overrode (block) it, when and why. */
  overriddenBy: number | null;
  overriddenAt: string | null;
  overrideReason: string | null;
};

export type CountersTable = { name: string; value: number };

/**
 * A change to a confirmed or released order that needs a manager, kept until one answers: the body as asked, what it
 * would change (for the queue), the findings that stopped it, and the order as it stood when asked (`askedAgainst`).
 */
export type OrderChangeRequestsTable = {
  id: Generated<number>;
  orderId: number;
  bodyJson: string;
  summaryJson: string;
  findingsJson: string;
  askedAgainst: string;
  /** pending, approved, refused */
  status: string;
  requestedBy: number;
  requestedAt: string;
  decidedBy: number | null;
  decidedAt: string | null;
  decisionReason: string | null;
};
