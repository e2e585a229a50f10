import { describe, expect, it } from 'vitest';
import { deliveryPointBody, deliveryPointToForm } from './delivery-point-form.ts';

describe('deliveryPointBody', () => {
  it('starts a new point on weekdays, next day, noon cut-off', () => {
    const v = deliveryPointToForm(null);
    expect([v.deliveryWeekdays, v.leadTimeDays, v.cutoffTime]).toEqual([['MON', 'TUE', 'WED', 'THU', 'FRI'], '1', '12:00']);
  });
  it('sends numbers as numbers and blank optional fields as null', () => {
    const body = deliveryPointBody({ ...deliveryPointToForm(null), code: 'LIV1', leadTimeDays: ' 2 ', windowFrom: '' });
    expect(body).toMatchObject({ code: 'LIV1', leadTimeDays: 2, windowFrom: null, gln: null });
  });
});
