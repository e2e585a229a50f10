/**
 * The stable codes of every refusal the API writes, and the params each one carries: the web translates by code
 * (fr.json and en.json, `fieldErrors.<code>`, `problems.<CODE>`, `importErrors.<code>`), never by reading the
 * English `detail` or `message`, which stay for logs and outside tools. Params are data (numbers, ids, codes,
 * values as sent), never English. Adding a code means adding its French and English text
 * (web/src/i18n/error-codes.test.ts walks this list).
 */

/** A problem's top-level `code`, the kind of refusal; the field errors under it say what exactly. */
export const PROBLEM_CODES = {
  VALIDATION: [],
  /** The request line names no path of ours (an absolute URL, `*`…): refused before any route runs. */
  BAD_REQUEST_TARGET: [],
  /** Not valid HTTP (Node's parser refused it before any route). */
  BAD_REQUEST: [],
  /** A path whose %-escapes do not decode. */
  BAD_URL: [],
  UNAUTHENTICATED: [],
  CSRF: [],
  FORBIDDEN: [],
  /** `entity` is the kind of record (`order`, `customer`…) or `route`; `id` what was asked for. */
  NOT_FOUND: ['entity', 'id'],
  CONFLICT: [],
  /** The order's status does not allow the requested transition. */
  INVALID_TRANSITION: [],
  REQUEST_TIMEOUT: [],
  PAYLOAD_TOO_LARGE: [],
  URI_TOO_LONG: [],
  UNSUPPORTED_MEDIA_TYPE: [],
  UNPROCESSABLE: [],
  /** An EDIFACT interchange that does not parse: `segment` its 1-based position, `tag` its tag ('' at the end of the file). */
  EDI_SYNTAX: ['segment', 'tag'],
  RATE_LIMITED: [],
  /** The server is stopping (SIGTERM): it finishes what it started and takes nothing new; retry on another node. */
  SHUTTING_DOWN: [],
  HEADERS_TOO_LARGE: [],
  INTERNAL: [],
} as const satisfies Record<string, readonly string[]>;

