import type { RiskOptionKind } from '../../../../core/risks/options.ts';
import type { Risk } from '../types.ts';

/** One option of GET /api/risks/{id} (core/risks/options.ts). */
export type RiskOption = {
  kind: RiskOptionKind;
  productId?: number;
  warehouseId?: number;
  label: { fr: string; en: string };
  accepted: boolean;
  needsApproval: boolean;
  newDates: { delivery: string; backorder?: string; secondDelivery?: string };
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
  /** The warehouse that serves (or would serve) the line. */
  warehouse: { id: number; code: string; name: string } | null;
  /** The EDI order's own 4493 code, which overrides the customer's settings. */
  deliveryRequirement: string | null;
};

export type ResolveAnswer = { outcome: 'applied' | 'call-back'; riskId: number; orderId: number; taskId?: number; backorder?: { id: number; number: string } | null };
