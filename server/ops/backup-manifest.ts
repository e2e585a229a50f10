import fs from 'node:fs';
import path from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/** What a backup folder says of itself: written last, so a folder without it was never finished. */
const ManifestSchema = Type.Object({
  format: Type.Literal(1),
  engine: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
  takenAt: Type.String(),
  /** The database's file in the folder: carnet.sqlite (SQLite's online backup) or carnet.dump (pg_dump, custom format). */
  database: Type.Union([Type.Literal('carnet.sqlite'), Type.Literal('carnet.dump')]),
  /** How many stored files (documents, EDI raw files, PDFs, photos) the database names, all copied under files/. */
  fileCount: Type.Integer({ minimum: 0 }),
  /** The newest migration of the Carnet that took it: a Carnet that does not know it must not restore it. */
  migration: Type.String(),
});
export type BackupManifest = Static<typeof ManifestSchema>;

export const MANIFEST_FILE = 'manifest.json';

export async function writeManifest(dir: string, manifest: BackupManifest): Promise<void> {
  await fs.promises.writeFile(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { flush: true });
}

/** The manifest of a backup folder, or an error saying why the folder is not a Carnet backup. */
export async function readManifest(dir: string): Promise<BackupManifest> {
  let raw: unknown;
  try {
    raw = JSON.parse(await fs.promises.readFile(path.join(dir, MANIFEST_FILE), 'utf8'));
  } catch (error) {
    throw new Error(`${dir} is not a Carnet backup: no readable ${MANIFEST_FILE} (${(error as Error).message})`, { cause: error });
  }
  if (!Value.Check(ManifestSchema, raw)) throw new Error(`${dir} is not a Carnet backup: its ${MANIFEST_FILE} is not one Carnet wrote`);
  return raw;
}
