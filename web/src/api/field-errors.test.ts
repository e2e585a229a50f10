import { describe, expect, it } from 'vitest';
import { ApiError } from './client.ts';
import { fieldErrors } from './field-errors.ts';

describe('fieldErrors', () => {
  it('maps problem paths to form fields, first error per field', () => {
    const error = new ApiError(400, {
      detail: 'Invalid request',
      errors: [
        { path: 'body.name', code: 'required', params: {}, message: 'must not be empty' },
        { path: 'body.name', code: 'too-long', params: { limit: 80 }, message: 'second' },
        { path: 'body.deliveryPoints.0.gln', code: 'check-digit', params: {}, message: 'bad check digit' },
        { path: 'querystring.limit', code: 'out-of-range', params: { comparison: '<=', limit: 500 }, message: 'too big' },
      ],
    });
    expect(fieldErrors(error)).toMatchObject({ name: { code: 'required' }, 'deliveryPoints.0.gln': { code: 'check-digit' } });
    expect(Object.keys(fieldErrors(error))).toEqual(['name', 'deliveryPoints.0.gln']);
  });

  it('gives nothing for an error that is not from the server', () => {
    expect(fieldErrors(new Error('network'))).toEqual({});
  });
});
