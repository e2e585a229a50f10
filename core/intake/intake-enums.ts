/** The intake queue's lists of values, apart so that the schemas and the web bundle can name them. */

/** Where an item of "À saisir" came from: the mailbox (an email, or a fax through the fax server's email), EDI, the portal. */
export const INTAKE_CHANNELS = ['email', 'fax', 'edi', 'portal'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

/**
 * An email or fax taken from the mailbox: `received` (stored raw, not read yet), `new` (read, waiting for a person),
 * `drafted` (a draft order was filled from it), `confirmed` (its order confirmed, the sender answered),
 * `dismissed` ("not an order": out of the queue, kept).
 */
export const INTAKE_STATUSES = ['received', 'new', 'drafted', 'confirmed', 'dismissed'] as const;
export type IntakeStatus = (typeof INTAKE_STATUSES)[number];
/** The statuses that wait for a person. */
export const WAITING_STATUSES: readonly IntakeStatus[] = ['received', 'new', 'drafted'];

/** What a value found in the text is. */
export const FOUND_KINDS = ['customerCode', 'ourCode', 'gtin', 'name', 'quantity', 'date', 'poNumber'] as const;
export type FoundKind = (typeof FOUND_KINDS)[number];

/** How a line's product was recognised; `correction`: as the desk corrected this customer's wording before. */
export const PRODUCT_VIA = ['customerCode', 'ourCode', 'gtin', 'name', 'correction'] as const;
export type ProductVia = (typeof PRODUCT_VIA)[number];

/** The units a customer writes, as read (the line's quantity is then converted to the product's sale unit). */
export const READ_UNITS = ['SAC', 'COLIS', 'PALETTE', 'KG', 'TONNE', 'BIG_BAG', 'UNITE'] as const;
export type ReadUnit = (typeof READ_UNITS)[number];

/** The parts of a message that carry text: the body, a PDF's text layer, an image read by OCR. */
export const PART_KINDS = ['body', 'pdf', 'image', 'other'] as const;
export type PartKind = (typeof PART_KINDS)[number];

/** Why an item was dismissed. */
export const DISMISS_REASONS = ['not-an-order', 'duplicate', 'spam', 'other'] as const;
export type DismissReason = (typeof DISMISS_REASONS)[number];
