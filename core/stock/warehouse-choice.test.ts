import { describe, expect, it } from 'vitest';
import { pickWarehouse } from './warehouse-choice.ts';

describe('pickWarehouse', () => {
  it('prefers a warehouse that serves the whole quantity, then the one serving most of the order, then most available', () => {
    expect(
      pickWarehouse(50, [
        { warehouseId: 1, available: 40 },
        { warehouseId: 2, available: 60 },
        { warehouseId: 3, available: 500 },
      ]),
    ).toBe(3);
    expect(
      pickWarehouse(50, [
        { warehouseId: 1, available: 60, breadth: 3 },
        { warehouseId: 2, available: 500, breadth: 1 },
      ]),
    ).toBe(1);
  });

  it('takes the most available when none serves it all, the lowest id on a tie, and null when no warehouse holds it', () => {
    expect(
      pickWarehouse(50, [
        { warehouseId: 1, available: 10 },
        { warehouseId: 2, available: 30 },
      ]),
    ).toBe(2);
    expect(
      pickWarehouse(5, [
        { warehouseId: 2, available: 10 },
        { warehouseId: 1, available: 10 },
      ]),
    ).toBe(1);
    expect(pickWarehouse(5, [])).toBeNull();
  });

  it('ignores breadth when none serves in full: the shortage is smallest where most is available', () => {
    expect(
      pickWarehouse(50, [
        { warehouseId: 1, available: 10, breadth: 5 },
        { warehouseId: 2, available: 30, breadth: 0 },
      ]),
    ).toBe(2);
  });
});
