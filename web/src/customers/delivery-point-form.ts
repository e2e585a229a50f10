import type { Weekday } from '../../../core/calendar/dates.ts';
import type { DeliveryPoint } from '../../../core/customers/customer.ts';
import { blankToNull, parseInteger } from '../shared/form-values.ts';

export type DeliveryPointFormValues = {
  code: string;
  name: string;
  gln: string;
  street: string;
  postcode: string;
  city: string;
  deliveryWeekdays: Weekday[];
  leadTimeDays: string;
  cutoffTime: string;
  windowFrom: string;
  windowTo: string;
  appointmentRequired: boolean;
  unloadingNotes: string;
  isDefault: boolean;
};

export function deliveryPointToForm(p: DeliveryPoint | null): DeliveryPointFormValues {
  return {
    code: p?.code ?? '',
    name: p?.name ?? '',
    gln: p?.gln ?? '',
    street: p?.street ?? '',
    postcode: p?.postcode ?? '',
    city: p?.city ?? '',
    deliveryWeekdays: p?.deliveryWeekdays ?? ['MON', 'TUE', 'WED', 'THU', 'FRI'],
    leadTimeDays: String(p?.leadTimeDays ?? 1),
    cutoffTime: p?.cutoffTime ?? '12:00',
    windowFrom: p?.windowFrom ?? '',
    windowTo: p?.windowTo ?? '',
    appointmentRequired: p?.appointmentRequired ?? false,
    unloadingNotes: p?.unloadingNotes ?? '',
    isDefault: p?.isDefault ?? false,
  };
}

/** Body of POST /api/customers/{id}/delivery-points and PUT /api/delivery-points/{id}. */
export function deliveryPointBody(v: DeliveryPointFormValues): Record<string, unknown> {
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    gln: blankToNull(v.gln),
    street: v.street.trim(),
    postcode: v.postcode.trim(),
    city: v.city.trim(),
    deliveryWeekdays: v.deliveryWeekdays,
    leadTimeDays: parseInteger(v.leadTimeDays) ?? v.leadTimeDays,
    cutoffTime: v.cutoffTime.trim(),
    windowFrom: blankToNull(v.windowFrom),
    windowTo: blankToNull(v.windowTo),
    appointmentRequired: v.appointmentRequired,
    unloadingNotes: blankToNull(v.unloadingNotes),
    isDefault: v.isDefault,
  };
}
