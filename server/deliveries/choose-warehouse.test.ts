import { describe, expect, it } from 'vitest';
import { chooseWarehouse, quantitiesByProduct } from './choose-warehouse.ts';

const level = (warehouseId: number, productId: number, onHand: number, reserved = 0) => ({ warehouseId, productId, onHand, reserved });

describe('chooseWarehouse', () => {
  it('picks the warehouse that can serve most of the order, counting each line up to its quantity', () => {
    // Warehouse 2 holds a mountain of product 1, but warehouse 1 can serve both lines.
    const stock = [level(1, 1, 50), level(1, 2, 50), level(2, 1, 10_000)];
    expect(chooseWarehouse([{ productId: 1, quantity: 50 }, { productId: 2, quantity: 50 }], stock, [1, 2])).toBe(1);
  });

  it('counts only what is not already reserved', () => {
    const stock = [level(1, 1, 100, 95), level(2, 1, 40)];
    expect(chooseWarehouse([{ productId: 1, quantity: 30 }], stock, [1, 2])).toBe(2);
  });

  it('breaks a tie on the most available, then on the lowest id; null without warehouses', () => {
    expect(chooseWarehouse([{ productId: 1, quantity: 5 }], [level(1, 1, 10), level(2, 1, 20)], [1, 2])).toBe(2);
    expect(chooseWarehouse([{ productId: 1, quantity: 5 }], [], [3, 2])).toBe(2);
    expect(chooseWarehouse([{ productId: 1, quantity: 5 }], [], [])).toBeNull();
  });

  it('adds up lines of the same product', () => {
    expect(quantitiesByProduct([{ productId: 1, quantity: 2 }, { productId: 2, quantity: 1 }, { productId: 1, quantity: 3 }])).toEqual([
      { productId: 1, quantity: 5 },
      { productId: 2, quantity: 1 },
    ]);
  });
});
