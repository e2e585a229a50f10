/**
 * Every kind of file Carnet keeps, as filed in `documents.kind` (names kept as the capabilities first wrote them),
 * without TypeBox, for the web bundle.
 */
export const DOCUMENT_KINDS = [
  'order-acknowledgement',
  'delivery_note',
  'edi-interchange',
  'edi-ordrsp',
  'edi-desadv',
  'edi-invoic',
  'edi-recadv',
  'credit-note',
  /** A facture rectificative: what a control found invoiced too little, invoiced (server/controls). */
  'corrective-invoice',
  'customer-stock-report',
  'penalty_contest_letter',
  'import',
  'intake-message',
  'intake-attachment',
  'complaint-photo',
  'complaint-photo-thumbnail',
  'weekly_report',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Files that came in (from a customer, a partner, the ERP) rather than out of Carnet. */
export const INBOUND_KINDS: readonly DocumentKind[] = [
  'edi-interchange',
  'customer-stock-report',
  'import',
  'intake-message',
  'intake-attachment',
  'complaint-photo',
];

/** Copies made from another file (a photo's thumbnail): kept for the screens, never listed among the documents. */
export const DERIVED_KINDS: readonly DocumentKind[] = ['complaint-photo-thumbnail'];
