import { Type, type Static } from '@sinclair/typebox';
import { ClockTimeString } from '../calls/calls.schemas.ts';
import { BilingualSchema } from '../orders/findings.schemas.ts';
import { Id, IsoDateString, literals, Nullable, NonBlankText, Text } from '../shared/schemas.ts';
import { DAY_ITEM_KINDS, ESTIMATE_SOURCES } from './day-item.ts';

export const DayQuerySchema = Type.Object(
  { date: Type.Optional(IsoDateString), userId: Type.Optional(Id) },
  { additionalProperties: false },
);
export type DayQuery = Static<typeof DayQuerySchema>;

export const HandoverNoteSchema = Type.Object({
  id: Type.Integer(),
  customerId: Nullable(Type.Integer()),
  itemRef: Nullable(Type.String()),
  authorId: Type.Integer(),
  authorName: Type.String(),
  text: Type.String(),
  at: Type.String(),
});
export type HandoverNote = Static<typeof HandoverNoteSchema>;

export const DayItemSchema = Type.Object({
  kind: literals(DAY_ITEM_KINDS),
  ref: Type.String({ description: '<kind>:<id>, unique in the day' }),
  customerId: Nullable(Type.Integer()),
  customerName: Nullable(Type.String()),
  title: BilingualSchema,
  reason: BilingualSchema,
  priority: Type.Integer({ description: '1 most urgent … 5' }),
  estimatedMinutes: Type.Integer(),
  estimateSource: literals(ESTIMATE_SOURCES),
  estimateSamples: Type.Integer({ description: 'how many pieces of work of this kind the estimate is the median of' }),
  at: Type.Optional(Type.String({ description: 'the set time of a call, HH:MM: the item keeps it' })),
  startsAt: Type.String({ description: 'HH:MM planned' }),
  endsAt: Type.String(),
  fits: Type.Boolean({ description: 'done within her working time' }),
  target: Nullable(
    Type.Object({
      screen: literals(['edi', 'order', 'risk', 'complaint', 'penalty', 'customer', 'satisfaction'] as const),
      id: Type.Integer(),
    }),
  ),
  handovers: Type.Array(HandoverNoteSchema),
});
export type DayItem = Static<typeof DayItemSchema>;

/** GET /api/day: her day, planned. */
export const DaySchema = Type.Object({
  date: IsoDateString,
  userId: Type.Integer(),
  userName: Type.String(),
  capacityMinutes: Type.Integer({ description: 'her working minutes left in the day (hours, break and absences known)' }),
  plannedMinutes: Type.Integer(),
  overMinutes: Type.Integer({ description: 'how much does not fit; 0 when it does' }),
  workingIntervals: Type.Array(Type.Object({ from: Type.String(), to: Type.String() })),
  items: Type.Array(DayItemSchema),
  proposals: Type.Array(
    Type.Object({
      ref: Type.String(),
      action: literals(['move', 'hand-over'] as const),
      minutes: Type.Integer(),
      toUserId: Nullable(Type.Integer()),
    }),
  ),
  changes: Type.Object({
    since: Nullable(Type.String({ description: 'when she last acknowledged her day; null: never today' })),
    added: Type.Array(Type.String()),
    removed: Type.Array(Type.String()),
  }),
});
export type Day = Static<typeof DaySchema>;

/** POST /api/day/seen: she has seen the plan with these items (what changes next is shown against it). */
export const DaySeenSchema = Type.Object(
  { date: IsoDateString, refs: Type.Array(Text(60), { maxItems: 500 }) },
  { additionalProperties: false },
);
export type DaySeen = Static<typeof DaySeenSchema>;

export const DayRefParams = Type.Object({ ref: Type.String({ pattern: '^[a-z-]+:\\d{1,10}$', maxLength: 60 }) });

/** POST /api/day/items/{ref}/assign: to whom, for which day (today by default). */
export const AssignItemSchema = Type.Object({ userId: Id, date: Type.Optional(IsoDateString) }, { additionalProperties: false });
export type AssignItem = Static<typeof AssignItemSchema>;

/** The team's load: each assistant's planned minutes against her time, today and over the week. */
export const TeamLoadSchema = Type.Object({
  date: IsoDateString,
  assistants: Type.Array(
    Type.Object({
      userId: Type.Integer(),
      name: Type.String(),
      today: Type.Object({
        capacityMinutes: Type.Integer(),
        plannedMinutes: Type.Integer(),
        overMinutes: Type.Integer(),
        items: Type.Integer(),
      }),
      week: Type.Array(Type.Object({ date: IsoDateString, capacityMinutes: Type.Integer(), plannedMinutes: Type.Integer() })),
      customers: Type.Integer({ description: 'her portfolio' }),
      absences: Type.Array(
        Type.Object({
          id: Type.Integer(),
          dateFrom: Type.String(),
          dateTo: Type.String(),
          from: Nullable(Type.String()),
          to: Nullable(Type.String()),
          coveredById: Nullable(Type.Integer()),
        }),
      ),
    }),
  ),
});
export type TeamLoad = Static<typeof TeamLoadSchema>;

/** POST /api/day/absences: an absence, whole days or part of one; `coveredById` takes her portfolio meanwhile. */
export const AbsenceInputSchema = Type.Object(
  {
    userId: Id,
    dateFrom: IsoDateString,
    dateTo: IsoDateString,
    from: Type.Optional(ClockTimeString),
    to: Type.Optional(ClockTimeString),
    coveredById: Type.Optional(Id),
    note: Type.Optional(Text(200)),
  },
  { additionalProperties: false },
);
export type AbsenceInput = Static<typeof AbsenceInputSchema>;
export const AbsenceSchema = Type.Object({ id: Type.Integer() });

/** POST /api/handover-notes: a note for whoever takes the customer or the item next. */
export const HandoverInputSchema = Type.Object(
  {
    customerId: Type.Optional(Id),
    itemRef: Type.Optional(Type.String({ pattern: '^[a-z-]+:\\d{1,10}$', maxLength: 60 })),
    text: NonBlankText(1000),
  },
  { additionalProperties: false },
);
export type HandoverInput = Static<typeof HandoverInputSchema>;
export const HandoverQuerySchema = Type.Object(
  { customerId: Type.Optional(Id), itemRef: Type.Optional(Text(60)) },
  { additionalProperties: false },
);
export const HandoverListSchema = Type.Object({ items: Type.Array(HandoverNoteSchema) });

/**
 * POST /api/work-timings: a piece of work timed by the screen she did it on, from opening to finishing (the order
 * entry, a complaint, the EDI queue, a draft's approval); `ref` names an item's kind or a step's ('order-entry').
 */
export const WorkTimingInputSchema = Type.Object(
  {
    ref: Type.String({ pattern: '^[a-z-]+:\\d{1,10}$', maxLength: 60 }),
    startedAt: Type.String({ format: 'date-time', maxLength: 40 }),
    endedAt: Type.String({ format: 'date-time', maxLength: 40 }),
  },
  { additionalProperties: false },
);
export type WorkTimingInput = Static<typeof WorkTimingInputSchema>;
export const CreatedSchema = Type.Object({ id: Type.Integer() });

export const PostponeItemSchema = Type.Object({ date: Type.Optional(IsoDateString) }, { additionalProperties: false });
export const ItemMovedSchema = Type.Object({ ref: Type.String(), userId: Type.Integer(), date: IsoDateString });
export const TeamQuerySchema = Type.Object({ date: Type.Optional(IsoDateString) }, { additionalProperties: false });
