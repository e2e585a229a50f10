import type { RiskOption as CoreRiskOption } from '../../../../core/risks/options.ts';
import type { Risk } from '../types.ts';

/** One option of GET /api/risks/{id}: core's option, without the order changes the server applies. */
export type RiskOption = Omit<CoreRiskOption, 'changes'>;

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
