/**
 * A backup is a folder named after the instant it was taken, in UTC so that names sort in time order and two
 * nodes in different zones agree: `carnet-backup-2026-12-06T08-30-00Z`. Retention reads the instant back from
 * the name, so it never has to trust a folder's mtime (which a copy to another disk changes).
 */
const PREFIX = 'carnet-backup-';
const NAME = /^carnet-backup-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z$/;

export function backupName(at: Date): string {
  return `${PREFIX}${at.toISOString().slice(0, 19).replaceAll(':', '-')}Z`;
}

/** The instant a backup folder's name says, or null for any other name (what else lives in BACKUP_DIR is left alone). */
export function backupTakenAt(name: string): Date | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const at = new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}Z`);
  return Number.isNaN(at.getTime()) || backupName(at) !== name ? null : at;
}
