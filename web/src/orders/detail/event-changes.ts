/** An audit event's before/after, reduced to what changed: "status: confirmed → released". */
export type Change = { field: string; from: unknown; to: unknown };

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function eventChanges(before: unknown, after: unknown): Change[] {
  const a = asRecord(before);
  const b = asRecord(after);
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  // A field absent on one side and null on the other did not change: a creation has no "before" at all.
  return fields
    .filter((f) => JSON.stringify(a[f] ?? null) !== JSON.stringify(b[f] ?? null))
    .map((field) => ({ field, from: a[field] ?? null, to: b[field] ?? null }));
}