/** A field error's `code` (`errors[].code`), with the params its text may use. */
export const FIELD_CODES = {
  required: [],
  'too-short': ['limit'],
  'too-long': ['limit'],
  /** A text that does not match the field's pattern (or a format such as a date-time). */
  pattern: [],
  /** The JSON type is wrong: `type` is what was expected (`integer`, `string`, `object`…). */
  type: ['type'],
  /** `limit` is the bound, `comparison` one of `>=`, `<=`, `>`, `<`. */
  'out-of-range': ['comparison', 'limit'],
  /** Not one of the allowed values (`allowed`, joined by ", "). */
  choice: ['allowed'],
  /** A property the route does not take (often a typo). */
  'unknown-property': ['property'],
  'too-few': ['limit'],
  'too-many': ['limit'],
  /** The same item twice in a list that must not repeat. */
  duplicate: [],
  /** An import row whose key (code, ref…) an earlier row of the same file already has. */
  'repeats-row': ['row'],
  'not-json': [],
  /** A date later than today where only the past makes sense (a stock count, a notice received). */
  'in-future': ['value'],
  /** A calendar date that does not exist (`2025-02-30`). */
  'not-a-date': ['value'],
  /** A date or time before the one it must follow (`after` names that field). */
  'before-start': ['after'],
  /** An id that names no record of that kind (`entity`), or one that is not the customer's or order's own. */
  'not-found': ['entity', 'id'],
  /** A natural key (code, GLN, delivery note number) another record holds; a GLN's holder is in the problem's `holder`. */
  taken: ['value'],
  'check-digit': [],
  /** No price for this customer: neither its price list, an agreed price nor a promotion. */
  'no-price': ['product', 'customer'],
  /** A block or approval finding of that rule still waits for a manager (on the line of the path, or `order`). */
  finding: ['rule'],
  /** A cell holding a NUL character (PostgreSQL's text cannot). */
  'nul-character': [],
  /** Import cells, as a person typed them: `value` is the cell. */
  'not-whole-number': ['value'],
  'not-decimal': ['value'],
  'not-yes-no': ['value'],
  'not-weekdays': ['value'],
  /** An amount (`amount`) above what the user may grant alone (`limit`): a manager does it. */
  'needs-approval': ['limit', 'amount'],
  /** Backorders and partial deliveries cannot be accepted by a customer who wants ship complete only. */
  'ship-complete': [],
  /** A discrepancy on an order with no invoice: there is no invoice for a correcting document to correct. */
  'no-invoice': [],
  /** A discrepancy not of the invoice, or with no agreed price or no money at stake: no correcting document to issue. */
  'nothing-to-correct': [],
  /** Cartons per layer and layers per pallet: both empty (bulk goods) or both set. */
  'packaging-pair': [],
  /** A product named among its own substitutes. */
  'substitutes-itself': [],
  /** A delivery point given the account's own GLN (`value`): a GLN names one party. */
  'own-gln': ['value'],
  /** More than one delivery point marked as the default. */
  'one-default': [],
  /** A delivery recorded without every shipped line (`lines`: the order line ids, joined by ", "). */
  'lines-missing': ['lines'],
  /** A delivery note number given for an order leaving from `count` warehouses (each note gets its own). */
  'several-warehouses': ['count'],
  /** An order line naming its product by none or several of productId, gtin, customerCode (`given`: how many). */
  'one-product-reference': ['given'],
  /** The customer (its code) has no delivery point to deliver to. */
  'no-delivery-point': ['customer'],
  /** The customer's price (EDI PRI) accepted on a line where the customer sent none. */
  'no-customer-price': [],
  /** Accepting the customer's price concedes more than the terms let the desk (cents on the line): a manager decides. */
  'manager-decides': ['cents'],
  /** A risk solution (`option`) the customer's supply settings do not accept, without the customer's approval. */
  'not-accepted-by-customer': ['option'],
  /** A promotion parameter that does not apply to its mechanism (`kind`). */
  'not-for-mechanism': ['kind'],
  /** An order-level discount without any step that discounts. */
  'no-discount-step': [],
  /** An order change that gives a line (`id`) another product: the line is removed and a new one added instead. */
  'product-change': ['id'],
  /** An order change that would leave no line: the order is cancelled instead. */
  'no-lines-left': [],
  /** A change request that changes nothing on the order. */
  'nothing-changes': [],
  /** A change request for a change that needs no manager: it is made directly (PATCH). */
  'no-approval-needed': [],
  /** A password too weak to keep (`reason`: too short, too few characters, the account's own words, a common one). */
  'weak-password': ['reason'],
  /**
   * A refusal without a code of its own: a schema keyword no other code tells, an import file the reader cannot
   * read at all. The web shows the server's English `message`.
   */
  rule: [],
} as const satisfies Record<string, readonly string[]>;

/** What the server notes on an order's timeline, with the params each one carries (`…Cents` are money). */
export const TIMELINE_CODES = {
  /** Released although a warehouse had too little of a product: it is reserved anyway, `short` units missing. */
  'released-short': ['product', 'short', 'warehouse'],
  /** Shipped more than was on hand (on hand set to 0): `missing` units. */
  'shipped-beyond-stock': ['product', 'missing', 'warehouse'],
  /** A lot shipped with less shelf life left than the customer's minimum. */
  'shipped-short-life': ['product', 'lot', 'bestBefore'],
  /** Deliveries of the order that leave later (`deliveries`, `dates`: joined by ", "). */
  'still-to-leave': ['deliveries', 'dates'],
  /** The price the customer sent (EDI PRI) is accepted on a line. */
  'customer-price-accepted': ['lineNo', 'product', 'fromCents', 'toCents'],
  /** Our price is kept on a line where the customer expected another (the ORDRSP tells him). */
  'our-price-kept': ['lineNo', 'product', 'oursCents', 'theirsCents'],
  /** A record written by a file import. */
  import: ['kind', 'filename'],
  /** A backorder created for what an order (`order`, its number) could not deliver. */
  'backorder-of': ['order'],
  /** A draft proposed from the customer's stock report of `reportDate`, back to `targetCoverDays` days of cover. */
  'restock-proposal': ['reportDate', 'targetCoverDays'],
  /** The option a risk call applied to order `order` was taken back: this backorder it made is cancelled. */
  'risk-option-undone': ['order'],
  /** Acknowledgement version `version` of the order as it now stands supersedes version `superseded`. */
  'acknowledgement-supersedes': ['version', 'superseded'],
} as const satisfies Record<string, readonly string[]>;

