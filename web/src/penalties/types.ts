export type { NoticeList } from '../../../core/penalties/penalties.schemas.ts';
export type { CustomerPenaltyClause, DeliveryPenalty, OrderExposure, PenaltyNotice } from '../../../core/penalties/views.ts';

/** Euros typed in a form → integer cents; empty → null. */
export const toCents = (euros: number | string | null | undefined): number | null =>
  euros === '' || euros === null || euros === undefined ? null : Math.round(Number(euros) * 100);
