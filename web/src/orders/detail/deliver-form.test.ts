import { describe, expect, it } from 'vitest';
import type { OrderLine } from '../../../../core/orders/order.ts';
import { deliverBody, initialDeliverInputs } from './deliver-form.ts';

const line = (id: number, quantity: number, status: OrderLine['status'] = 'open'): OrderLine => ({
  id,
  lineNo: id,
  productId: id,
  productCode: `P${id}`,
  productName: `Product ${id}`,
  customerCode: null,
  quantity,
  saleUnit: 'SAC',
  unitPriceCents: 1000,
  netCents: 1000 * quantity,
  vatRateBp: 550,
  deliveredQuantity: null,
  status,
  backorderOfLineId: null,
  promotionId: null,
  discount: null,
  freeQuantity: 0,
  warehouseId: null,
  plannedDate: null,
  expectedUnitPriceCents: null,
  agreedUnitPriceCents: null,
  customerLineNo: null,
});

describe('deliver form', () => {
  it('proposes everything delivered, for open lines only', () => {
    expect(initialDeliverInputs([line(1, 10), line(2, 4, 'cancelled')])).toEqual([
      { lineId: 1, deliveredQuantity: 10, shortfall: 'backorder' },
    ]);
  });
  it('sends the shortfall choice only for short lines', () => {
    const lines = [line(1, 10), line(2, 4)];
    const body = deliverBody(lines, [
      { lineId: 1, deliveredQuantity: 10, shortfall: 'backorder' },
      { lineId: 2, deliveredQuantity: 1, shortfall: 'cancel' },
    ]);
    expect(body).toEqual({
      lines: [
        { lineId: 1, deliveredQuantity: 10 },
        { lineId: 2, deliveredQuantity: 1, shortfall: 'cancel' },
      ],
    });
  });
});
