import { Type, type Static } from '@sinclair/typebox';
import { MAIL_CODES, type MailCode } from '../shared/error-codes.ts';
import { DocumentIdSchema } from '../shared/schemas.ts';
import { OUTBOX_STATUSES } from './outbox.ts';

export const OrderEmailSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.String({ description: '`acknowledgement`: the order acknowledgement (ARC)' }),
  documentId: Type.Union([DocumentIdSchema, Type.Null()], { description: 'The attached document: GET /api/documents/{id}' }),
  to: Type.Union([Type.String(), Type.Null()]),
  toName: Type.Union([Type.String(), Type.Null()]),
  subject: Type.String(),
  status: Type.Union(OUTBOX_STATUSES.map((s) => Type.Literal(s))),
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()], { description: 'The error in English, for logs: screens use `error`' }),
  error: Type.Union([
    Type.Object({
      code: Type.Union(Object.keys(MAIL_CODES).map((c) => Type.Literal(c as MailCode))),
      params: Type.Record(Type.String(), Type.String()),
    }),
    Type.Null(),
  ]),
  nextAttemptAt: Type.Union([Type.String(), Type.Null()], { description: 'When a pending email is tried next' }),
  sentAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});
export type OrderEmail = Static<typeof OrderEmailSchema>;
