import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { fieldMessage, translatedFieldErrors } from './field-message.ts';

const t = ((key: string, values?: Record<string, string>) => (values ? `${key}:${JSON.stringify(values)}` : key)) as unknown as TFunction;

describe('fieldMessage', () => {
  it('translates the validator’s usual sentences', () => {
    expect(fieldMessage('must NOT have fewer than 1 characters', t)).toBe('fieldErrors.required');
    expect(fieldMessage('must match pattern "^\\d{13}$"', t)).toBe('fieldErrors.format');
    expect(fieldMessage('must be >= 1', t)).toBe('fieldErrors.min:{"min":"1"}');
    expect(fieldMessage('must NOT have more than 40 characters', t)).toBe('fieldErrors.tooLong:{"max":"40"}');
    expect(fieldMessage('has a wrong GS1 check digit', t)).toBe('fieldErrors.checkDigit');
    expect(fieldMessage('is already used by another delivery', t)).toBe('fieldErrors.taken');
  });
  it('keeps a business message as the server wrote it', () => {
    expect(fieldMessage('must be on or after the order date', t)).toBe('must be on or after the order date');
  });
});

describe('translatedFieldErrors', () => {
  it('names the holder of a GLN taken, from the problem, in the user’s language', () => {
    const holder = { kind: 'delivery-point', deliveryPointCode: 'C001-DP1', deliveryPointName: 'Saran', customerId: 1, customerCode: 'C001', customerName: 'Cap Marché' };
    const error = new ApiError(409, { code: 'CONFLICT', detail: 'GLN 3021000001023 is already held by …', errors: [{ path: 'body.gln', message: 'GLN 3021000001023 is already held by …' }], holder });
    expect(translatedFieldErrors(error, t)).toEqual({ gln: `fieldErrors.glnTaken:${JSON.stringify({ holder: `fieldErrors.glnHolder.delivery-point:${JSON.stringify(holder)}` })}` });
  });
});
