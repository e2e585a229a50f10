import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { riskExposure } from './exposure.ts';
import type { ProductStock, RiskLine, RiskOrder, WarehouseStockView } from './risk.types.ts';
import { scanRisks } from './scan-risks.ts';

const today = '2026-01-19';
let nextId = 1;
type Flat = RiskOrder & Omit<RiskLine, 'order'>;
/** A one-line order; order and line fields given flat, as the tests read best. */
function line(over: Partial<Flat> = {}): RiskLine & { orderId: number } {
  const id = nextId++;
  const f: Flat = {
    orderId: id,
    orderNumber: `CDE-${id}`,
    lineId: id,
    lineNo: 1,
    customerId: 1,
    typology: 'ARTISAN',
    released: false,
    promisedDate: '2026-01-21',
    productId: 10,
    quantity: 10,
    netCents: 10_000,
    penaltyCategory: 'FARINES',
    minRemainingShelfLifePct: null,
    appointmentRequired: false,
    appointmentAt: null,
    palletsCenti: 100,
    weightG: 1_000_000,
    truck: { maxPallets: 33, maxWeightG: 24_000_000 },
    penalty: null,
    warehouseId: null,
    plannedDate: null,
    ...over,
  };
  const { lineId, lineNo, productId, quantity, netCents, penaltyCategory, warehouseId, plannedDate, ...order } = f;
  return { order, orderId: order.orderId, lineId, lineNo, productId, quantity, netCents, penaltyCategory, warehouseId, plannedDate };
}
const place = (over: Partial<WarehouseStockView> = {}): WarehouseStockView => ({
  warehouseId: 1,
  onHand: 0,
  lots: [],
  receipts: [],
  ...over,
});
/** One warehouse (the mill) unless `warehouses` says otherwise. */
const stock = (over: Partial<WarehouseStockView> & { warehouses?: WarehouseStockView[] } = {}): ProductStock => {
  const { warehouses, ...one } = over;
  return { shelfLifeDays: 270, warehouses: warehouses ?? [place(one)] };
};

