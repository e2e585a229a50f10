import type { Risk } from '../types.ts';

/** One option of GET /api/risks/{id} (core/risks/options.ts). */
export type RiskOption = {
  kind: 'substitute' | 'partial-backorder' | 'partial-cancel' | 'postpone' | 'other-warehouse';
  productId?: number;
  warehouseId?: number;
  label: { fr: string; en: string };
  accepted: boolean;
  needsApproval: boolean;
  newDates: { delivery: string; backorder?: string };
  priceEffectCents: number;
  penaltyEffect: { claimableCents: number; capCents: number | null };
};

export type RiskContact = { id: number; name: string; role: string | null; phone: string | null; email: string | null; preferredHours: string | null; isOrderContact: boolean };

/** GET /api/risks/{id}: the risk with what the call needs. */
export type RiskCall = Risk & {
  options: RiskOption[];
  customerPhone: string | null;
  contacts: RiskContact[];
  situation: { fr: string[]; en: string[] };
  script: { fr: string[]; en: string[] };
};

export type ResolveAnswer = { outcome: 'applied' | 'call-back'; riskId: number; orderId: number; taskId?: number; backorder?: { id: number; number: string } | null };
