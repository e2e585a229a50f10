import type { SaleUnit } from '../catalog/product-enums.ts';
import type { ReadUnit } from './intake-enums.ts';

/** The unit words customers write, folded, and the unit each means. */
export const UNIT_WORDS: readonly [RegExp, ReadUnit][] = [
  [/^(sacs?|sachets? de 25|sx)$/, 'SAC'],
  [/^(colis|cartons?|ctns?|cart|crt|cartns?|caisses?|cs)$/, 'COLIS'],
  [/^(palettes?|pal|plt|pals)$/, 'PALETTE'],
  [/^(kg|kgs|kilos?|kilogrammes?)$/, 'KG'],
  [/^(t|tonnes?|tonnes|tn)$/, 'TONNE'],
  [/^(big ?bags?|bb|bigbags?)$/, 'BIG_BAG'],
  [/^(u|unites?|uvc|pieces?|pcs|pqts?|paquets?)$/, 'UNITE'],
];

export function readUnit(word: string): ReadUnit | null {
  for (const [re, unit] of UNIT_WORDS) if (re.test(word)) return unit;
  return null;
}

/** The read unit a sale unit is written as, when the customer wrote none. */
export const SALE_UNIT_AS_READ: Record<SaleUnit, ReadUnit> = {
  SAC: 'SAC',
  COLIS: 'COLIS',
  BIG_BAG: 'BIG_BAG',
  TONNE: 'TONNE',
  UNITE: 'UNITE',
};

export type UnitProduct = {
  saleUnit: SaleUnit;
  netWeightG: number;
  unitsPerCarton: number;
  cartonsPerLayer: number | null;
  layersPerPallet: number | null;
  name: string;
};

/** How many units a consumer carton holds, from the name ("— colis de 10"), for customers who count packets. */
function packetsPerSaleUnit(p: UnitProduct): number | null {
  const m = /colis de (\d+)/i.exec(p.name);
  return m ? Number(m[1]) : null;
}

/**
 * A quantity read in a unit, in the product's sale unit: 2 pallets of 25 kg sacks are 80 sacks, 500 kg of bulk
 * flour is not a whole tonne (null: the desk decides). Null when the units do not convert to a whole number.
 */
export function toSaleUnits(quantity: number, unit: ReadUnit, p: UnitProduct): number | null {
  const perPallet = p.cartonsPerLayer && p.layersPerPallet ? p.unitsPerCarton * p.cartonsPerLayer * p.layersPerPallet : null;
  let n: number | null;
  switch (unit) {
    case 'PALETTE':
      n = perPallet ? quantity * perPallet : null;
      break;
    case 'KG':
      n = (quantity * 1000) / p.netWeightG;
      break;
    case 'TONNE':
      n = p.saleUnit === 'TONNE' ? quantity : (quantity * 1_000_000) / p.netWeightG;
      break;
    case 'UNITE': {
      if (p.saleUnit === 'UNITE') n = quantity;
      else {
        const packets = packetsPerSaleUnit(p);
        n = packets ? quantity / packets : null;
      }
      break;
    }
    default:
      // A sack, a carton, a big bag: the customer's word for one sale unit.
      n = quantity;
  }
  if (n === null || !Number.isFinite(n)) return null;
  const rounded = Math.round(n);
  return Math.abs(n - rounded) < 1e-9 && rounded > 0 ? rounded : null;
}
