import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../shared/schemas.ts';

export const HealthSchema = Type.Object({ status: Type.Union([Type.Literal('ok'), Type.Literal('draining')]) });
export const ReadinessSchema = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('starting'), Type.Literal('draining')]),
});

export const BackupRunSchema = Type.Object({
  name: Type.String({ description: 'the backup folder, carnet-backup-<UTC instant>' }),
  location: Type.String({ description: 'the folder as the node that wrote it sees it' }),
  trigger: Type.Union([Type.Literal('schedule'), Type.Literal('admin'), Type.Literal('command')]),
  status: Type.Union([Type.Literal('ok'), Type.Literal('failed')], { description: 'ok: written and its check passed' }),
  error: Nullable(Type.String()),
  fileCount: Nullable(Type.Integer()),
  sizeBytes: Nullable(Type.Integer()),
  startedAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.String({ format: 'date-time' }),
});
export type BackupRun = Static<typeof BackupRunSchema>;

export const BackupOverviewSchema = Type.Object({
  engine: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
  directory: Type.String({ description: 'BACKUP_DIR, where scheduled and admin backups go' }),
  schedule: Nullable(Type.String({ description: 'BACKUP_CRON, in Paris time' })),
  nextAt: Nullable(Type.String({ format: 'date-time' })),
  keep: Type.Integer({ description: 'BACKUP_KEEP' }),
  running: Type.Boolean(),
  runs: Type.Array(BackupRunSchema, { description: 'the latest backups, newest first' }),
});
export type BackupOverview = Static<typeof BackupOverviewSchema>;
