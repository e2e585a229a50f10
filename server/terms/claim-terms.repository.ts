import type { Insertable } from 'kysely';
import type { DbOrTrx } from '../db/database.ts';
import type { ClaimTermsTable } from './terms.table.ts';

/** What one version of the terms says about complaints for one typology; undefined: it says nothing. */
export function findClaimTerms(db: DbOrTrx, termsId: number, typology: string) {
  return db.selectFrom('claimTerms').selectAll().where('termsId', '=', termsId).where('typology', '=', typology).executeTakeFirst();
}

export function listClaimTerms(db: DbOrTrx, termsIds: readonly number[]) {
  if (!termsIds.length) return Promise.resolve([]);
  return db.selectFrom('claimTerms').selectAll().where('termsId', 'in', termsIds).execute();
}

/** A version's claim terms are replaced whole, as its table of typologies is. */
export async function replaceClaimTerms(db: DbOrTrx, termsId: number, rows: readonly Insertable<ClaimTermsTable>[]): Promise<void> {
  await db.deleteFrom('claimTerms').where('termsId', '=', termsId).execute();
  if (rows.length)
    await db
      .insertInto('claimTerms')
      .values([...rows])
      .execute();
}
