import { describe, expect, it } from 'vitest';
import { eventChanges } from './event-changes.ts';

describe('eventChanges', () => {
  it('lists only the fields that changed', () => {
    expect(eventChanges({ status: 'confirmed', number: 'C-1' }, { status: 'released', number: 'C-1' })).toEqual([
      { field: 'status', from: 'confirmed', to: 'released' },
    ]);
  });
  it('shows a created record as coming from nothing', () => {
    expect(eventChanges(null, { status: 'draft', note: null })).toEqual([{ field: 'status', from: null, to: 'draft' }]);
  });
  it('compares nested values by content', () => {
    expect(eventChanges({ lines: [1] }, { lines: [1] })).toEqual([]);
    expect(eventChanges({ lines: [1] }, { lines: [1, 2] })).toEqual([{ field: 'lines', from: [1], to: [1, 2] }]);
  });
});
