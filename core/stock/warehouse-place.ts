/**
 * A warehouse as the customer knows it: its name up to the first dash or bracket (our names carry internal detail
 * after it, "— magasin produits finis et silos") and its town — what the assistant reads out, never our code.
 */
export function warehousePlace(w: { name: string; city: string | null }): string {
  const short = w.name.split(/\s+[—–-]\s+|\s+\(/)[0].trim() || w.name;
  return w.city && !short.includes(w.city) ? `${short} (${w.city})` : short;
}
