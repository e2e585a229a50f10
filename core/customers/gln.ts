/**
 * A GLN names one party, and EDI routes by it: NAD+BY finds the customer by its account's GLN, NAD+DP the ship-to
 * among that customer's delivery points, the UNB sender the EDI partner. So a GLN is held once, by one customer
 * account or one delivery point, never both (not even a customer and its own point: in the trade a head office's
 * GLN and a store's differ), and an EDI partner's GLN only by that partner's own customer. The database keeps the
 * same rule (migration 2026_12_01_0100_gln_holders); this is the readable answer a form or an import row gets.
 */

/** Who holds a GLN, named for the person who will have to sort it out. */
export type GlnHolder =
  | { kind: 'customer'; customerId: number; customerCode: string; customerName: string }
  | {
      kind: 'delivery-point';
      deliveryPointId: number;
      deliveryPointCode: string;
      deliveryPointName: string;
      customerId: number;
      customerCode: string;
      customerName: string;
    }
  | { kind: 'edi-partner'; partnerId: number; partnerName: string; customerId: number; customerCode: string; customerName: string };

/** The record that would take the GLN; a null id is one being created (of a customer being created: null too). */
export type GlnTaker =
  | { kind: 'customer'; customerId: number | null }
  | { kind: 'delivery-point'; deliveryPointId: number | null; customerId: number | null }
  | { kind: 'edi-partner'; customerId: number };

function isTaker(holder: GlnHolder, taker: GlnTaker): boolean {
  if (holder.kind === 'customer') return taker.kind === 'customer' && taker.customerId === holder.customerId;
  if (holder.kind === 'delivery-point') return taker.kind === 'delivery-point' && taker.deliveryPointId === holder.deliveryPointId;
  return false;
}

/**
 * Whom the GLN would be taken from, or null when the taker may have it. `holder`: the account or delivery point
 * holding it now; `partner`: the EDI partner sending as it. A partner may send as a GLN its own customer holds.
 */
export function glnClash(taker: GlnTaker, holder: GlnHolder | null, partner: GlnHolder | null): GlnHolder | null {
  if (taker.kind === 'edi-partner') return holder && holder.customerId !== taker.customerId ? holder : null;
  if (holder && !isTaker(holder, taker)) return holder;
  if (partner && partner.customerId !== taker.customerId) return partner;
  return null;
}

/** "customer C001 Cap Marché", "delivery point C001-DP1 Entrepôt Saran of customer C001", "EDI partner Cap Marché of customer C001". */
export function describeGlnHolder(holder: GlnHolder): string {
  if (holder.kind === 'customer') return `customer ${holder.customerCode} ${holder.customerName}`;
  if (holder.kind === 'delivery-point')
    return `delivery point ${holder.deliveryPointCode} ${holder.deliveryPointName} of customer ${holder.customerCode}`;
  return `EDI partner ${holder.partnerName} of customer ${holder.customerCode}`;
}

/** What a form or an import row is told. */
export function glnTakenMessage(gln: string, holder: GlnHolder): string {
  return `GLN ${gln} is already held by ${describeGlnHolder(holder)}: a GLN names one party`;
}
