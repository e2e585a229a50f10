import { Type, type Static } from '@sinclair/typebox';
import { MOODS } from '../complaints/complaint.ts';
import { Id, literals, NonBlankText, Nullable } from '../shared/schemas.ts';

/** POST /api/customers/:id/notes: a note for colleagues; a pinned one shows at order entry and on the call screen. */
export const CustomerNoteInputSchema = Type.Object(
  {
    text: NonBlankText(2000, { description: 'what a colleague should know before speaking to the customer' }),
    pinned: Type.Boolean(),
    mood: Type.Optional(Nullable(literals(MOODS))),
  },
  { additionalProperties: false },
);
export type CustomerNoteInput = Static<typeof CustomerNoteInputSchema>;

/** PATCH /api/customers/:id/notes/:noteId: pin, unpin or reword. */
export const CustomerNotePatchSchema = Type.Object(
  {
    text: Type.Optional(NonBlankText(2000)),
    pinned: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type CustomerNotePatch = Static<typeof CustomerNotePatchSchema>;

export const CustomerNoteParamsSchema = Type.Object({ id: Id, noteId: Id });

export const CustomerNoteSchema = Type.Object({
  id: Type.Integer(),
  customerId: Type.Integer(),
  text: Type.String(),
  pinned: Type.Boolean(),
  mood: Nullable(literals(MOODS)),
  authorName: Nullable(Type.String()),
  at: Type.String(),
  updatedAt: Type.String(),
});
export type CustomerNote = Static<typeof CustomerNoteSchema>;
