import { Type, type Static } from '@sinclair/typebox';
import { WeekdaySchema } from '../customers/customers.schemas.ts';
import { Id, IsoDateString, ListOf, literals, Nullable, Text } from '../shared/schemas.ts';
import { CALL_DIRECTIONS, CALL_OUTCOMES, CALL_PURPOSES } from './call.ts';

export const ClockTimeString = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM, Europe/Paris' });
const Instant = Type.String({ format: 'date-time', maxLength: 40, description: 'an instant, ISO 8601 with its offset' });

/** A customer's call rhythm: the days and the time window we call him, and why (his ordering call). */
export const CallRhythmInputSchema = Type.Object(
  {
    weekdays: Type.Array(WeekdaySchema, { minItems: 1, maxItems: 7, uniqueItems: true }),
    from: ClockTimeString,
    to: ClockTimeString,
    purpose: literals(CALL_PURPOSES),
    contactId: Type.Optional(Nullable(Id)),
  },
  { additionalProperties: false },
);
export type CallRhythmInput = Static<typeof CallRhythmInputSchema>;

/** GET/PUT /api/customers/{id}/call-rhythm: `rhythm` null when he has none (he calls us, or orders by EDI). */
export const CustomerCallRhythmSchema = Type.Object({
  customerId: Type.Integer(),
  rhythm: Nullable(
    Type.Object({
      weekdays: Type.Array(WeekdaySchema),
      from: Type.String(),
      to: Type.String(),
      purpose: literals(CALL_PURPOSES),
      contactId: Nullable(Type.Integer()),
      contactName: Nullable(Type.String()),
      contactPhone: Nullable(Type.String()),
      updatedAt: Type.String(),
    }),
  ),
});
export type CustomerCallRhythm = Static<typeof CustomerCallRhythmSchema>;

/** PUT /api/customers/{id}/call-rhythm: the rhythm, or null to stop calling him on a rhythm. */
export const CallRhythmPutSchema = Type.Object({ rhythm: Nullable(CallRhythmInputSchema) }, { additionalProperties: false });
export type CallRhythmPut = Static<typeof CallRhythmPutSchema>;

/** What a call is linked to. */
export const CallLinksSchema = Type.Object(
  {
    orderId: Type.Optional(Id),
    complaintId: Type.Optional(Id),
    riskId: Type.Optional(Id),
    satisfactionInterviewId: Type.Optional(Id),
  },
  { additionalProperties: false },
);

/** POST /api/calls: one call, in or out, as it happened. */
export const CallInputSchema = Type.Object(
  {
    customerId: Id,
    contactId: Type.Optional(Id),
    direction: literals(CALL_DIRECTIONS),
    purpose: literals(CALL_PURPOSES),
    startedAt: Instant,
    endedAt: Instant,
    outcome: literals(CALL_OUTCOMES),
    note: Type.Optional(Text(2000)),
    /** For the outcome `call-back`: when he asked to be called back. */
    callBackAt: Type.Optional(Instant),
    links: Type.Optional(CallLinksSchema),
  },
  { additionalProperties: false },
);
export type CallInput = Static<typeof CallInputSchema>;

export const CallSchema = Type.Object({
  id: Type.Integer(),
  customerId: Type.Integer(),
  customerCode: Type.String(),
  customerName: Type.String(),
  contactId: Nullable(Type.Integer()),
  contactName: Nullable(Type.String()),
  userId: Type.Integer(),
  userName: Type.String(),
  direction: literals(CALL_DIRECTIONS),
  purpose: literals(CALL_PURPOSES),
  startedAt: Type.String(),
  endedAt: Type.String(),
  durationSeconds: Type.Integer(),
  outcome: literals(CALL_OUTCOMES),
  note: Nullable(Type.String()),
  callBackAt: Nullable(Type.String()),
  links: Type.Object({
    orderId: Nullable(Type.Integer()),
    orderNumber: Nullable(Type.String()),
    complaintId: Nullable(Type.Integer()),
    riskId: Nullable(Type.Integer()),
    satisfactionInterviewId: Nullable(Type.Integer()),
  }),
});
export type Call = Static<typeof CallSchema>;

/** GET /api/calls: the log, newest first; `q` searches the customer's name or code and the note. */
export const CallQuerySchema = Type.Object(
  {
    customerId: Type.Optional(Id),
    userId: Type.Optional(Id),
    from: Type.Optional(IsoDateString),
    to: Type.Optional(IsoDateString),
    q: Type.Optional(Text(80)),
  },
  { additionalProperties: false },
);
export type CallQuery = Static<typeof CallQuerySchema>;

export const CallListSchema = ListOf(CallSchema);
export type CallList = Static<typeof CallListSchema>;
