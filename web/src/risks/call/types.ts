import type { RiskOption as CoreRiskOption } from '../../../../core/risks/options.ts';

/** One option of GET /api/risks/{id}: core's option, without the order changes the server applies. */
export type RiskOption = Omit<CoreRiskOption, 'changes'>;

export type { ResolveAnswer, RiskCall, RiskContact, UndoAnswer } from '../../../../core/risks/risks.schemas.ts';