describe('scanRisks', () => {
  it('sees each warehouse on its own: a released line short in its warehouse is a risk there though another holds the goods', () => {
    const released = line({ released: true, warehouseId: 1, quantity: 80 });
    const risks = scanRisks(
      [released],
      new Map([[10, stock({ warehouses: [place({ warehouseId: 1, onHand: 50 }), place({ warehouseId: 2, onHand: 200 })] })]]),
      today,
    );
    expect(risks.map((r) => [r.orderLineId, r.shortfall, r.warehouseId])).toEqual([[released.lineId, 30, 1]]);
  });

  it('sends a line release has not placed yet to the warehouse that can serve it all, as release would; short only where none can', () => {
    const two = () => stock({ warehouses: [place({ warehouseId: 1, onHand: 50 }), place({ warehouseId: 2, onHand: 60 })] });
    expect(scanRisks([line({ quantity: 60 })], new Map([[10, two()]]), today)).toEqual([]);
    // 50 + 60 together would do, but a product leaves from one warehouse: 20 missing where most is.
    expect(scanRisks([line({ quantity: 80 })], new Map([[10, two()]]), today).map((r) => [r.shortfall, r.warehouseId])).toEqual([[20, 2]]);
  });

  it('dates a split-off part by its own date: it is served after the earlier lines and its risk carries that date', () => {
    const receipt = {
      id: 1,
      date: '2026-01-26',
      originalDate: '2026-01-26',
      quantity: 20,
      status: 'planned' as const,
      ref: 'OF-2',
      production: true,
    };
    const now = line({ quantity: 40, promisedDate: '2026-01-21' });
    const later = line({ ...now.order, quantity: 40, plannedDate: '2026-01-26', lineId: 999, lineNo: 2 });
    const risks = scanRisks([later, now], new Map([[10, stock({ onHand: 50, receipts: [receipt] })]]), today);
    expect(risks.map((r) => [r.orderLineId, r.promisedDate, r.shortfall])).toEqual([[999, '2026-01-26', 10]]);
  });

  it('serves lines in promise order; the one the stock does not reach is short', () => {
    const a = line({ promisedDate: '2026-01-20', quantity: 30 });
    const b = line({ promisedDate: '2026-01-21', quantity: 30 });
    const risks = scanRisks([b, a], new Map([[10, stock({ onHand: 50 })]]), today);
    expect(risks).toHaveLength(1);
    expect(risks[0]).toMatchObject({ orderLineId: b.lineId, cause: 'stock-shortfall', shortfall: 10, daysLeft: 2, valueCents: 3333 });
  });

  it('blames a slipped receipt on the one line that counted on it, and no other', () => {
    const receipt = {
      id: 1,
      date: '2026-01-20',
      originalDate: '2026-01-20',
      quantity: 100,
      status: 'planned' as const,
      ref: 'OF-1',
      production: true,
    };
    const lines = [
      line({ promisedDate: '2026-01-19', quantity: 40 }),
      line({ promisedDate: '2026-01-21', quantity: 80 }),
      line({ promisedDate: '2026-01-26', quantity: 60 }),
    ];
    const before = scanRisks(lines, new Map([[10, stock({ onHand: 100, receipts: [receipt] })]]), today);
    expect(before).toEqual([]);
    const after = scanRisks(lines, new Map([[10, stock({ onHand: 100, receipts: [{ ...receipt, date: '2026-01-23' }] })]]), today);
    expect(after.map((r) => [r.orderLineId, r.cause, r.shortfall, r.receiptRef])).toEqual([[lines[1].lineId, 'receipt-late', 20, 'OF-1']]);
    const cancelled = scanRisks(lines, new Map([[10, stock({ onHand: 100, receipts: [{ ...receipt, status: 'cancelled' }] })]]), today);
    expect(cancelled.map((r) => [r.orderLineId, r.cause])).toEqual([
      [lines[1].lineId, 'receipt-late'],
      [lines[2].lineId, 'receipt-late'],
    ]);
  });

  it("keeps lots too old for a retailer's minimum out of his lines, not out of an artisan's", () => {
    const lots = [{ productionDate: '2025-07-31', bestBefore: '2026-04-29', quantity: 100 }];
    const retail = line({ typology: 'GMS_CENTRALE', minRemainingShelfLifePct: 66, quantity: 50 });
    const artisan = line({ quantity: 50 });
    const risks = scanRisks([retail, artisan], new Map([[10, stock({ onHand: 100, lots })]]), today);
    expect(risks.map((r) => [r.orderLineId, r.shortfall])).toEqual([[retail.lineId, 50]]);
  });

  it('flags a load beyond one truck and an appointment not booked two days ahead, once per order', () => {
    const heavy = line({ weightG: 25_000_000 });
    const sibling = { ...line(), order: heavy.order, lineNo: 2 };
    const unbooked = line({ appointmentRequired: true, promisedDate: '2026-01-21' });
    const farOff = line({ appointmentRequired: true, promisedDate: '2026-01-28' });
    const booked = line({ appointmentRequired: true, appointmentAt: '2026-01-21T06:00:00Z' });
    const risks = scanRisks([heavy, sibling, unbooked, farOff, booked], new Map([[10, stock({ onHand: 1000 })]]), today);
    expect(risks.map((r) => [r.orderId, r.orderLineId, r.cause, r.valueCents])).toEqual([
      [heavy.orderId, null, 'truck-capacity', 20_000],
      [unbooked.orderId, null, 'appointment-missing', 10_000],
    ]);
  });

  it('ranks a retail chain with a penalty due tomorrow above an artisan next week, and says why', () => {
    const penalty = {
      l441Applicable: true,
      missingValueBp: 1000,
      lateFlatCents: 12_000,
      latePerDayCents: null,
      incidentFlatCents: null,
      capBp: 200,
    };
    const chain = line({ typology: 'GMS_CENTRALE', promisedDate: '2026-01-20', quantity: 100, netCents: 200_000, penalty });
    const artisan = line({ promisedDate: '2026-01-26', quantity: 100 });
    const [a, b] = scanRisks([artisan, chain], new Map([[10, stock({ onHand: 0 })]]), today).sort(
      (x, y) => y.priority.score - x.priority.score,
    );
    expect(a.orderLineId).toBe(chain.lineId);
    expect(a.exposureCents).toBe(4000); // 10 % of 2 000 € = 200 €, capped at 2 % = 40 €
    expect(a.priority.reason.fr).toContain('livraison demain (+25)');
    expect(a.priority.reason.fr).toContain('centrale GMS (+25)');
    expect(a.priority.reason.en).toContain('estimated penalty €40.00');
    expect(a.priority.score).toBeGreaterThan(b.priority.score);
  });

  it('estimates exposure: outside L441 uncapped, an incident flat for a missed appointment', () => {
    const t = {
      l441Applicable: false,
      missingValueBp: 500,
      lateFlatCents: null,
      latePerDayCents: null,
      incidentFlatCents: 15_000,
      capBp: 200,
    };
    expect(riskExposure(t, 'stock-shortfall', 100_000, 100_000)).toBe(5000);
    expect(riskExposure(t, 'appointment-missing', 0, 100_000)).toBe(15_000);
    expect(riskExposure(null, 'stock-shortfall', 100_000, 100_000)).toBe(0);
  });
});

