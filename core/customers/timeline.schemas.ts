import { Type, type Static } from '@sinclair/typebox';
import { MOODS } from '../complaints/complaint.ts';
import { Int32, literals, Nullable, Text } from '../shared/schemas.ts';
import { CustomerNoteSchema } from './notes.schemas.ts';
import { TIMELINE_KINDS } from './timeline.ts';

export const TimelineQuerySchema = Type.Object(
  {
    before: Type.Optional(Text(80, { description: 'the `next` of the previous page' })),
    limit: Type.Optional(Int32({ minimum: 1, maximum: 100, default: 30 })),
  },
  { additionalProperties: false },
);
export type TimelineQuery = Static<typeof TimelineQuerySchema>;

/** What an entry is about, to link to it (an order, a delivery's order, a complaint, a risk, an EDI message). */
export const TimelineRefSchema = Type.Object({
  type: literals(['order', 'complaint', 'risk', 'note', 'call', 'satisfaction', 'edi'] as const),
  id: Type.Integer(),
});

export const TimelineEntrySchema = Type.Object({
  kind: literals(TIMELINE_KINDS),
  id: Type.Integer({ description: "the source's own id: with kind and at, the entry's place in the keyset" }),
  at: Type.String(),
  ref: TimelineRefSchema,
  params: Type.Record(Type.String(), Nullable(Type.Union([Type.String(), Type.Number()])), {
    description: 'what the web words the entry with, per kind',
  }),
});
export type TimelineEntry = Static<typeof TimelineEntrySchema>;

export const TimelinePageSchema = Type.Object({
  items: Type.Array(TimelineEntrySchema),
  next: Nullable(Type.String({ description: 'pass as `before` for the next page; null: the story is told' })),
});
export type TimelinePage = Static<typeof TimelinePageSchema>;

/** What a colleague should know before speaking: notes, the mood last noted and the matters still open. */
export const CustomerStorySchema = Type.Object({
  notes: Type.Array(CustomerNoteSchema),
  mood: Nullable(Type.Object({ mood: literals(MOODS), at: Type.String(), source: literals(['complaint', 'note'] as const) })),
  open: Type.Object({
    complaints: Type.Array(Type.Object({ id: Type.Integer(), number: Type.String(), reason: Type.String(), receivedAt: Type.String() })),
    risks: Type.Array(
      Type.Object({
        id: Type.Integer(),
        orderId: Type.Integer(),
        orderNumber: Type.String(),
        cause: Type.String(),
        promisedDate: Type.String(),
      }),
    ),
    approvals: Type.Array(Type.Object({ id: Type.Integer(), number: Type.String(), grossCents: Type.Integer() })),
  }),
});
export type CustomerStory = Static<typeof CustomerStorySchema>;
