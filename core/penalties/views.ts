import type { Static } from '@sinclair/typebox';
import type { CustomerClauseSchema, DeliveryPenaltySchema, EstimateSchema, ExposureSchema, NoticeSchema } from './penalties.schemas.ts';

/** What the penalty routes answer, shared by the server that builds them and the screens that show them. */

/** An estimate as answered (the rules' PenaltyEstimate, its basis kinds as plain text). */
export type PenaltyEstimateView = Static<typeof EstimateSchema>;
export type CustomerPenaltyClause = Static<typeof CustomerClauseSchema>;
export type DeliveryPenalty = Static<typeof DeliveryPenaltySchema>;
/** `late`: complete, but `daysLate` days after the promised date; `short`: on time with the given lines short (null when none asked). */
export type OrderExposure = Static<typeof ExposureSchema>;
/** A notice: the facts the checks read, where it stands, and the checks' verdict. */
export type PenaltyNotice = Static<typeof NoticeSchema>;
