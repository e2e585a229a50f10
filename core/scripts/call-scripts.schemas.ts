import { Type, type Static } from '@sinclair/typebox';
import { TYPOLOGIES } from '../customers/customer-enums.ts';
import { ListOf, literals, NonBlankText, Nullable } from '../shared/schemas.ts';
import { CALL_SCRIPT_SCREENS } from './call-scripts.ts';

const Part = (description: string) => NonBlankText(2000, { description: `${description}; one sentence per line` });

/** PUT /api/call-scripts/{typology}/{screen}: the four parts, as the manager wrote them. */
export const CallScriptTextSchema = Type.Object(
  {
    opening: Part('how to open the call'),
    questions: Part('what to ask'),
    calming: Part('how to calm a conflict'),
    closing: Part('how to close'),
  },
  { additionalProperties: false },
);
export type CallScriptTextInput = Static<typeof CallScriptTextSchema>;

export const CallScriptParamsSchema = Type.Object({ typology: literals(TYPOLOGIES), screen: literals(CALL_SCRIPT_SCREENS) });

export const CallScriptSchema = Type.Object({
  typology: literals(TYPOLOGIES),
  screen: literals(CALL_SCRIPT_SCREENS),
  text: Type.Object(
    { fr: CallScriptTextSchema, en: CallScriptTextSchema },
    { description: "Carnet's script in each language, or the manager's words (the same in both) once he rewrote it" },
  ),
  edited: Nullable(Type.Object({ by: Nullable(Type.Integer()), byName: Nullable(Type.String()), at: Type.String() })),
});
export type CallScriptAnswer = Static<typeof CallScriptSchema>;
export const CallScriptListSchema = ListOf(CallScriptSchema);
export type CallScriptList = Static<typeof CallScriptListSchema>;
