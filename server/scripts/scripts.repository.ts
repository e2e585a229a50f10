import type { CallScriptText } from '../../core/scripts/call-scripts.ts';
import type { DbOrTrx } from '../db/database.ts';

/** The scripts a manager rewrote, with his name. */
export function listCallScriptRows(db: DbOrTrx) {
  return db
    .selectFrom('callScripts')
    .leftJoin('users', 'users.id', 'callScripts.updatedBy')
    .select([
      'callScripts.typology',
      'callScripts.screen',
      'callScripts.opening',
      'callScripts.questions',
      'callScripts.calming',
      'callScripts.closing',
      'callScripts.updatedBy',
      'callScripts.updatedAt',
      'users.name as updatedByName',
    ])
    .execute();
}

export function findCallScriptRow(db: DbOrTrx, typology: string, screen: string) {
  return db.selectFrom('callScripts').selectAll().where('typology', '=', typology).where('screen', '=', screen).executeTakeFirst();
}

export async function saveCallScript(
  db: DbOrTrx,
  row: { typology: string; screen: string; updatedBy: number; updatedAt: string } & CallScriptText,
): Promise<void> {
  const { typology: _t, screen: _s, ...changes } = row;
  await db
    .insertInto('callScripts')
    .values(row)
    .onConflict((oc) => oc.columns(['typology', 'screen']).doUpdateSet(changes))
    .execute();
}

export async function deleteCallScript(db: DbOrTrx, typology: string, screen: string): Promise<void> {
  await db.deleteFrom('callScripts').where('typology', '=', typology).where('screen', '=', screen).execute();
}
