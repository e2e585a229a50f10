import { Type, type Static } from '@sinclair/typebox';
import { TYPOLOGIES } from '../customers/customer-enums.ts';
import { Id, Int32, IsoDateString, ListOf, literals, NonBlankText, Nullable } from '../shared/schemas.ts';
import { SATISFACTION_QUESTIONS } from './satisfaction.ts';

/** POST /api/customers/{id}/satisfaction: the scores and the customer's words; complaintId: a resolved complaint's one question. */
export const SatisfactionInputSchema = Type.Object(
  {
    answers: Type.Array(
      Type.Object(
        { question: literals(SATISFACTION_QUESTIONS), score: Int32({ minimum: 0, maximum: 10 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: SATISFACTION_QUESTIONS.length },
    ),
    comment: Type.Optional(NonBlankText(4000, { description: "the customer's words" })),
    complaintId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type SatisfactionInput = Static<typeof SatisfactionInputSchema>;

export const SatisfactionInterviewSchema = Type.Object({
  id: Type.Integer(),
  customerId: Type.Integer(),
  complaintId: Nullable(Type.Integer()),
  at: Type.String(),
  answers: Type.Array(Type.Object({ question: literals(SATISFACTION_QUESTIONS), score: Type.Integer() })),
  overall: Nullable(Type.Integer()),
  comment: Nullable(Type.String()),
  followUpTaskId: Nullable(Type.Integer({ description: "the manager's follow-up a low score opened" })),
});
export type SatisfactionInterview = Static<typeof SatisfactionInterviewSchema>;
export const SatisfactionInterviewListSchema = ListOf(SatisfactionInterviewSchema);
export type SatisfactionInterviewList = Static<typeof SatisfactionInterviewListSchema>;

export const SatisfactionDueSchema = Type.Object({
  customerId: Type.Integer(),
  customerCode: Type.String(),
  customerName: Type.String(),
  typology: literals(TYPOLOGIES),
  assistantUserId: Nullable(Type.Integer()),
  lastInterviewOn: Nullable(IsoDateString),
  dueOn: IsoDateString,
  rhythmMonths: Type.Integer(),
});
export type SatisfactionDue = Static<typeof SatisfactionDueSchema>;
export const SatisfactionDueListSchema = ListOf(SatisfactionDueSchema);
export type SatisfactionDueList = Static<typeof SatisfactionDueListSchema>;

export const SatisfactionDueQuerySchema = Type.Object(
  { date: Type.Optional(IsoDateString), assistantId: Type.Optional(Id) },
  { additionalProperties: false },
);

export const SatisfactionGuideSchema = Type.Object({
  typology: literals(TYPOLOGIES),
  rhythmMonths: Type.Integer(),
  questions: Type.Array(literals(SATISFACTION_QUESTIONS)),
  lowScore: Type.Integer(),
});
export const SatisfactionGuideListSchema = ListOf(SatisfactionGuideSchema);
export type SatisfactionGuideList = Static<typeof SatisfactionGuideListSchema>;
