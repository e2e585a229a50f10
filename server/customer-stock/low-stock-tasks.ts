import { productsBelowLeadTimeCover } from '../../core/customer-stock/propose.ts';
import type { DbOrTrx } from '../db/database.ts';
import { raiseTask, resolveTask } from '../tasks/tasks.service.ts';
import type { PointPicture, ProductPicture, StockPicture } from './stock-picture.ts';

export const LOW_STOCK_TASK = 'low-customer-stock';

const one = (n: number, locale: string) => n.toLocaleString(locale, { maximumFractionDigits: 1 });
const dayMonth = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}`;

function reason(low: ProductPicture[], deliveryDate: string | null) {
  const fr = low.map((l) => `${l.product.code} : ${one(l.coverNow!, 'fr-FR')} j de stock (${l.onHand})`).join(' ; ');
  const en = low.map((l) => `${l.product.code}: ${one(l.coverNow!, 'en-GB')} d of stock (${l.onHand})`).join('; ');
  const when = deliveryDate
    ? { fr: `livraison au plus tôt le ${dayMonth(deliveryDate)}`, en: `earliest delivery ${deliveryDate}` }
    : { fr: 'aucune date de livraison', en: 'no delivery date' };
  return {
    fr: `${fr} — ${when.fr} : rupture avant l'arrivée d'une commande.`,
    en: `${en} — ${when.en}: out of stock before an order can arrive.`,
  };
}

/**
 * For each delivery point of a VMI customer, the products whose stock runs out before an order placed now can
 * arrive raise one task for the customer's assistant (refreshed, not repeated, while it is open); once none is
 * short, the open task closes itself. A customer without VMI gets no task: nobody has taken its stock in hand.
 */
export async function refreshLowStockTasks(db: DbOrTrx, picture: StockPicture, now: Date, onlyPointIds?: readonly number[]): Promise<void> {
  for (const p of picture.points) {
    if (onlyPointIds && !onlyPointIds.includes(p.point.id)) continue;
    await refreshPoint(db, picture, p, now);
  }
}

async function refreshPoint(db: DbOrTrx, picture: StockPicture, p: PointPicture, now: Date): Promise<void> {
  const key = `${picture.customer.id}:${p.point.id}`;
  const low = (productsBelowLeadTimeCover(p.products) as ProductPicture[]).sort((a, b) => a.coverNow! - b.coverNow!);
  if (!picture.settings.enabled || !low.length) {
    await resolveTask(db, LOW_STOCK_TASK, key, now);
    return;
  }
  const where = `${picture.customer.name} — ${p.point.name}`;
  await raiseTask(
    db,
    {
      kind: LOW_STOCK_TASK,
      dedupeKey: key,
      customerId: picture.customer.id,
      title: {
        fr: `Stock client bas : ${low.length} produit${low.length > 1 ? 's' : ''} chez ${where}`,
        en: `Low customer stock: ${low.length} product${low.length > 1 ? 's' : ''} at ${where}`,
      },
      reason: reason(low, p.deliveryDate),
      // Already out (less than a day): today's first call.
      priority: low[0].coverNow! < 1 ? 1 : 2,
      dueDate: picture.today,
      estimatedMinutes: 10,
      assigneeId: picture.customer.assistantUserId,
      productId: low[0].product.id,
      deliveryPointId: p.point.id,
      data: {
        deliveryDate: p.deliveryDate,
        products: low.map((l) => ({ productId: l.product.id, onHand: l.onHand, coverNow: l.coverNow, leadTimeDays: l.leadTimeDays })),
      },
    },
    now,
  );
}
