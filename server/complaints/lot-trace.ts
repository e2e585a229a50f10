import type { LotTrace } from '../../core/complaints/lot-trace.schemas.ts';
import type { DbOrTrx } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { listLotShipments, listLotStock } from './lot-trace.repository.ts';

/**
 * The first question of a recall, in one answer: who received the lot, how much, when, and what is left. A lot that
 * neither left on a delivery nor stands in stock is one Carnet does not know: 404, not an empty trace that would
 * read as "nobody received it".
 */
export async function traceLot(db: DbOrTrx, lot: string, productId: number | undefined): Promise<LotTrace> {
  const [deliveries, stock] = await Promise.all([listLotShipments(db, lot, productId), listLotStock(db, lot, productId)]);
  if (deliveries.length === 0 && stock.length === 0) throw notFound('Lot', lot);
  return {
    lot,
    productId: productId ?? null,
    deliveries,
    customerCount: new Set(deliveries.map((d) => d.customerId)).size,
    shippedQuantity: deliveries.reduce((sum, d) => sum + d.quantity, 0),
    stock,
  };
}
