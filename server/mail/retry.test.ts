import { describe, expect, it } from 'vitest';
import { afterFailure, MAX_ATTEMPTS } from './retry.ts';

describe('afterFailure', () => {
  it('retries what may pass later, sooner first: 1 min, 2, 4… capped at 6 h', () => {
    expect(afterFailure(1, undefined)).toEqual({ status: 'pending', retryInMs: 60_000 });
    expect(afterFailure(2, 421)).toEqual({ status: 'pending', retryInMs: 120_000 });
    expect(afterFailure(3, undefined)).toEqual({ status: 'pending', retryInMs: 240_000 });
    expect(afterFailure(MAX_ATTEMPTS - 1, undefined)).toEqual({ status: 'pending', retryInMs: 6 * 3600_000 });
  });

  it('gives up on a 5xx refusal at once, and on anything after the last attempt', () => {
    expect(afterFailure(1, 550)).toEqual({ status: 'failed' });
    expect(afterFailure(MAX_ATTEMPTS, undefined)).toEqual({ status: 'failed' });
  });
});
