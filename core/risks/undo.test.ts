import { describe, expect, it } from 'vitest';
import { undoRefusal, type UndoSituation } from './undo.ts';

const still: UndoSituation = { appliedStatus: 'confirmed', status: 'confirmed', laterActions: [], leftDeliveries: 0, backorder: null };

describe('taking back an option applied on a risk call', () => {
  it('is possible while nothing moved on: the acknowledgement going out is not a move', () => {
    expect(undoRefusal(still)).toBeNull();
    expect(undoRefusal({ ...still, laterActions: ['acknowledgement_sent', 'acknowledgement_failed'] })).toBeNull();
    expect(undoRefusal({ ...still, backorder: { number: 'CDE-1-R1', status: 'confirmed', deliveries: 0 } })).toBeNull();
    expect(undoRefusal({ ...still, appliedStatus: 'released', status: 'released' })).toBeNull();
  });
  it('is refused once the order was released, changed, shipped, or its backorder went on', () => {
    expect(undoRefusal({ ...still, status: 'released' })).toEqual({ reason: 'status', from: 'confirmed', to: 'released' });
    expect(undoRefusal({ ...still, laterActions: ['acknowledgement_sent', 'change'] })).toEqual({ reason: 'changed', action: 'change' });
    expect(undoRefusal({ ...still, laterActions: ['resolve_risk'] })).toEqual({ reason: 'changed', action: 'resolve_risk' });
    expect(undoRefusal({ ...still, appliedStatus: 'released', status: 'released', leftDeliveries: 1 })).toEqual({ reason: 'shipped' });
    expect(undoRefusal({ ...still, backorder: { number: 'CDE-1-R1', status: 'released', deliveries: 1 } })).toEqual({
      reason: 'backorder',
      number: 'CDE-1-R1',
      status: 'released',
    });
  });
});
