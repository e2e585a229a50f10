import type { Typology } from '../../core/customers/customer-enums.ts';
import { type ClaimTerms, DEFAULT_CLAIM_TERMS } from '../../core/terms/claim-terms.ts';
import type { DbOrTrx } from '../db/database.ts';
import { findClaimTerms } from './claim-terms.repository.ts';
import { findTermsOfSaleOn } from './terms.repository.ts';
import type { ClaimTermsTable } from './terms.table.ts';

/**
 * The claim deadlines and service times in force on a day for a typology, and the clause that says so ("CGV 2026,
 * art. 7"): from the version of the terms in force, else core's defaults (then no clause to quote).
 */
export async function claimTermsOn(db: DbOrTrx, typology: Typology, date: string): Promise<{ terms: ClaimTerms; clause: string | null }> {
  const version = await findTermsOfSaleOn(db, date);
  const row = version ? await findClaimTerms(db, version.id, typology) : undefined;
  if (!version || !row) return { terms: DEFAULT_CLAIM_TERMS[typology], clause: version?.name ?? null };
  return { terms: toClaimTerms(row), clause: row.article ? `${version.name}, ${row.article}` : version.name };
}

export function toClaimTerms(row: ClaimTermsTable): ClaimTerms {
  return {
    visibleDamageDays: row.visibleDamageDays,
    otherDefectDays: row.otherDefectDays,
    answerWithinHours: row.answerWithinHours,
    resolveWithinDays: row.resolveWithinDays,
    article: row.article,
  };
}
