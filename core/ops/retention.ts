import { backupTakenAt } from './backup-name.ts';

/**
 * Which backups to delete so that the `keep` newest remain. Only names that are backups count (anything else in
 * the folder stays), and the newest is never deleted whatever `keep` says: a retention setting of 0 must not leave
 * a company without its last copy.
 */
export function backupsToPrune(names: readonly string[], keep: number): string[] {
  const backups = names
    .map((name) => ({ name, at: backupTakenAt(name) }))
    .filter((b): b is { name: string; at: Date } => b.at !== null)
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  return backups.slice(Math.max(1, keep)).map((b) => b.name);
}
