import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { fieldMessage } from './field-message.ts';

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
