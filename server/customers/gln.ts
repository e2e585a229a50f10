import { type GlnHolder, type GlnTaker, glnClash, glnTakenMessage } from '../../core/customers/gln.ts';
import type { DbOrTrx } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { listGlnHolderRows, listGlnPartnerRows } from './customers.repository.ts';

/** Who holds which GLN, as the database has it: the accounts and delivery points, and the EDI partners. */
export type GlnIndex = { holders: Map<string, GlnHolder>; partners: Map<string, GlnHolder> };

/** The holders of these GLNs, or of every GLN (an import checks a whole file against them). */
export async function loadGlnIndex(db: DbOrTrx, glns?: readonly string[]): Promise<GlnIndex> {
  const [holders, partners] = await Promise.all([listGlnHolderRows(db, glns), listGlnPartnerRows(db, glns)]);
  return {
    holders: new Map(
      holders.map((h): [string, GlnHolder] => [
        h.gln,
        h.deliveryPointId === null
          ? { kind: 'customer', customerId: h.customerId, customerCode: h.customerCode, customerName: h.customerName }
          : {
              kind: 'delivery-point',
              deliveryPointId: h.deliveryPointId,
              deliveryPointCode: h.deliveryPointCode!,
              deliveryPointName: h.deliveryPointName!,
              customerId: h.customerId,
              customerCode: h.customerCode,
              customerName: h.customerName,
            },
      ]),
    ),
    partners: new Map(
      partners.map((p): [string, GlnHolder] => [
        p.gln,
        {
          kind: 'edi-partner',
          partnerId: p.partnerId,
          partnerName: p.partnerName,
          customerId: p.customerId,
          customerCode: p.customerCode,
          customerName: p.customerName,
        },
      ]),
    ),
  };
}

/** Whom this taker would take the GLN from, per core's rule; null when it may have it. */
export function glnClashIn(index: GlnIndex, gln: string, taker: GlnTaker): GlnHolder | null {
  return glnClash(taker, index.holders.get(gln) ?? null, index.partners.get(gln) ?? null);
}

export type GlnClaim = { path: string; gln: string | null | undefined; taker: GlnTaker };

/** 409 naming the holder (in `errors[]` and as `holder`) for the first GLN of these already someone else's. */
export async function assertGlnsFree(db: DbOrTrx, claims: readonly GlnClaim[]): Promise<void> {
  const given = claims.filter((c): c is GlnClaim & { gln: string } => !!c.gln);
  if (!given.length) return;
  const index = await loadGlnIndex(
    db,
    given.map((c) => c.gln),
  );
  for (const claim of given) {
    const holder = glnClashIn(index, claim.gln, claim.taker);
    if (holder) {
      const message = glnTakenMessage(claim.gln, holder);
      throw new AppError('CONFLICT', message, [{ path: claim.path, code: 'taken', params: { value: claim.gln }, message }], { holder });
    }
  }
}

/**
 * The database refused a write for its GLN (the gln_holders key or its triggers): a concurrent write took the GLN
 * between the check and the commit. The caller checks again, which names the holder.
 */
export function isGlnRefusal(error: unknown): boolean {
  const e = error as { message?: unknown; constraint?: unknown };
  return /gln_holders|GLN_HELD/.test(String(e?.message)) || e?.constraint === 'gln_holders_pkey';
}

/**
 * For a write's `.catch`: when the database refused it for a GLN taken meanwhile, `recheck` (the check the write
 * passed) answers the 409 naming who took it; anything else goes on as it was.
 */
export function glnTakenMeanwhile(recheck: () => Promise<void>) {
  return async (error: unknown): Promise<never> => {
    if (isGlnRefusal(error)) await recheck();
    throw error;
  };
}
