import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { MASTER_DATA_ADMINS } from '../../core/auth/roles.ts';
import { currentUser } from '../auth/auth.plugin.ts';
import { ProblemSchema } from '../../core/shared/schemas.ts';
import { IMPORT_KINDS, IMPORT_MODES, type ImportMode } from '../../core/imports/import-kinds.ts';
import { ImportProblemSchema, ImportReportSchema } from '../../core/imports/imports.schemas.ts';
import { runImport, templateCsv } from './imports.service.ts';
import { malformed } from './table.ts';
import { assertUploadContent } from '../http/upload-content.ts';

const KindParams = Type.Object({ kind: Type.Union(IMPORT_KINDS.map((k) => Type.Literal(k))) });
/** The file and the mode, in whichever order the client sent the parts. */
export async function readUpload(request: FastifyRequest): Promise<{ bytes: Buffer; filename: string; mode: ImportMode }> {
  if (!request.isMultipart()) throw malformed('Send the file as multipart/form-data, in a part named "file".');
  let file: { bytes: Buffer; filename: string } | null = null;
  let mode = 'validate';
  for await (const part of request.parts()) {
    if (part.type === 'file') file = { bytes: await part.toBuffer(), filename: part.filename };
    else if (part.fieldname === 'mode') mode = String(part.value);
  }
  if (!file) throw malformed('No file: send it in a part named "file".');
  // The name is kept with the stored file; PostgreSQL's text cannot hold a NUL.
  if (file.filename.includes('\u0000')) throw malformed('The file name contains a NUL character.');
  // By content: a CSV is text, a workbook is an xlsx; anything else is refused whatever its name says.
  await assertUploadContent(file.bytes, ['xlsx']);
  if (!(IMPORT_MODES as readonly string[]).includes(mode)) throw malformed(`mode must be one of ${IMPORT_MODES.join(', ')}`, 'body.mode');
  return { ...file, mode: mode as ImportMode };
}

export const importsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/imports/:kind',
    {
      config: { access: MASTER_DATA_ADMINS },
      schema: {
        tags: ['imports'],
        summary: 'Import a CSV (";" or ",") or .xlsx file of products, customers, price lists or stock levels',
        description:
          'multipart/form-data with `file` and `mode`: `validate` (default) writes nothing; `commit` writes every row in one transaction, or nothing (422) if a row is wrong; `commit-valid` writes the good rows only.',
        consumes: ['multipart/form-data'],
        params: KindParams,
        response: {
          200: ImportReportSchema,
          400: ProblemSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          413: ProblemSchema,
          422: ImportProblemSchema,
        },
      },
    },
    async (request) => {
      const upload = await readUpload(request);
      return runImport(app.db, { kind: request.params.kind, ...upload, userId: currentUser(request).id }, app.clock.now());
    },
  );

  app.get(
    '/api/imports/:kind/template.csv',
    {
      config: { access: MASTER_DATA_ADMINS },
      schema: {
        tags: ['imports'],
        summary: 'A CSV with the expected header and one example row',
        params: KindParams,
        response: { 200: Type.String({ description: 'text/csv' }), 401: ProblemSchema, 403: ProblemSchema },
      },
    },
    async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="carnet-${request.params.kind}.csv"`)
        .send(templateCsv(request.params.kind)),
  );
};
