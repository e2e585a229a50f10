import { describe, expect, it } from 'vitest';
import { complaintBody, emptyComplaintForm } from './complaint-form.ts';

describe('the complaint form', () => {
  const on = { customerId: 7, orderId: 12, deliveryId: 30 };

  it('sends only the lines with a quantity, and the reserves as said', () => {
    const form = { ...emptyComplaintForm(), reason: 'damaged-packaging' as const, description: 'sacs déchirés', mood: 'annoyed' as const };
    const body = complaintBody({ ...form, reserves: 'yes', quantities: { 101: '3', 102: '', 103: ' 0 ' } }, on);
    expect(body).toEqual({
      customerId: 7,
      orderId: 12,
      deliveryId: 30,
      lines: [{ orderLineId: 101, quantity: 3 }],
      reason: 'damaged-packaging',
      description: 'sacs déchirés',
      channel: 'phone',
      mood: 'annoyed',
      reservesMade: true,
    });
  });

  it('from the customer page: no order, no lines, reserves not said', () => {
    const body = complaintBody(
      { ...emptyComplaintForm(), reason: 'invoice-error', description: 'prix' },
      { customerId: 7, orderId: null, deliveryId: null },
    );
    expect(body).toEqual({ customerId: 7, reason: 'invoice-error', description: 'prix', channel: 'phone', reservesMade: null });
  });

  it('a quantity that is not a number goes to the server, which names the line', () => {
    expect(complaintBody({ ...emptyComplaintForm(), quantities: { 5: '2,5' } }, on).lines).toEqual([{ orderLineId: 5, quantity: NaN }]);
  });
});
