import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseWarehouses, quantitiesByProduct, shipFromStock } from './choose-warehouse.ts';

const level = (warehouseId: number, productId: number, onHand: number, reserved = 0) => ({ warehouseId, productId, onHand, reserved });
const where = (allocations: ReturnType<typeof chooseWarehouses>) => allocations?.map((a) => [a.productId, a.warehouseId]);

describe('chooseWarehouses', () => {
  it('sends each product to a warehouse that holds it: flour from the mill, frozen goods from the cold store', () => {
    const stock = [level(1, 10, 260), level(3, 20, 300)];
    expect(
      chooseWarehouses(
        [
          { productId: 10, quantity: 40 },
          { productId: 20, quantity: 5 },
        ],
        stock,
        [1, 2, 3],
      ),
    ).toEqual([
      { productId: 10, warehouseId: 1, quantity: 40, short: 0 },
      { productId: 20, warehouseId: 3, quantity: 5, short: 0 },
    ]);
  });

  it('keeps the order together where one warehouse can serve several products in full', () => {
    // Warehouse 2 holds a mountain of product 1, but warehouse 1 can serve both lines: one delivery, not two.
    const stock = [level(1, 1, 50), level(1, 2, 50), level(2, 1, 10_000)];
    expect(
      where(
        chooseWarehouses(
          [
            { productId: 1, quantity: 50 },
            { productId: 2, quantity: 50 },
          ],
          stock,
          [1, 2],
        ),
      ),
    ).toEqual([
      [1, 1],
      [2, 1],
    ]);
  });

  it('counts only what is not already reserved, and takes the most available when none can serve it all', () => {
    expect(where(chooseWarehouses([{ productId: 1, quantity: 30 }], [level(1, 1, 100, 95), level(2, 1, 40)], [1, 2]))).toEqual([[1, 2]]);
    const short = chooseWarehouses([{ productId: 1, quantity: 30 }], [level(1, 1, 10), level(2, 1, 25, 5)], [1, 2]);
    expect(short).toEqual([{ productId: 1, warehouseId: 2, quantity: 30, short: 10 }]);
  });

  it('reserves short where the warehouse has less than the order, counting reservations of others', () => {
    expect(chooseWarehouses([{ productId: 1, quantity: 10 }], [level(1, 1, 4, 6)], [1])).toEqual([
      { productId: 1, warehouseId: 1, quantity: 10, short: 10 },
    ]);
  });

  it('breaks ties on the most available, then on the lowest id', () => {
    expect(where(chooseWarehouses([{ productId: 1, quantity: 5 }], [level(1, 1, 10), level(2, 1, 20)], [1, 2]))).toEqual([[1, 2]]);
    expect(where(chooseWarehouses([{ productId: 1, quantity: 5 }], [level(2, 1, 10), level(1, 1, 10)], [2, 1]))).toEqual([[1, 1]]);
  });

  it('sends a product no warehouse holds with the bulk of the order, or to the lowest id; null without warehouses', () => {
    const stock = [level(3, 1, 10), level(3, 2, 10)];
    expect(
      chooseWarehouses(
        [
          { productId: 1, quantity: 1 },
          { productId: 2, quantity: 1 },
          { productId: 9, quantity: 4 },
        ],
        stock,
        [1, 2, 3],
      )![2],
    ).toEqual({
      productId: 9,
      warehouseId: 3,
      quantity: 4,
      short: 4,
    });
    expect(where(chooseWarehouses([{ productId: 1, quantity: 5 }], [], [3, 2]))).toEqual([[1, 2]]);
    expect(chooseWarehouses([{ productId: 1, quantity: 5 }], [], [])).toBeNull();
  });

  it('always picks a warehouse that holds the product when one does, and never reports more short than ordered', () => {
    const arb = fc.record({
      stock: fc.array(
        fc.record({
          warehouseId: fc.integer({ min: 1, max: 4 }),
          productId: fc.integer({ min: 1, max: 5 }),
          onHand: fc.nat(100),
          reserved: fc.nat(100),
        }),
        {
          maxLength: 12,
        },
      ),
      needs: fc.uniqueArray(fc.record({ productId: fc.integer({ min: 1, max: 6 }), quantity: fc.integer({ min: 1, max: 150 }) }), {
        selector: (n) => n.productId,
        minLength: 1,
        maxLength: 6,
      }),
    });
    fc.assert(
      fc.property(arb, ({ stock, needs }) => {
        const unique = stock.filter((s, i) => stock.findIndex((o) => o.warehouseId === s.warehouseId && o.productId === s.productId) === i);
        const plan = chooseWarehouses(needs, unique, [1, 2, 3, 4])!;
        return plan.every((a, i) => {
          const held = unique.some((s) => s.productId === a.productId);
          const holds = unique.some((s) => s.productId === a.productId && s.warehouseId === a.warehouseId);
          return a.productId === needs[i].productId && (!held || holds) && a.short >= 0 && a.short <= a.quantity;
        });
      }),
    );
  });

  it('sends a line bound to a warehouse (a risk moved it there) to that warehouse, even where another has more', () => {
    const stock = [level(1, 1, 100), level(2, 1, 100)];
    expect(
      chooseWarehouses(
        [
          { productId: 1, quantity: 150, warehouseId: 2 },
          { productId: 1, quantity: 10 },
        ],
        stock,
        [1, 2],
      ),
    ).toEqual([
      { productId: 1, warehouseId: 2, quantity: 150, short: 50 },
      { productId: 1, warehouseId: 1, quantity: 10, short: 0 },
    ]);
  });

  it('adds up lines of the same product, a bound line apart', () => {
    expect(
      quantitiesByProduct([
        { productId: 1, quantity: 2, warehouseId: 3 },
        { productId: 1, quantity: 4, warehouseId: null },
      ]),
    ).toEqual([
      { productId: 1, quantity: 2, warehouseId: 3 },
      { productId: 1, quantity: 4 },
    ]);
  });

  it('adds up lines of the same product', () => {
    expect(
      quantitiesByProduct([
        { productId: 1, quantity: 2 },
        { productId: 2, quantity: 1 },
        { productId: 1, quantity: 3 },
      ]),
    ).toEqual([
      { productId: 1, quantity: 5 },
      { productId: 2, quantity: 1 },
    ]);
  });
});

describe('shipFromStock', () => {
  it('takes the quantity off on hand and reserved', () => {
    expect(shipFromStock({ onHand: 260, reserved: 520 }, 40)).toEqual({ onHand: 220, reserved: 480, missing: 0 });
  });

  it('never lets on hand or reserved go below zero, and says how much was missing', () => {
    expect(shipFromStock({ onHand: 4, reserved: 16 }, 10)).toEqual({ onHand: 0, reserved: 6, missing: 6 });
    expect(shipFromStock(undefined, 3)).toEqual({ onHand: 0, reserved: 0, missing: 3 });
    expect(shipFromStock({ onHand: -2, reserved: 0 }, 3)).toEqual({ onHand: 0, reserved: 0, missing: 3 });
  });
});
