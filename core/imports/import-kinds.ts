/** What a spreadsheet import loads, and how far it goes: the trade's lists, without TypeBox, for the web bundle. */
export const IMPORT_KINDS = ['products', 'customers', 'price-lists', 'stock-levels', 'planned-receipts', 'customer-credit'] as const;
export type ImportKindName = (typeof IMPORT_KINDS)[number];

/** `validate` writes nothing; `commit` writes all or nothing; `commit-valid` writes the good rows and lists the rest. */
export const IMPORT_MODES = ['validate', 'commit', 'commit-valid'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
