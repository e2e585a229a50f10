import {
  callScriptAuditId,
  callScripts,
  defaultCallScript,
  type CallScript,
  type CallScriptScreen,
  type CallScriptText,
} from '../../core/scripts/call-scripts.ts';
import type { Typology } from '../../core/customers/customer-enums.ts';
import { auditRow, recordAudits } from '../audit/audit.repository.ts';
import type { Db, DbOrTrx } from '../db/database.ts';
import { deleteCallScript, findCallScriptRow, listCallScriptRows, saveCallScript } from './scripts.repository.ts';

/** Every typology's script on every call screen, the manager's where he wrote one. */
export async function listCallScripts(db: DbOrTrx): Promise<CallScript[]> {
  return callScripts(await listCallScriptRows(db));
}

const trimmed = (text: CallScriptText): CallScriptText => ({
  opening: text.opening.trim(),
  questions: text.questions.trim(),
  calming: text.calming.trim(),
  closing: text.closing.trim(),
});

const textOf = (row: CallScriptText): CallScriptText => ({
  opening: row.opening,
  questions: row.questions,
  calming: row.calming,
  closing: row.closing,
});

/** A manager rewrites a script: stored and audited with what it said before (Carnet's French default the first time). */
export async function putCallScript(
  db: Db,
  typology: Typology,
  screen: CallScriptScreen,
  text: CallScriptText,
  userId: number,
  now: Date,
): Promise<CallScript> {
  const at = now.toISOString();
  const after = trimmed(text);
  await db.transaction().execute(async (trx) => {
    const old = await findCallScriptRow(trx, typology, screen);
    const before = old ? textOf(old) : defaultCallScript(typology, screen, 'fr');
    await saveCallScript(trx, { typology, screen, ...after, updatedBy: userId, updatedAt: at });
    await recordAudits(trx, [
      auditRow({
        entityType: 'call_script',
        entityId: callScriptAuditId(typology, screen),
        action: old ? 'update' : 'create',
        userId,
        before: { typology, screen, ...before },
        after: { typology, screen, ...after },
        at,
      }),
    ]);
  });
  return (await listCallScripts(db)).find((s) => s.typology === typology && s.screen === screen)!;
}

/**
 * A manager goes back to Carnet's script (in each language again): his words are removed, and audited with what
 * they said. Nothing to remove is no change.
 */
export async function resetCallScript(
  db: Db,
  typology: Typology,
  screen: CallScriptScreen,
  userId: number,
  now: Date,
): Promise<CallScript> {
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const old = await findCallScriptRow(trx, typology, screen);
    if (!old) return;
    await deleteCallScript(trx, typology, screen);
    await recordAudits(trx, [
      auditRow({
        entityType: 'call_script',
        entityId: callScriptAuditId(typology, screen),
        action: 'delete',
        userId,
        before: { typology, screen, ...textOf(old) },
        after: { typology, screen, ...defaultCallScript(typology, screen, 'fr') },
        at,
      }),
    ]);
  });
  return (await listCallScripts(db)).find((s) => s.typology === typology && s.screen === screen)!;
}
