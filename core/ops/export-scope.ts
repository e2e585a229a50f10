/**
 * What `carnet export` leaves out of "everything": the login machinery (sessions, failed attempts, known devices),
 * which is no one's business data and would hand a stranger live session tokens, and the secrets kept as hashes.
 * Every other table is exported, so a table added later joins the export without anyone remembering to add it.
 */
export const EXPORT_LEFT_OUT_TABLES: readonly string[] = ['sessions', 'loginAttempts', 'loginDevices', 'accountLinks', 'rateLimitHits'];

/** Columns dropped from the tables that are exported: password and token hashes. */
export const EXPORT_LEFT_OUT_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  users: ['passwordHash'],
  ediPartners: ['tokenHash'],
};

/** The tables to export, in the order given (the schema's). */
export function exportedTables(tables: readonly string[]): string[] {
  return tables.filter((t) => !EXPORT_LEFT_OUT_TABLES.includes(t));
}

/** A table's or column's name as the files show it: the database's own snake_case (`deliveryPoints` → `delivery_points`). */
export const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A document's file name in the export: its public id first (names repeat: two orders' "ARC.pdf"), then its own name made safe. */
export function exportedDocumentName(publicId: string, filename: string): string {
  const safe = filename
    .replace(/[^\p{L}\p{N}._ -]+/gu, '_')
    .replace(/^\.+/, '')
    .slice(0, 120);
  return `${publicId}-${safe || 'file'}`;
}
