import type { Generated } from 'kysely';

export type BackupRunsTable = {
  id: Generated<number>;
  /** The backup's folder name (core/ops/backup-name.ts). */
  name: string;
  /** The folder it was written to, as the node that took it sees it. */
  location: string;
  trigger: 'schedule' | 'admin' | 'command';
  status: 'ok' | 'failed';
  error: string | null;
  fileCount: number | null;
  sizeBytes: number | null;
  startedAt: string;
  finishedAt: string;
};
