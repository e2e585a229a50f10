/** GET /api/risks and /api/risks/{id}, GET /api/availability, GET /api/planned-receipts: the schemas' Static<> types. */
export type { Risk, RiskCount, RiskList } from '../../../core/risks/risks.schemas.ts';
export type { AvailabilityAnswer, Receipt as PlannedReceipt, ReceiptList } from '../../../core/stock/availability.schemas.ts';
