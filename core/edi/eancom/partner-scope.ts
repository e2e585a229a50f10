import { type Segment, value } from '../segment.ts';
import { type EdiRefusal, refuseAt } from './refusal.ts';

/** The partner an interchange comes from (its token, its folder, its UNB sender): it speaks for one customer. */
export type PartnerScope = { gln: string; customerId: number; name: string };

/** Whose GLN it is: the customers whose own GLN or one of whose delivery points' GLN it is (none: unknown). */
export type GlnOwners = { ownersOfGln(gln: string): readonly number[] };

/**
 * The parties that say who orders, who receives or whose stock it is: buyer, delivery party, ship-to, ultimate
 * consignee, inventory reporting party. The supplier is us; the invoicee is not read.
 */
const CUSTOMER_ROLES = new Set(['BY', 'DP', 'ST', 'UC', 'GY']);

/**
 * The first party or place (NAD of a customer role, LOC) that names another customer or another customer's
 * delivery point: a partner orders, and reports stock, for its own customer only. A GLN nobody holds is not
 * refused here: the mapping decides (the partner's customer, or a delivery point for the desk to choose).
 */
export function foreignParty(scope: PartnerScope, owners: GlnOwners, segments: readonly Segment[]): EdiRefusal | null {
  for (const s of segments) {
    const named = (s.tag === 'NAD' && CUSTOMER_ROLES.has(value(s, 1, 1) ?? '')) || s.tag === 'LOC';
    const gln = named ? value(s, 2, 1) : null;
    if (gln === null) continue;
    const held = owners.ownersOfGln(gln);
    if (held.length === 0 || held.includes(scope.customerId)) continue;
    const role = s.tag === 'NAD' ? `NAD+${value(s, 1, 1)}` : `LOC+${value(s, 1, 1) ?? ''}`;
    return refuseAt(
      'foreign-party',
      { role, gln, partner: scope.name },
      `${role} names another customer than the partner's (${scope.name}, partner ${scope.gln})`,
      s,
      { element: 2, component: 1 },
      `the GLN of ${scope.name} or of one of its delivery points`,
      gln,
    );
  }
  return null;
}
