import { describe, expect, it } from 'vitest';
import { ApiError } from './client.ts';
import { fieldErrors } from './field-errors.ts';

describe('fieldErrors', () => {
  it('maps problem paths to form fields, first message per field', () => {
    const error = new ApiError(400, {
      detail: 'Invalid request',
      errors: [
        { path: 'body.name', message: 'must not be empty' },
        { path: 'body.name', message: 'second' },
        { path: 'body.deliveryPoints.0.gln', message: 'bad check digit' },
        { path: 'querystring.limit', message: 'too big' },
      ],
    });
    expect(fieldErrors(error)).toEqual({ name: 'must not be empty', 'deliveryPoints.0.gln': 'bad check digit' });
  });

  it('gives nothing for an error that is not from the server', () => {
    expect(fieldErrors(new Error('network'))).toEqual({});
  });
});