/**
 * Why an EDI message is refused whole (or skipped), stored with it beside the English text the partner reads.
 * `segment` is the segment's index in the interchange and `tag` its tag, `found` the value as sent, `limit` the
 * bound it passed (a price's in euros).
 */
export const EDI_REFUSAL_CODES = {
  'too-many-lines': ['segment', 'found', 'limit'],
  'line-number-out-of-bounds': ['segment', 'found', 'limit'],
  'quantity-out-of-bounds': ['segment', 'found', 'limit'],
  'price-out-of-bounds': ['segment', 'found', 'limit'],
  'stock-out-of-bounds': ['segment', 'found', 'limit'],
  /** A product's stock at one place, added up over the report's lines. */
  'stock-sum-out-of-bounds': ['segment', 'found', 'limit'],
  /** A party (`role`: NAD+BY, LOC+7…) whose GLN is another customer's than the partner's (`partner`, its name). */
  'foreign-party': ['segment', 'role', 'gln', 'partner'],
  'no-line': [],
  'unknown-reporting-party': ['gln'],
  'no-report-date': [],
  /** A message type Carnet does not take in (ORDERS, INVRPT and RECADV are). */
  'type-not-taken': ['type'],
  /** A RECADV whose reference (`tag`, RFF+AAK or RFF+ON, at `segment`) names no delivery note or order of ours: `found`. */
  'receipt-order-unknown': ['segment', 'tag', 'found'],
  /** A RECADV for order `order`, which has not shipped. */
  'receipt-not-shipped': ['segment', 'tag', 'found', 'order'],
  /** The database refused a value beyond what its columns hold. */
  'not-stored': [],
  /** A refusal of the order's own checks, or an internal error (logged): the English text says which. */
  'not-taken-in': [],
  /** An earlier run took it in (skipped, never stored). */
  'already-taken-in': [],
} as const satisfies Record<string, readonly string[]>;

/** Why an email about an order did not go (yet), with its params: the order page says it in the desk's language. */
export const MAIL_CODES = {
  /** Nobody to send it to: the customer has no order contact, no email and no contact with one. */
  'no-recipient': [],
  /** The mail server refused it or could not be reached: `reply` is what it answered (technical, as is). */
  smtp: ['reply'],
} as const satisfies Record<string, readonly string[]>;

/** The kinds of record a `not-found` (field or problem) may name as its `entity`. */
export const ENTITIES = [
  'complaint',
  'contact',
  'customer',
  'customer-price',
  'customer-product-code',
  'delivery',
  'delivery-point',
  'document',
  'edi-message',
  'edi-partner',
  'finding',
  'lot',
  'order',
  'order-line',
  'penalty-notice',
  'price-list',
  'product',
  'promotion',
  'receipt',
  'risk',
  'route',
  'task',
  'user',
  'warehouse',
] as const;

export type ProblemCode = keyof typeof PROBLEM_CODES;
export type FieldCode = keyof typeof FIELD_CODES;
export type ErrorParams = Record<string, string | number | boolean | null>;
export type TimelineCode = keyof typeof TIMELINE_CODES;
export type MailCode = keyof typeof MAIL_CODES;
export type TimelineNote = { code: TimelineCode; params: ErrorParams };
export type EdiRefusalCode = keyof typeof EDI_REFUSAL_CODES;
/** An EDI refusal as stored and answered: its code and params (the English text travels beside it). */
export type EdiReason = { code: EdiRefusalCode; params: ErrorParams };
/** One refused field: its JSON path (`body.lines.0.quantity`), code and params; `message` is the English. */
export type FieldError = { path: string; code: FieldCode; params: ErrorParams; message: string };