describe('scanRisks with production shortfalls', () => {
  const run = {
    id: 1,
    date: '2026-01-20',
    originalDate: '2026-01-20',
    quantity: 256,
    status: 'planned' as const,
    ref: 'OF-S-26-034',
    production: true,
  };
  const cut = (reducedPct: number) => ({ productId: 10, warehouseId: 1, from: '2026-01-19', to: '2026-01-28', reducedPct, endedOn: null });
  const view = () => new Map([[10, stock({ onHand: 88, receipts: [run] })]]);

  it('makes the orders the cut run no longer serves risks of cause production shortfall, naming the run', () => {
    const capMarche = line({ quantity: 256, typology: 'GMS_CENTRALE' });
    const spd = line({ quantity: 64 });
    expect(scanRisks([capMarche, spd], view(), today)).toEqual([]);
    const risks = scanRisks([capMarche, spd], view(), today, [cut(60)]);
    // 88 on hand + 102 of the 256 planned: the first order takes all 190, the second gets nothing.
    expect(risks.map((r) => [r.orderId, r.cause, r.shortfall, r.receiptRef])).toEqual([
      [capMarche.orderId, 'production-shortfall', 66, 'OF-S-26-034'],
      [spd.orderId, 'production-shortfall', 64, 'OF-S-26-034'],
    ]);
  });

  it('names the run even when the shortfall stops the line altogether (100 %): the line counted on it', () => {
    const spd = line({ quantity: 120 });
    expect(scanRisks([spd], view(), today, [cut(100)]).map((r) => [r.cause, r.shortfall, r.receiptRef])).toEqual([
      ['production-shortfall', 32, 'OF-S-26-034'],
    ]);
  });

  it('leaves another warehouse, another product and the orders before the run as they were', () => {
    const before = line({ quantity: 80, promisedDate: '2026-01-19' });
    const risks = scanRisks([before], view(), today, [{ ...cut(100), warehouseId: 2 }, { ...cut(100), productId: 11 }, cut(100)]);
    expect(risks).toEqual([]);
  });

  it('property: a 0 % shortfall changes nothing, and a larger one never makes fewer risks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ quantity: fc.integer({ min: 1, max: 300 }), day: fc.integer({ min: 19, max: 31 }) }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.array(fc.record({ quantity: fc.integer({ min: 1, max: 400 }), day: fc.integer({ min: 19, max: 31 }) }), { maxLength: 5 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (orders, runs, onHand, a, b) => {
          const date = (d: number) => `2026-01-${String(d).padStart(2, '0')}`;
          const lines = orders.map((o) => line({ quantity: o.quantity, promisedDate: date(o.day) }));
          const receipts = runs.map((r, i) => ({ ...run, id: i + 1, date: date(r.day), originalDate: date(r.day), quantity: r.quantity }));
          const scan = (pct: number | null) =>
            scanRisks(
              lines,
              new Map([[10, stock({ onHand, receipts })]]),
              today,
              pct === null ? [] : [{ ...cut(pct), from: date(19), to: date(31) }],
            );
          expect(scan(0)).toEqual(scan(null));
          const [low, high] = a <= b ? [a, b] : [b, a];
          const fewer = scan(low);
          const more = scan(high);
          expect(more.length).toBeGreaterThanOrEqual(fewer.length);
          for (const r of fewer) expect(more.find((m) => m.orderLineId === r.orderLineId)?.shortfall).toBeGreaterThanOrEqual(r.shortfall);
        },
      ),
    );
  });
});
